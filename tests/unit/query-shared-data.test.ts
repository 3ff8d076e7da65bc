// The query engine against real CloudTrail logs (../shared/data, see its README): every query's
// result must equal a plain computation over each stored event's JSON.parse'd text, written
// here without the engine's code. Half the events are stored pretty-printed, so byte searches
// meet multi-line events too.

import { describe, expect, it } from 'vitest'
import { evaluate } from '../../main/query/evaluate'
import { facetCounts, histogram } from '../../main/query/facets'
import { sortIds } from '../../main/query/sort-ids'
import { allIds } from '../../main/query/id-lists'
import type { EventStore } from '../../main/store/event-store'
import { hasSharedData, readSharedEvents, storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>
type Check = (event: Json, text: string) => boolean

const obj = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const lower = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '')
const present = (value: unknown): boolean => value !== undefined && value !== null && value !== ''
const time = (event: Json): number => (typeof event.eventTime === 'string' && event.eventTime.length >= 10 ? Date.parse(event.eventTime) : NaN)
const identity = (event: Json): Json => obj(event.userIdentity)
const lastPart = (arn: string): string => (arn.includes('/') ? arn.slice(arn.lastIndexOf('/') + 1) : arn.slice(arn.lastIndexOf(':') + 1))

/** The names `user` stands for, and what the list shows (the first non-empty, else invokedBy). */
function userNames(event: Json): string[] {
  const who = identity(event)
  const arn = typeof who.arn === 'string' ? who.arn : ''
  const names = [who.userName, arn ? lastPart(arn) : '', obj(obj(who.sessionContext).sessionIssuer).userName, who.principalId].map(lower)
  return [...names, names.find((n) => n !== '') ?? lower(who.invokedBy)]
}

const QUERIES: [string, Check][] = [
  ['error:*', (e) => present(e.errorCode)],
  ['not error:*', (e) => !present(e.errorCode)],
  ['error:ThrottlingException', (e) => lower(e.errorCode) === 'throttlingexception'],
  ['event:Describe*', (e) => lower(e.eventName).startsWith('describe')],
  ['event:*Bucket*', (e) => lower(e.eventName).includes('bucket')],
  ['source:s3.amazonaws.com or source:iam.amazonaws.com', (e) => ['s3.amazonaws.com', 'iam.amazonaws.com'].includes(lower(e.eventSource))],
  ['userIdentity.type:AssumedRole', (e) => lower(identity(e).type) === 'assumedrole'],
  ['not identityType:*', (e) => !present(identity(e).type)],
  ['readOnly:false', (e) => e.readOnly === false || e.readOnly === 'false'],
  ['readOnly:true -error:*', (e) => (e.readOnly === true || e.readOnly === 'true') && !present(e.errorCode)],
  ['eventTime>=2023-07-10T12:00Z', (e) => time(e) >= Date.UTC(2023, 6, 10, 12)],
  ['eventTime<2024-04-13', (e) => time(e) < Date.UTC(2024, 3, 13)],
  ['stratus', (_e, text) => text.toLowerCase().includes('stratus')],
  ['"AccessDenied"', (_e, text) => text.toLowerCase().includes('accessdenied')],
  ['Access*Denied', (_e, text) => /access[^]*?denied/.test(text.toLowerCase())],
  ['resources.ARN:*', (e) => list(e.resources).some((r) => present(obj(r).ARN))],
  ['resources.ARN:*stratus*', (e) => list(e.resources).some((r) => lower(obj(r).ARN).includes('stratus'))],
  ['resourceType:AWS::S3::Bucket', (e) => list(e.resources).some((r) => lower(obj(r).type) === 'aws::s3::bucket')],
  ['resourceType:*', (e) => list(e.resources).some((r) => present(obj(r).type))],
  ['requestParameters.bucketName:*', (e) => present(obj(e.requestParameters).bucketName)],
  ['requestParameters.bucketName:random*', (e) => lower(obj(e.requestParameters).bucketName).startsWith('random')],
  ['user:bert-jan', (e) => userNames(e).includes('bert-jan')],
  ['user:christophe or user:benjamin', (e) => userNames(e).some((n) => n === 'christophe' || n === 'benjamin')],
  ['user:stratus-red-team-*', (e) => userNames(e).some((n) => n.startsWith('stratus-red-team-'))],
  ['account:123837392027', (e) => [e.recipientAccountId, identity(e).accountId].map(lower).includes('123837392027')],
  ['region:us-east-1 source:sts.amazonaws.com', (e) => lower(e.awsRegion) === 'us-east-1' && lower(e.eventSource) === 'sts.amazonaws.com'],
  ['ip:*amazonaws.com', (e) => lower(e.sourceIPAddress).endsWith('amazonaws.com')],
  ['userAgent:*boto3*', (e) => lower(e.userAgent).includes('boto3')],
  ['eventType:AwsApiCall (error:AccessDenied or error:*Unauthorized*)', (e) => lower(e.eventType) === 'awsapicall' && (lower(e.errorCode) === 'accessdenied' || lower(e.errorCode).includes('unauthorized'))],
]

const FOLDERS = ['invictus', 'stratus', 'traildiscover', 'permiso_ccc']

function loadFolder(folder: string): EventStore {
  const events = readSharedEvents(folder)
  return storeOfEvents(events.map((event, i) => (i % 2 === 1 ? JSON.stringify(event, null, 2) : JSON.stringify(event))), 500)
}

describe.each(FOLDERS)('queries over the real logs in %s', (folder) => {
  describe.skipIf(!hasSharedData(folder))('(shared data present)', () => {
    const store = hasSharedData(folder) ? loadFolder(folder) : undefined
    const parsed = store ? Array.from({ length: store.size }, (_, id) => ({ event: store.parsed(id), text: store.text(id) })) : []

    it.each(QUERIES)('%s', (query, check) => {
      const expected = parsed.flatMap(({ event, text }, id) => (check(event, text) ? [id] : []))
      const result = evaluate(store!, query)
      expect(result.error).toBeUndefined()
      expect([...result.ids]).toEqual(expected)
    })

    it('counts facets as a plain count does', () => {
      const [events, errors] = facetCounts(store!, allIds(store!.size), ['eventName', 'errorCode'], 5)
      const count = (key: (e: Json) => string): Map<string, number> => {
        const counts = new Map<string, number>()
        for (const { event } of parsed) counts.set(key(event), (counts.get(key(event)) ?? 0) + 1)
        return counts
      }
      const names = count((e) => (typeof e.eventName === 'string' ? e.eventName : ''))
      for (const { value, count: n } of events.values) expect(names.get(value), value).toBe(n)
      expect(events.distinct).toBe([...names.keys()].filter((k) => k !== '').length)
      expect(errors.missing).toBe(parsed.filter(({ event }) => !present(event.errorCode)).length)
    })

    it('sorts by time as a plain sort does, and covers every timed event in the histogram', () => {
      const sorted = [...sortIds(store!, allIds(store!.size), 'time', 'asc')]
      const expected = parsed
        .map(({ event }, id) => ({ id, t: time(event) }))
        .sort((a, b) => (Number.isNaN(a.t) ? (Number.isNaN(b.t) ? a.id - b.id : 1) : Number.isNaN(b.t) ? -1 : a.t - b.t || a.id - b.id))
        .map((x) => x.id)
      expect(sorted).toEqual(expected)
      const h = histogram(store!, allIds(store!.size), 100)
      const timed = parsed.filter(({ event }) => !Number.isNaN(time(event))).length
      expect(h.errors.reduce((a, b) => a + b, 0) + h.successes.reduce((a, b) => a + b, 0)).toBe(timed)
      expect(h.untimed).toBe(store!.size - timed)
    })
  })
})

describe.skipIf(!hasSharedData('invictus'))('the invictus figures from the data README', () => {
  it('finds 300 errors, 102 of them throttling, 42 identities without a type, 260 event names', () => {
    const store = loadFolder('invictus')
    expect(store.size).toBe(2900)
    expect(evaluate(store, 'error:*').ids.length).toBe(300)
    expect(evaluate(store, 'error:ThrottlingException').ids.length).toBe(102)
    expect(evaluate(store, 'not userIdentity.type:*').ids.length).toBe(42)
    expect(facetCounts(store, allIds(store.size), ['eventName'])[0].distinct).toBe(260)
  })
})
