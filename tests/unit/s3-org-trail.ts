// A small organization trail for tests that open a bucket end to end (the service, the web UI):
// two accounts, two regions, four days of files on both sides of a range, an Insight file and a
// digest. Each file holds events from a few minutes before its delivery, as CloudTrail writes them.

import { gzipSync } from 'node:zlib'
import { trailFile, trailKey, type FixtureEvent } from './s3-harness'

export const ORG_ID = 'o-tst1234567'
export const ORG_ACCOUNTS = ['111111111111', '222222222222'] as const
export const ORG_REGIONS = ['eu-west-1', 'us-east-1'] as const
const DAYS = ['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12']
const TIMES = ['00:20', '05:50', '06:10', '11:50', '12:10', '18:00', '23:55']

export interface TrailObject {
  key: string
  body: Buffer
  events: FixtureEvent[]
  kind: 'CloudTrail' | 'CloudTrail-Insight' | 'CloudTrail-Digest' | 'other'
  account: string
  region: string
}

/** The objects of the trail under `prefix` ('' or ending in '/'). */
export function orgTrail(prefix = ''): TrailObject[] {
  const objects: TrailObject[] = []
  const base = (account: string) => `${prefix}AWSLogs/${ORG_ID}/${account}/`
  const add = (kind: TrailObject['kind'], account: string, region: string, at: string, tag: string, minutesBefore = [3, 7, 12]) => {
    const delivered = Date.parse(at)
    const events = minutesBefore.map((m, i) => ({ eventID: `${tag}-${i}`, eventTime: new Date(delivered - m * 60_000).toISOString().replace('.000', '') }))
    const key = trailKey(base(account), kind, account, region, new Date(delivered), tag)
    objects.push({ key, body: trailFile(events), events, kind, account, region })
    return key
  }
  for (const account of ORG_ACCOUNTS)
    for (const region of ORG_REGIONS)
      for (const day of DAYS) for (const time of TIMES) add('CloudTrail', account, region, `${day}T${time}:00Z`, `${account.slice(0, 1)}-${region}-${day}-${time.replace(':', '')}`)
  add('CloudTrail-Insight', ORG_ACCOUNTS[0], 'us-east-1', '2024-03-10T12:30:00Z', 'insight')
  const digest = `${base(ORG_ACCOUNTS[0])}CloudTrail-Digest/us-east-1/2024/03/10/${ORG_ACCOUNTS[0]}_CloudTrail-Digest_us-east-1_trail_us-east-1_20240310T0100Z.json.gz`
  // Shaped like a digest (gzip, its top-level keys) so that opening it with includeDigests is no
  // problem; unsigned and listing no files (tests/unit/helpers/signed-trail.ts builds signed ones).
  const digestBody = { awsAccountId: ORG_ACCOUNTS[0], digestStartTime: '2024-03-10T00:00:00Z', digestEndTime: '2024-03-10T01:00:00Z', digestS3Bucket: 'trail', digestS3Object: digest, logFiles: [] }
  objects.push({ key: digest, body: gzipSync(JSON.stringify(digestBody)), events: [], kind: 'CloudTrail-Digest', account: ORG_ACCOUNTS[0], region: 'us-east-1' })
  return objects
}

/** The eventIDs a correct open of [from, to) loads from these objects (CloudTrail folders only unless `insight`). */
export function eventIdsInRange(
  objects: TrailObject[],
  from: number,
  to: number,
  opts: { accounts?: readonly string[]; regions?: readonly string[]; insight?: boolean; except?: ReadonlySet<string> } = {},
): string[] {
  return objects
    .filter((o) => o.kind === 'CloudTrail' || (o.kind === 'CloudTrail-Insight' && opts.insight))
    .filter((o) => (!opts.accounts || opts.accounts.includes(o.account)) && (!opts.regions || opts.regions.includes(o.region)) && !opts.except?.has(o.key))
    .flatMap((o) => o.events)
    .filter((e) => {
      const t = Date.parse(e.eventTime)
      return t >= from && t < to
    })
    .map((e) => e.eventID)
    .sort()
}
