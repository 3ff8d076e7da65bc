// Micro-benchmark of extractEvents, the parse workers' hot path, against the floor of what any
// loader must do with the same files: gunzipSync + JSON.parse of the whole text (which gives
// neither byte ranges nor fields). Run: npx tsx scripts/extract-microbench.ts [MB]
//
// The corpus is made in memory: delivery files ({"Records":[...]}) of realistic events, gzipped,
// in the spread of sizes a real trail delivers. Files exactly as CloudTrail writes them take the
// separator split (formats/delivery-split.ts); the same events written with a space after each
// comma (as another tool might) are timed too, since those take the byte-by-byte walk.
// Times are the best of a few rounds, wall clock, one thread.

import { gunzipSync, gzipSync } from 'node:zlib'
import { extractEvents } from '../main/loader/extract-events'
import { makeEvent, seededRandom } from '../tests/support/cloudtrail-events'

const targetMB = Number(process.argv[2] ?? 50)
const ROUNDS = 5

interface Corpus {
  json: Buffer[]
  gz: Buffer[]
  events: number
  mb: number
}

function makeCorpus(separator: string): Corpus {
  const random = seededRandom(42)
  const corpus: Corpus = { json: [], gz: [], events: 0, mb: 0 }
  while (corpus.mb < targetMB) {
    // Log-uniform sizes from 1 to 400 events (mean ~65, ~100 KB), as in a trail of 24,000 files
    // and 1.5 GB: most files are small, a few hold hundreds of events.
    const size = Math.max(1, Math.floor(Math.exp(random() * Math.log(400))))
    const events = Array.from({ length: size }, () => JSON.stringify(makeEvent(random)))
    const text = Buffer.from(`{"Records":[${events.join(separator)}]}`)
    corpus.json.push(text)
    corpus.gz.push(gzipSync(text))
    corpus.events += size
    corpus.mb += text.length / 1e6
  }
  return corpus
}

/** Best of ROUNDS, in ms (after one warm-up round). */
function best(run: () => void): number {
  run()
  let fastest = Infinity
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - start)
  }
  return fastest
}

let sink = 0
const loaded = (result: ReturnType<typeof extractEvents>): number => ('starts' in result ? result.starts.length : -1e9)
const floorOf = (corpus: Corpus): number => best(() => corpus.gz.forEach((b) => (sink += (JSON.parse(gunzipSync(b).toString('utf8')) as { Records: unknown[] }).Records.length)))

const exact = makeCorpus(',')
const spaced = makeCorpus(', ')
const gzMB = exact.gz.reduce((sum, b) => sum + b.length, 0) / 1e6
console.log(`corpus: ${exact.gz.length} files, ${exact.events} events, ${exact.mb.toFixed(1)} MB JSON, ${gzMB.toFixed(1)} MB gzipped`)

const floor = floorOf(exact)
const rows: [string, Corpus, number][] = [
  ['gunzipSync only', exact, best(() => exact.gz.forEach((b) => (sink += gunzipSync(b).length)))],
  ['JSON.parse only (of the text)', exact, best(() => exact.json.forEach((b) => (sink += (JSON.parse(b.toString('utf8')) as { Records: unknown[] }).Records.length)))],
  ['floor: gunzipSync + JSON.parse', exact, floor],
  ['extractEvents, .json', exact, best(() => exact.json.forEach((b, i) => (sink += loaded(extractEvents(b, i)))))],
  ['extractEvents, .json.gz', exact, best(() => exact.gz.forEach((b, i) => (sink += loaded(extractEvents(b, i)))))],
  ['floor, ", "-separated files', spaced, floorOf(spaced)],
  ['extractEvents, same, walked', spaced, best(() => spaced.gz.forEach((b, i) => (sink += loaded(extractEvents(b, i)))))],
]
for (const [name, corpus, ms] of rows) {
  const ratio = corpus === exact ? ms / floor : ms / rows[5][2]
  console.log(`${name.padEnd(32)} ${(corpus.mb / (ms / 1000)).toFixed(0).padStart(5)} MB/s  ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x its floor`)
}
if (sink < 0) throw new Error('a benchmark file failed to load')
