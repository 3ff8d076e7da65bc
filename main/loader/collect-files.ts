// Expands dropped or given paths into the files to read, recursively, yielding them as they are
// found so parsing starts at once on a large AWSLogs/ tree instead of after a full walk.

import { promises as fs, type Stats } from 'node:fs'
import path from 'node:path'

/** A local input: a file or folder path, and the name to show for it (s3://..., a dropped file's name). */
export interface InputPath {
  path: string
  displayName?: string
}

/** Inputs known up front (a drop), or arriving over time (S3 objects as they download). */
export type InputSource = Iterable<InputPath> | AsyncIterable<InputPath>

export interface FoundFile {
  path: string
  /** What to call it in messages: the given display name, else the path. */
  displayName: string
  size: number
}

export interface WalkProblem {
  file: string
  reason: string
}

/** Names that are never logs: OS litter and hidden files (.DS_Store, .git, ...). */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini'
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'too many symbolic links'
  return error instanceof Error ? error.message : String(error)
}

/**
 * Walks the inputs depth-first in name order (so the AWSLogs date folders come in date order).
 * Problems (a missing path, an unreadable folder) are yielded, never thrown: one bad input must
 * not cost the others.
 */
export async function* collectFiles(inputs: InputSource): AsyncGenerator<FoundFile | WalkProblem> {
  for await (const input of inputs) {
    const shown = input.displayName ?? input.path
    let stat
    try {
      stat = await fs.stat(input.path)
    } catch (error) {
      yield { file: shown, reason: describe(error) }
      continue
    }
    if (stat.isFile()) {
      yield { path: input.path, displayName: shown, size: stat.size }
    } else if (stat.isDirectory()) {
      yield* walkFolder(input.path, input.displayName)
    } else {
      yield { file: shown, reason: 'not a regular file or folder' }
    }
  }
}

async function* walkFolder(folder: string, shownFolder: string | undefined): AsyncGenerator<FoundFile | WalkProblem> {
  let entries
  try {
    entries = await fs.readdir(folder, { withFileTypes: true })
  } catch (error) {
    yield { file: shownFolder ?? folder, reason: describe(error) }
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files = entries.filter((e) => !isIgnoredName(e.name) && (e.isFile() || e.isSymbolicLink()))
  // Stat a folder's files together: per-file latency dominates on folders of tiny files.
  const stats = await Promise.all(
    files.map((e) => fs.stat(path.join(folder, e.name)).then((s): Stats | Error => s, (error: unknown) => toError(error))),
  )
  for (let i = 0; i < files.length; i++) {
    const full = path.join(folder, files[i].name)
    const shown = shownFolder ? path.join(shownFolder, files[i].name) : full
    const stat = stats[i]
    // A symbolic link to a folder is not followed: it could loop back up the tree.
    if (stat instanceof Error) yield { file: shown, reason: describe(stat) }
    else if (stat.isFile()) yield { path: full, displayName: shown, size: stat.size }
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !isIgnoredName(entry.name)) {
      const shown = shownFolder ? path.join(shownFolder, entry.name) : undefined
      yield* walkFolder(path.join(folder, entry.name), shown)
    }
  }
}

export function isProblem(item: FoundFile | WalkProblem): item is WalkProblem {
  return 'reason' in item
}
