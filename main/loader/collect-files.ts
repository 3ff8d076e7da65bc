// Expands dropped or given paths into the files to read, recursively, yielding them as they are
// found so parsing starts at once on a large AWSLogs/ tree instead of after a full walk.

import { promises as fs, statSync, type Dirent, type Stats } from 'node:fs'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * The walk's slice of the event loop: synchronous readdir and stat calls until this long, then
 * a turn for everything else. A promise per stat cost ~30 µs of main-thread time each (0.7 s of
 * CPU and 1.5–1.9 s of waiting for the 24,192 files of the realistic 1M corpus, all before the
 * first file could be parsed, since a local load is counted first); a synchronous one costs a
 * few µs, and 4 ms slices keep the main process answering while a large tree is walked.
 */
const SLICE_MS = 4
let sliceStart = 0

/** Whether the current slice is used up (then `await nextSlice()`). */
const sliceUsed = (): boolean => performance.now() - sliceStart >= SLICE_MS

async function nextSlice(): Promise<void> {
  await nextTurn()
  sliceStart = performance.now()
}

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

export interface WalkOptions {
  /**
   * The first this many items are only passed over by the caller (a second walk finding where
   * the held items of the first one end, count-inputs.ts): a regular file among them is yielded
   * unstatted, with size -1. Only its name is read; it is counted as a file as a stat would
   * (the stat of a file that vanished in between would have made it a problem, which the
   * caller's check of the boundary's name reports as a changed folder).
   */
  unstatted?: number
}

/** Counts an item towards the ones passed over (see WalkOptions); returns it. */
function passed<T>(skip: { left: number }, item: T): T {
  if (skip.left > 0) skip.left--
  return item
}

/** `path.join(folder, name)` for every plain entry name of a folder is this + name: one normalisation per folder, not per file (a tenth of the walk's time). */
function joinPrefix(folder: string): string {
  return path.join(folder, 'x').slice(0, -1)
}

/**
 * Walks the inputs depth-first in name order (so the AWSLogs date folders come in date order).
 * Problems (a missing path, an unreadable folder) are yielded, never thrown: one bad input must
 * not cost the others.
 */
export async function* collectFiles(inputs: InputSource, options: WalkOptions = {}): AsyncGenerator<FoundFile | WalkProblem> {
  const skip = { left: options.unstatted ?? 0 }
  for await (const input of inputs) {
    const shown = input.displayName ?? input.path
    let stat
    try {
      stat = await fs.stat(input.path)
    } catch (error) {
      yield passed(skip, { file: shown, reason: describe(error) })
      continue
    }
    if (stat.isFile()) {
      yield passed(skip, { path: input.path, displayName: shown, size: stat.size })
    } else if (stat.isDirectory()) {
      yield* walkFolder(input.path, input.displayName, skip)
    } else {
      yield passed(skip, { file: shown, reason: 'not a regular file or folder' })
    }
  }
}

/** A synchronous stat slower than this on average (a network share) sends the folder's rest to the thread pool. */
const SLOW_STAT_MS = 0.2
const STATS_TIMED = 16

/**
 * A folder's stats, in order: synchronous while they are fast (a local disk: a few µs each);
 * if the first ones are slow (latency-bound, a network share), the rest are asked all at once.
 */
export class StatReader {
  private timed = 0
  private spent = 0
  private concurrent: Promise<Stats | Error>[] | null = null
  /** The file whose stat is concurrent[0] (files before it may have been passed over unstatted). */
  private concurrentFrom = 0

  /** `slowMs`: the average past which the rest go concurrent (tests pass -1: always). */
  constructor(
    private readonly files: string[],
    private readonly slowMs = SLOW_STAT_MS,
  ) {}

  /** The stat of file `i` (asked in increasing order, some passed over), or its promise once the folder went concurrent. */
  get(i: number): Stats | Error | Promise<Stats | Error> {
    if (this.concurrent) return this.concurrent[i - this.concurrentFrom]
    const started = performance.now()
    let stat: Stats | Error
    try {
      stat = statSync(this.files[i])
    } catch (error) {
      stat = toError(error)
    }
    this.spent += performance.now() - started
    if (++this.timed === STATS_TIMED && this.spent / STATS_TIMED > this.slowMs) {
      this.concurrentFrom = i + 1
      this.concurrent = this.files.slice(i + 1).map((file) => fs.stat(file).then((s): Stats | Error => s, (error: unknown) => toError(error)))
    }
    return stat
  }
}

/**
 * Depth-first in name order: a folder's files, then each of its folders. One generator with its
 * own stack, not one per level: an item passed up through seven nested yield* (an AWSLogs/ tree
 * is that deep) cost a promise round trip at each.
 */
async function* walkFolder(top: string, shownTop: string | undefined, skip: { left: number }): AsyncGenerator<FoundFile | WalkProblem> {
  const stack: { folder: string; shownFolder: string | undefined }[] = [{ folder: top, shownFolder: shownTop }]
  while (stack.length > 0) {
    const { folder, shownFolder } = stack.pop()!
    if (sliceUsed()) await nextSlice()
    let entries: Dirent[]
    try {
      // Asynchronous: one listing of a huge or remote folder must not hold the main event loop
      // (one promise per folder costs nothing beside the stats).
      entries = await fs.readdir(folder, { withFileTypes: true })
    } catch (error) {
      yield passed(skip, { file: shownFolder ?? folder, reason: describe(error) })
      continue
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const files = entries.filter((e) => !isIgnoredName(e.name) && (e.isFile() || e.isSymbolicLink()))
    const prefix = joinPrefix(folder)
    const shownPrefix = shownFolder ? joinPrefix(shownFolder) : prefix
    const paths = files.map((e) => prefix + e.name)
    const stats = new StatReader(paths)
    for (let i = 0; i < files.length; i++) {
      const full = paths[i]
      const shown = shownPrefix + files[i].name
      // Passed over: a regular file needs no stat to be known as one (a symbolic link does).
      if (skip.left > 0 && files[i].isFile()) {
        skip.left--
        yield { path: full, displayName: shown, size: -1 }
        if (sliceUsed()) await nextSlice()
        continue
      }
      const got = stats.get(i)
      const stat = got instanceof Promise ? await got : got
      // A symbolic link to a folder is not followed: it could loop back up the tree.
      if (stat instanceof Error) yield passed(skip, { file: shown, reason: describe(stat) })
      else if (stat.isFile()) yield passed(skip, { path: full, displayName: shown, size: stat.size })
      if (sliceUsed()) await nextSlice()
    }
    // Pushed last first, so they are walked in name order.
    for (let k = entries.length - 1; k >= 0; k--) {
      const entry = entries[k]
      if (!entry.isDirectory() || isIgnoredName(entry.name)) continue
      stack.push({ folder: prefix + entry.name, shownFolder: shownFolder ? shownPrefix + entry.name : undefined })
    }
  }
}

export function isProblem(item: FoundFile | WalkProblem): item is WalkProblem {
  return 'reason' in item
}
