// The references every load figure is printed beside, measured in the same run on the same
// files: read + inflate on all cores with nothing parsed (the floor of any loader on this
// machine), and the naive single-threaded read + gunzip + JSON.parse.

import { Worker } from 'node:worker_threads'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'

/** Every .json.gz under `dir`, with its size. */
export function corpusFiles(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json.gz'))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name)
      return { path: file, size: statSync(file).size }
    })
}

// Plain CommonJS run with `eval`: the reference must not depend on the app's own bundles.
const INFLATE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
const { gunzipSync } = require('node:zlib')
let bytes = 0
for (const file of workerData) bytes += gunzipSync(readFileSync(file)).length
parentPort.postMessage(bytes)
`

/** Reads and inflates every file on `threads` worker threads (files dealt by size); ms. */
export async function readInflateAllCores(files: { path: string; size: number }[], threads = os.availableParallelism()): Promise<{ ms: number; bytes: number }> {
  const shares: string[][] = Array.from({ length: threads }, () => [])
  const loads = new Array<number>(threads).fill(0)
  for (const file of [...files].sort((a, b) => b.size - a.size)) {
    const least = loads.indexOf(Math.min(...loads))
    shares[least].push(file.path)
    loads[least] += file.size
  }
  const started = performance.now()
  const totals = await Promise.all(
    shares.map(
      (share) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(INFLATE_WORKER, { eval: true, workerData: share })
          worker.once('message', (bytes: number) => resolve(bytes))
          worker.once('error', reject)
        }),
    ),
  )
  return { ms: performance.now() - started, bytes: totals.reduce((a, b) => a + b, 0) }
}

/** One thread: read + gunzip + JSON.parse every file, nothing kept; ms and events seen. */
export function naiveParse(files: { path: string }[]): { ms: number; events: number } {
  const started = performance.now()
  let events = 0
  for (const file of files) {
    const parsed = JSON.parse(gunzipSync(readFileSync(file.path)).toString('utf8')) as { Records?: unknown[] }
    events += parsed.Records?.length ?? 0
  }
  return { ms: performance.now() - started, events }
}
