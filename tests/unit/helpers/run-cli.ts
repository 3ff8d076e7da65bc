// Runs the built CLI (dist/main/cli.cjs, from the global setup) as a child process, as a script
// would: stdout, stderr and the exit status, nothing mocked.

import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../../..', import.meta.url))
export const CLI = path.join(REPO, 'dist', 'main', 'cli.cjs')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** The program and its first arguments (default: node dist/main/cli.cjs). */
  command?: string[]
  /** Added to (not replacing) this process's environment. */
  env?: NodeJS.ProcessEnv
}

export function runCli(args: string[], options: RunOptions = {}): CliRun {
  const [program, ...first] = options.command ?? [process.execPath, CLI]
  const result = spawnSync(program, [...first, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...options.env } })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
