// `ashiato validate`: load the inputs (hashing in the parse workers), gather public keys (files,
// the cache, cloudtrail:ListPublicKeys), validate, print one line per file and a summary.

import { readFile, writeFile } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import { isS3Url } from '../s3/cli-options'
import { resolveS3CacheDir } from '../s3/cache-dir'
import { TrailCollector } from '../integrity/trail-collector'
import { KeySet, keyFileText, parseKeyFile } from '../integrity/public-keys'
import { keysNeeded, summaryLine, validateTrail } from '../integrity/validate-trail'
import type { IntegrityEntry } from '../integrity/integrity-types'
import { loadInto } from '../loader/load-files'
import { EventStore } from '../store/event-store'
import type { FileReport } from '../../common/ipc-contract'
import type { ValidateOptions } from './validate-args'

export interface ValidateIo {
  stdout: Writable
  stderr: Writable
  signal?: AbortSignal
  workerPath?: string
}

/** Paths and details are attacker-chosen: no control character reaches the terminal raw. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function line(entry: IntegrityEntry, format: 'text' | 'jsonl'): string {
  if (format === 'jsonl') return JSON.stringify({ kind: entry.kind, path: entry.path, account: entry.account, region: entry.region, status: entry.status, detail: entry.detail })
  const detail = entry.detail ? `  (${printable(entry.detail)})` : ''
  return `${entry.status.padEnd(21)} ${entry.kind.padEnd(6)} ${printable(entry.path)}${detail}`
}

export async function runValidate(options: ValidateOptions, io: ValidateIo): Promise<number> {
  const say = (text: string): void => void io.stderr.write(`ashiato: ${text}\n`)
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const cacheDir = resolveS3CacheDir(options.cacheDir)
  const fetchOptions = { profile: options.s3.profile, signal: io.signal }

  if (options.exportKeys !== undefined) {
    const { fetchPublicKeys } = await import('../integrity/fetch-public-keys')
    try {
      const keys = await fetchPublicKeys({ region: options.s3.region!, from: options.from!, to: options.to! }, fetchOptions)
      await writeFile(options.exportKeys, keyFileText(keys))
      say(`saved ${keys.length} public key${keys.length === 1 ? '' : 's'} of ${options.s3.region} to ${options.exportKeys}`)
      return 0
    } catch (error) {
      say(`cloudtrail:ListPublicKeys: ${error instanceof Error ? error.message : String(error)}`)
      return 1
    }
  }

  const keys = new KeySet()
  for (const file of options.publicKeys) {
    try {
      for (const k of parseKeyFile(await readFile(file, 'utf8'))) keys.add(k)
    } catch (error) {
      say(`--public-keys ${file}: ${error instanceof Error ? error.message : String(error)}`)
      return 2
    }
  }

  let inputProblem = false
  const onFileReport = (report: FileReport): void => {
    if (report.kind === 'error') {
      inputProblem = true
      say(`${printable(report.file)}: ${printable(report.reason)}`)
    }
  }
  const collector = new TrailCollector()
  const store = new EventStore()
  const callbacks = { onFileReport, ...collector.callbacks() }
  const local = options.inputs.filter((input) => !isS3Url(input)).map((path) => ({ path }))
  if (local.length > 0) await loadInto(store, local, { workerPath: io.workerPath, signal: io.signal }, callbacks)
  for (const url of options.inputs.filter(isS3Url)) {
    const { openS3Input } = await import('./cli-s3')
    const opened = openS3Input(url, { s3: options.s3, from: options.from, to: options.to, cacheDir: options.cacheDir, signal: io.signal, includeDigests: true, onError: (file, reason) => {
      inputProblem = true
      say(`${printable(file)}: ${printable(reason)}`)
    } })
    // No time filter: a digest vouches for whole files, so every file is hashed whole.
    await loadInto(store, opened.inputs, { workerPath: io.workerPath, signal: io.signal }, callbacks)
    await opened.finished
  }
  if (io.signal?.aborted) return 130

  const needed = keysNeeded(collector.files)
  try {
    const { ensureKeys, readKeyCache } = await import('../integrity/fetch-public-keys')
    if (options.fetchKeys) await ensureKeys(keys, needed, cacheDir, fetchOptions)
    else for (const k of await readKeyCache(cacheDir)) if (!keys.record(k.fingerprint)) keys.add(k)
  } catch (error) {
    say(`cloudtrail:ListPublicKeys: ${error instanceof Error ? error.message : String(error)} (signatures whose key is missing are reported as key-unknown)`)
  }

  const report = validateTrail({ files: collector.files, signatures: await collector.signatures(), keys })
  const order = (e: IntegrityEntry): string => `${e.kind === 'digest' ? 0 : 1}${e.path}`
  const entries = [...report.entries].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
  let out = ''
  for (const entry of entries) out += `${line(entry, options.format)}\n`
  const summary = summaryLine(report.summary)
  const range = report.summary.from ? `Results for ${report.summary.from} to ${report.summary.to}: ` : ''
  if (options.format === 'text') out += `\n${range}${summary}\n`
  else say(`${range}${summary}`)
  io.stdout.write(out)
  return report.summary.failed || inputProblem ? 1 : 0
}
