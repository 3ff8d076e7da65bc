// Writes the benchmark corpus in CloudTrail's S3 delivery layout, one file per account, region
// and 5 minutes: AWSLogs/o-ORG/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_
// YYYYMMDDTHHmmZ_ID.json.gz. Like a real trail, a few account-region pairs (us-east-1, where the
// global services log) carry most events and the rest deliver files of one or two events.
// Two kinds: 'realistic' fills the real event shapes of ../shared/data with a real trail's
// cardinality (realistic-events.ts), one day per million events; 'low' is the tests' synthetic
// generator (tests/support/cloudtrail-events.ts: a few call shapes, the same callers), kept as a
// second line of the bench. Files are gzipped and written as they are made: a 10M corpus never
// sits in memory. A corpus on disk is reused only while its key (corpusKey) still matches.

import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import path from 'node:path'
import { EventGenerator, seededRandom } from '../../tests/support/cloudtrail-events'
import { loadRealShapes, type RealShapes } from './real-shapes'
import { RealisticTrail } from './realistic-events'

const gzipAsync = promisify(gzip)

const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777']
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-northeast-3', 'ap-southeast-1', 'ap-south-1', 'sa-east-1', 'ca-central-1']
const SLOTS_PER_DAY = 288
const DAY = Date.UTC(2024, 2, 5)
const SEED = 20240305
/** Files whose names and bytes go into the key: the first account's first files (a low corpus's busiest pair, hundreds of events each; a realistic one's first slots across its regions). */
const KEY_FILES = 40

export type CorpusKind = 'realistic' | 'low'

export interface CorpusInfo {
  dir: string
  kind: CorpusKind
  /** What the corpus is made of (corpusKey); a different key means a different corpus. */
  key: string
  /** Where the shapes came from (realistic corpora). */
  shapes?: string
  events: number
  files: number
  jsonBytes: number
  gzipBytes: number
}

interface CorpusFile {
  account: string
  folder: string
  name: string
  json: string
  events: number
}

/** How many events each account-region pair gets: the busy pairs take 97%, the rest share 3%. */
function eventsPerPair(total: number, slots: number): number[] {
  const pairs = ACCOUNTS.length * REGIONS.length
  const weights = Array.from({ length: pairs }, (_, i) => (i % REGIONS.length === 0 ? 30 : i % REGIONS.length === 3 ? 10 : 0.1))
  const sum = weights.reduce((a, b) => a + b, 0)
  const base = pairs * slots // every file has at least one event
  const counts = weights.map((w) => slots + Math.floor(((total - base) * w) / sum))
  counts[0] += total - counts.reduce((a, b) => a + b, 0)
  return counts
}

/** The corpus's files in order, each made when asked for; a fresh call makes the same files again (tests take the first few). */
export function* corpusFiles(kind: CorpusKind, totalEvents: number, real: RealShapes | null): Generator<CorpusFile> {
  const random = seededRandom(SEED)
  let makeOne: (account: string, region: string, time: Date) => string
  if (kind === 'realistic') {
    const trail = new RealisticTrail(random, real!, totalEvents)
    makeOne = (account, region, time) => trail.event(account, region, time)
  } else {
    const generator = new EventGenerator(random)
    makeOne = (account, region, time) => generator.text({ account, region, time })
  }
  // A day of files per million events, so a bigger trail has more files, as a longer one would.
  const days = kind === 'realistic' ? Math.max(1, Math.ceil(totalEvents / 1_000_000)) : 1
  const slots = SLOTS_PER_DAY * days
  const counts = eventsPerPair(totalEvents, slots)
  const left = [...counts]
  for (const [a, account] of ACCOUNTS.entries()) {
    for (const [region, slot] of fileOrder(kind, slots)) {
      const pair = a * REGIONS.length + region
      const perSlot = counts[pair]
      const n = slot === slots - 1 ? left[pair] : Math.max(1, Math.round((perSlot / slots) * (0.5 + random())))
      const count = Math.min(Math.max(1, n), left[pair] - (slots - 1 - slot))
      left[pair] -= count
      const slotStart = DAY + slot * 300_000
      const folder = path.join('AWSLogs', 'o-abcde12345', account, 'CloudTrail', REGIONS[region], ...new Date(slotStart).toISOString().slice(0, 10).split('-'))
      const events: string[] = []
      // Files are not ordered inside, as in real deliveries.
      for (let e = 0; e < count; e++) events.push(makeOne(account, REGIONS[region], new Date(slotStart + Math.floor(random() * 300_000))))
      const stamp = new Date(slotStart + 300_000).toISOString().replace(/[-:]/g, '').slice(0, 13)
      const name = `${account}_CloudTrail_${REGIONS[region]}_${stamp}Z_${slot.toString(36).padStart(4, '0')}${(pair + 1).toString(36)}.json.gz`
      yield { account, folder, name, json: `{"Records":[${events.join(',')}]}`, events: count }
    }
  }
}

/**
 * The order an account's files are made in, as [region, slot]: the low corpus region by region
 * (as it always was: its bytes stay the same); the realistic one slot by slot across regions, so
 * an account's events come in time order of their files and a role session's key is always
 * issued (role-chains.ts) before its uses, whichever region they are in.
 */
function* fileOrder(kind: CorpusKind, slots: number): Generator<[number, number]> {
  if (kind === 'low') {
    for (let region = 0; region < REGIONS.length; region++) for (let slot = 0; slot < slots; slot++) yield [region, slot]
  } else {
    for (let slot = 0; slot < slots; slot++) for (let region = 0; region < REGIONS.length; region++) yield [region, slot]
  }
}

/**
 * What identifies a corpus: its kind and size, and a hash of the first KEY_FILES files it would
 * write (names and JSON). Made afresh on every run from the generators themselves, so a change
 * to the generators, the real shapes or the layout changes the key, with no version to bump.
 */
export function corpusKey(kind: CorpusKind, totalEvents: number, real: RealShapes | null): string {
  const hash = createHash('sha256').update(`${kind}\n${totalEvents}\n`)
  let n = 0
  for (const file of corpusFiles(kind, totalEvents, real)) {
    hash.update(`${file.folder}/${file.name}\n${file.json}\n`)
    if (++n === KEY_FILES) break
  }
  return hash.digest('hex')
}

/** ../shared/data beside the repository (the real event shapes); a worktree's is one more level up. */
export const SHARED_DATA = [path.resolve('..', 'shared', 'data'), path.resolve('..', '..', 'shared', 'data')].find((dir) => existsSync(dir)) ?? path.resolve('..', 'shared', 'data')

/**
 * Builds the corpus unless `dir/corpus.json` holds the same key. A realistic corpus needs the
 * real shapes in `dataDir`; it throws, saying so, when they are absent.
 */
export async function ensureCorpus(dir: string, totalEvents: number, log: (line: string) => void, kind: CorpusKind = 'low', dataDir = SHARED_DATA): Promise<CorpusInfo> {
  const real = kind === 'realistic' ? loadRealShapes(dataDir) : null
  if (kind === 'realistic' && !real) throw new Error(`the realistic corpus is made from the real events in ${dataDir}, which is absent`)
  const key = corpusKey(kind, totalEvents, real)
  const marker = path.join(dir, 'corpus.json')
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as CorpusInfo
    if (info.key === key) return { ...info, dir }
  }
  rmSync(dir, { recursive: true, force: true })
  log(`generating ${totalEvents.toLocaleString('en')} ${kind} events in ${dir} (once; later runs reuse it)...`)
  const shapes = real ? `${real.shapes.length} real events (${real.names} event names, ${real.services} services, ${real.errors.length} error codes) from ${dataDir}` : undefined
  const info: CorpusInfo = { dir, kind, key, shapes, events: 0, files: 0, jsonBytes: 0, gzipBytes: 0 }
  const writes: Promise<void>[] = []
  const folders = new Set<string>()
  let account = ''
  for (const file of corpusFiles(kind, totalEvents, real)) {
    if (account && file.account !== account) log(`  account ${account} written (${info.events.toLocaleString('en')} events so far)`)
    account = file.account
    const folder = path.join(dir, file.folder)
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true })
    folders.add(folder)
    info.events += file.events
    info.files++
    info.jsonBytes += Buffer.byteLength(file.json)
    writes.push(
      gzipAsync(file.json).then((gz) => {
        info.gzipBytes += gz.length
        writeFileSync(path.join(folder, file.name), gz)
      }),
    )
    if (writes.length >= 64) await Promise.all(writes.splice(0))
  }
  await Promise.all(writes)
  log(`  account ${account} written (${info.events.toLocaleString('en')} events)`)
  writeFileSync(marker, JSON.stringify(info))
  return info
}
