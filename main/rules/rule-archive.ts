// A rule set's tar.gz read entry by entry (node-tar's Parser, which also undoes the gzip), and
// only what is needed written: the .yml/.yaml files under the source's rule folders, and the
// repository's LICENSE. The archive came off the network, so it is treated as hostile: an entry
// named with an absolute path or `..` refuses the whole archive, and so does a link or a device
// where rules are kept (GitHub's tarballs have neither); every size and count is bounded by a
// named limit (rule-sources.ts). Nothing is written outside `dest`.

import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { Parser, type ReadEntry } from 'tar'
import { CallError } from '../../common/call-errors'
import { RULES_UPDATE_LIMITS, type RulesUpdateLimit } from './rule-sources'

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile'])
const RULE_FILE = /\.ya?ml$/i

export function overLimit(limit: RulesUpdateLimit, max: number = RULES_UPDATE_LIMITS[limit]): CallError {
  return new CallError('rules-over-limit', `The rule download is over its limit ${limit} (${max}).`, { limit, max })
}

export function refusedEntry(entry: string, reason: string): CallError {
  return new CallError('rules-archive-refused', `The rule archive was refused because of its entry ${JSON.stringify(entry)}: ${reason}.`, { entry, reason })
}

/** The entry's path inside the repository: GitHub puts everything under one `<repo>-<branch>/` folder. */
function insideRepository(name: string): string | null {
  const slash = name.indexOf('/')
  return slash < 0 ? null : name.slice(slash + 1)
}

export interface ArchiveLimits {
  archiveBytes: number
  extractedBytes: number
  files: number
  fileBytes: number
}

/** Reads `input` (a tar.gz) and writes the rule files and LICENSE under `dest`; resolves with the rule files' count. */
export async function extractRuleArchive(input: Readable, dest: string, paths: readonly string[], limits: ArchiveLimits = RULES_UPDATE_LIMITS): Promise<{ files: number; licence: boolean }> {
  let failure: Error | null = null
  let archiveBytes = 0
  let extractedBytes = 0
  let files = 0
  let licence = false
  const writes: Promise<void>[] = []
  /** Names written, lower-cased: a second entry of one name (or of one only by case, on macOS and Windows) is refused. */
  const written = new Set<string>()
  const parser = new Parser({ strict: true })

  let ended = false
  let resolveFinished = (): void => {}
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve))
  const finish = (): void => {
    ended = true
    resolveFinished()
  }
  const refuse = (error: Error): void => {
    if (ended) return
    failure ??= error
    input.unpipe(parser)
    input.destroy()
    finish()
  }
  const keep = (entry: ReadEntry, relative: string, isRule: boolean): void => {
    const declared = entry.size ?? 0
    if (declared > limits.fileBytes) return refuse(overLimit('fileBytes', limits.fileBytes))
    if (written.has(relative.toLowerCase())) return refuse(refusedEntry(entry.path, 'a second entry with the same name'))
    written.add(relative.toLowerCase())
    if (isRule && ++files > limits.files) return refuse(overLimit('files', limits.files))
    extractedBytes += declared
    if (extractedBytes > limits.extractedBytes) return refuse(overLimit('extractedBytes', limits.extractedBytes))
    const chunks: Buffer[] = []
    entry.on('data', (chunk: Buffer) => chunks.push(chunk))
    entry.on('end', () => {
      if (failure) return
      const target = path.join(dest, relative)
      writes.push(mkdir(path.dirname(target), { recursive: true }).then(() => writeFile(target, Buffer.concat(chunks), { flag: 'wx' })))
    })
  }

  parser.on('entry', (entry: ReadEntry) => {
    if (failure) return entry.resume()
    const name = entry.path
    archiveBytes += entry.size ?? 0
    if (archiveBytes > limits.archiveBytes) refuse(overLimit('archiveBytes', limits.archiveBytes))
    else if (path.posix.isAbsolute(name) || path.win32.isAbsolute(name) || /^[a-z]:/i.test(name)) refuse(refusedEntry(name, 'absolute path'))
    else if (name.split(/[\\/]/).includes('..')) refuse(refusedEntry(name, 'a path with ..'))
    if (failure) return entry.resume()
    const relative = insideRepository(name)
    const ruleFolder = relative === null ? undefined : paths.find((p) => relative.startsWith(p) && relative.length > p.length)
    const wanted = relative === 'LICENSE' || ruleFolder !== undefined
    if (wanted && !FILE_TYPES.has(entry.type) && entry.type !== 'Directory') refuse(refusedEntry(name, `a ${entry.type} entry`))
    else if (relative === 'LICENSE' && FILE_TYPES.has(entry.type)) {
      licence = true
      return keep(entry, 'LICENSE', false)
    } else if (ruleFolder !== undefined && FILE_TYPES.has(entry.type) && RULE_FILE.test(relative!)) {
      return keep(entry, path.join('rules', relative!.slice(ruleFolder.length)), true)
    }
    entry.resume()
  })

  // node-tar's and zlib's own errors (not gzip, a damaged header): said as the archive refused.
  const unreadable = (error: Error): CallError => (error instanceof CallError ? error : refusedEntry('(archive)', `not a readable tar.gz: ${error.message}`))
  parser.on('error', (error: Error) => refuse(unreadable(error)))
  parser.on('end', () => finish())
  input.on('error', (error: Error) => refuse(error)) // the download's own CallError
  // The parser works as data is written: once the input closed, an archive it has not ended is cut short.
  input.on('close', () => setImmediate(() => refuse(new Error('the rule archive ended early'))))
  input.pipe(parser)
  await finished
  await Promise.allSettled(writes)
  if (failure) throw failure
  await Promise.all(writes)
  return { files, licence }
}
