// Writes the benchmark corpus in CloudTrail's S3 delivery layout, one file per account, region
// and 5 minutes: AWSLogs/o-ORG/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_
// YYYYMMDDTHHmmZ_ID.json.gz. Like a real trail, a few account-region pairs (us-east-1, where the
// global services log) carry most events and the rest deliver files of one or two events.

import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import path from 'node:path'
import { makeEvent, seededRandom } from './corpus-events'

const gzipAsync = promisify(gzip)

const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777']
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-northeast-3', 'ap-southeast-1', 'ap-south-1', 'sa-east-1', 'ca-central-1']
const SLOTS_PER_DAY = 288
const DAY = Date.UTC(2024, 2, 5)

export interface CorpusInfo {
  dir: string
  events: number
  files: number
  jsonBytes: number
  gzipBytes: number
}

/** How many events each account-region pair gets: the busy pairs take 97%, the rest share 3%. */
function eventsPerPair(total: number): number[] {
  const pairs = ACCOUNTS.length * REGIONS.length
  const weights = Array.from({ length: pairs }, (_, i) => (i % REGIONS.length === 0 ? 30 : i % REGIONS.length === 3 ? 10 : 0.1))
  const sum = weights.reduce((a, b) => a + b, 0)
  const base = pairs * SLOTS_PER_DAY // every file has at least one event
  const counts = weights.map((w) => SLOTS_PER_DAY + Math.floor(((total - base) * w) / sum))
  counts[0] += total - counts.reduce((a, b) => a + b, 0)
  return counts
}

/** Builds the corpus unless `dir/corpus.json` says the same one is already there. */
export async function ensureCorpus(dir: string, totalEvents: number, log: (line: string) => void): Promise<CorpusInfo> {
  const marker = path.join(dir, 'corpus.json')
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as CorpusInfo
    if (info.events === totalEvents) return { ...info, dir }
  }
  log(`generating ${totalEvents.toLocaleString('en')} events in ${dir} (once; later runs reuse it)...`)
  const random = seededRandom(20240305)
  const counts = eventsPerPair(totalEvents)
  const info: CorpusInfo = { dir, events: 0, files: 0, jsonBytes: 0, gzipBytes: 0 }
  const writes: Promise<void>[] = []
  let pair = 0
  for (const account of ACCOUNTS) {
    for (const region of REGIONS) {
      const perSlot = counts[pair++]
      const day = new Date(DAY).toISOString().slice(0, 10).split('-')
      const folder = path.join(dir, 'AWSLogs', 'o-abcde12345', account, 'CloudTrail', region, ...day)
      mkdirSync(folder, { recursive: true })
      let left = perSlot
      for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
        const n = slot === SLOTS_PER_DAY - 1 ? left : Math.max(1, Math.round((perSlot / SLOTS_PER_DAY) * (0.5 + random())))
        const count = Math.min(Math.max(1, n), left - (SLOTS_PER_DAY - 1 - slot))
        left -= count
        const slotStart = DAY + slot * 300_000
        const events: string[] = []
        // Files are not ordered inside, as in real deliveries.
        for (let e = 0; e < count; e++) events.push(makeEvent(random, account, region, new Date(slotStart + Math.floor(random() * 300_000))))
        const json = `{"Records":[${events.join(',')}]}`
        const stamp = new Date(slotStart + 300_000).toISOString().replace(/[-:]/g, '').slice(0, 13)
        const file = path.join(folder, `${account}_CloudTrail_${region}_${stamp}Z_${slot.toString(36).padStart(4, '0')}${pair.toString(36)}.json.gz`)
        info.events += count
        info.files++
        info.jsonBytes += Buffer.byteLength(json)
        writes.push(
          gzipAsync(json).then((gz) => {
            info.gzipBytes += gz.length
            writeFileSync(file, gz)
          }),
        )
        if (writes.length >= 64) await Promise.all(writes.splice(0))
      }
    }
    log(`  account ${account} written (${info.events.toLocaleString('en')} events so far)`)
  }
  await Promise.all(writes)
  writeFileSync(marker, JSON.stringify(info))
  return info
}
