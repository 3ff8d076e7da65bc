// The coverage map: per account and region, log files and events delivered per hour, the hours
// a loaded digest covers, and the events that can stop or hide logging drawn on it, so a gap
// after a StopLogging shows at a glance.

import type { CoverageInfo, CoverageRow, TamperingMark } from '../../common/ipc-contract'
import type { EventStore } from '../store/event-store'
import { parseDigestOf } from '../../common/cloudtrail-digest'
import type { LoadedTrailFile } from './integrity-types'
import { loadedLocation } from './locations'

const HOUR = 3_600_000
/** Two months of hours: a longer range shows its first part (and says so). */
export const MAX_COVERAGE_HOURS = 24 * 62

/** CloudTrail calls that stop, narrow or remove logging. */
const TRAIL_EVENTS = new Set(['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'DeleteEventDataStore'])
/** S3 calls that can expose or expire the trail's bucket. */
const BUCKET_EVENTS = new Set(['PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketLifecycle', 'PutBucketLifecycleConfiguration', 'DeleteBucketLifecycle'])

export function coverageMap(files: readonly LoadedTrailFile[], store: EventStore): CoverageInfo {
  const logs: { account: string; region: string; time: number; events: number }[] = []
  const digests: { account: string; region: string; start: number; end: number }[] = []
  const buckets = new Set<string>()
  for (const file of files) {
    const loc = loadedLocation(file.name)
    if (!loc) continue
    if (file.kind === 'log' && Number.isFinite(loc.namedTime)) logs.push({ account: loc.account, region: loc.region, time: loc.namedTime, events: file.events ?? 0 })
    if (file.kind === 'digest') {
      const parsed = parseDigestOf(file)
      if (!parsed.ok) continue
      buckets.add(parsed.digest.digestS3Bucket)
      digests.push({ account: loc.account, region: loc.region, start: Date.parse(parsed.digest.digestStartTime), end: Date.parse(parsed.digest.digestEndTime) })
    }
  }
  let min = Infinity
  let max = -Infinity
  for (const l of logs) {
    min = Math.min(min, l.time)
    max = Math.max(max, l.time)
  }
  for (const d of digests) {
    min = Math.min(min, d.start)
    max = Math.max(max, d.end - 1)
  }
  if (!Number.isFinite(min)) return { from: 0, hours: 0, rows: [], tampering: [], truncated: false }
  const from = Math.floor(min / HOUR) * HOUR
  const span = Math.floor(max / HOUR) - from / HOUR + 1
  const hours = Math.min(span, MAX_COVERAGE_HOURS)
  const rows = new Map<string, CoverageRow>()
  const rowOf = (account: string, region: string): CoverageRow => {
    const id = `${account}/${region}`
    let row = rows.get(id)
    if (!row) {
      row = { account, region, files: new Array<number>(hours).fill(0), events: new Array<number>(hours).fill(0), digested: new Array<boolean>(hours).fill(false) }
      rows.set(id, row)
    }
    return row
  }
  const hourOf = (t: number): number => Math.floor((t - from) / HOUR)
  for (const l of logs) {
    const h = hourOf(l.time)
    const row = rowOf(l.account, l.region)
    if (h < hours) {
      row.files[h]++
      row.events[h] += l.events
    }
  }
  for (const d of digests) {
    const row = rowOf(d.account, d.region)
    for (let h = Math.max(0, hourOf(d.start)); h <= Math.min(hours - 1, hourOf(d.end - 1)); h++) row.digested[h] = true
  }
  const tampering: TamperingMark[] = []
  const names = store.codes('eventName')
  const accounts = store.codes('account')
  const regions = store.codes('region')
  const watched = new Map<number, string>()
  for (const name of [...TRAIL_EVENTS, ...BUCKET_EVENTS]) {
    const code = store.codeOf(name)
    if (code >= 0) watched.set(code, name)
  }
  for (let id = 0; id < store.size && watched.size > 0; id++) {
    const name = watched.get(names[id])
    if (!name) continue
    if (BUCKET_EVENTS.has(name) && buckets.size > 0) {
      const bucket = (store.parsed(id).requestParameters as { bucketName?: unknown } | undefined)?.bucketName
      if (typeof bucket !== 'string' || !buckets.has(bucket)) continue
    }
    const h = hourOf(store.times[id])
    if (!(h >= 0 && h < hours)) continue
    tampering.push({ eventId: id, eventName: name, account: store.value(accounts[id]), region: store.value(regions[id]), hour: h })
  }
  const sorted = [...rows.values()].sort((a, b) => (a.account + a.region < b.account + b.region ? -1 : 1))
  return { from, hours, rows: sorted, tampering, truncated: span > hours }
}
