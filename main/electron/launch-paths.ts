// Paths handed to the app when it starts: on its own command line (`electron . a.json.gz`,
// or `Ashiato a.json.gz` once packaged) or a second instance's. Pure, so it is tested directly.

import path from 'node:path'

export interface ArgvOptions {
  /** Unpackaged (`electron . a.json`): argv[1] is the app's folder, not a file to open. */
  skipAppPath: boolean
  /** Where the command was run, to resolve relative paths against. */
  cwd: string
}

/**
 * The files and folders in an Electron argv. argv[0] is the executable; switches (Electron's,
 * Chromium's, or Playwright's --inspect=0 --remote-debugging-port=0, which come before the app
 * path) are skipped; after '--' everything is a path.
 */
export function pathsFromArgv(argv: readonly string[], options: ArgvOptions): string[] {
  const paths: string[] = []
  let appPathSkipped = !options.skipAppPath
  let onlyPaths = false
  for (const arg of argv.slice(1)) {
    if (!onlyPaths && arg === '--') {
      onlyPaths = true
      continue
    }
    if (!onlyPaths && arg.startsWith('-')) continue // a switch (also macOS's old -psn_0_1234)
    if (!appPathSkipped) {
      appPathSkipped = true
      continue
    }
    if (arg !== '') paths.push(path.resolve(options.cwd, arg))
  }
  return paths
}

/** A second instance's paths, sent as requestSingleInstanceLock's additionalData; checked since it crosses processes. */
export function pathsFromAdditionalData(data: unknown): string[] | null {
  const paths = (data as { paths?: unknown } | null)?.paths
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && path.isAbsolute(p))) return null
  return paths
}
