// Correlation semantics (Sigma correlation specification) on generated sequences: counts and
// sequences inside the timespan and just outside it, per group-by value, and `generate`.

import { describe, expect, it } from 'vitest'
import { DetectionSession } from '../../main/detect/detect-session'
import { storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>
const T0 = Date.UTC(2024, 7, 1, 12)

function event(name: string, atMs: number, user = 'alice', extra: Json = {}): Json {
  return {
    eventTime: new Date(T0 + atMs).toISOString().replace('.000Z', 'Z'),
    eventSource: 'test.amazonaws.com',
    eventName: name,
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::1:user/${user}`, userName: user },
    eventID: `${name}-${atMs}-${user}-${Math.random()}`,
    recipientAccountId: '1',
    ...extra,
  }
}

const base = (title: string, name: string): string => `title: ${title}
id: ${title}-id
logsource: {product: aws, service: cloudtrail}
detection:
  selection: {eventName: ${name}}
  condition: selection
level: informational`

function correlation(spec: string, bases: string[]): string {
  return [`title: Correlated
id: corr-id
level: high
correlation:
${spec.replace(/^/gm, '  ')}`, ...bases].join('\n---\n')
}

async function run(yaml: string, events: Json[]) {
  const session = new DetectionSession([{ text: yaml, source: 'test.yml' }], { workers: 0 })
  expect(session.set.unsupported).toEqual([])
  const store = storeOfEvents(events)
  await session.update(store)
  return session.detections(store).map((d) => ({ title: session.set.rules[d.rule].meta.title, events: d.eventIds.length, group: d.group }))
}

const MIN = 60_000
const countRule = correlation('type: event_count\nrules: [Base A]\ngroup-by: [userIdentity.arn]\ntimespan: 10m\ncondition: {gte: 3}', [base('Base A', 'A')])

describe('event_count', () => {
  it('fires when the count is reached within the timespan (both ends included)', async () => {
    const found = await run(countRule, [event('A', 0), event('A', 5 * MIN), event('A', 10 * MIN)])
    expect(found).toEqual([{ title: 'Correlated', events: 3, group: { 'userIdentity.arn': 'arn:aws:iam::1:user/alice' } }])
  })
  it('does not fire when the third event is one second outside the timespan', async () => {
    expect(await run(countRule, [event('A', 0), event('A', 5 * MIN), event('A', 10 * MIN + 1000)])).toEqual([])
  })
  it('keeps groups of several fields apart whatever their values hold (a separator in a hostile value)', async () => {
    const twoFields = correlation('type: event_count\nrules: [Base A]\ngroup-by: [userIdentity.userName, sourceIPAddress]\ntimespan: 10m\ncondition: {gte: 2}', [base('Base A', 'A')])
    // ("a\u0001b", "c") and ("a", "b\u0001c") joined by \u0001 would be one group of two.
    const one = event('A', 0, 'a\u0001b', { sourceIPAddress: 'c' })
    const other = event('A', MIN, 'a', { sourceIPAddress: 'b\u0001c' })
    expect(await run(twoFields, [one, other])).toEqual([])
    const found = await run(twoFields, [one, { ...one, eventID: 'again' }])
    expect(found).toEqual([{ title: 'Correlated', events: 2, group: { 'userIdentity.userName': 'a\u0001b', sourceIPAddress: 'c' } }])
  })
  it('counts per group: two users with two events each do not add up', async () => {
    expect(await run(countRule, [event('A', 0), event('A', MIN), event('A', 0, 'bob'), event('A', MIN, 'bob')])).toEqual([])
  })
  it('reports one detection per burst, with all its events, and separate bursts separately', async () => {
    const burst = (start: number): Json[] => [0, 1, 2, 3].map((k) => event('A', start + k * MIN))
    const found = await run(countRule, [...burst(0), ...burst(60 * MIN)])
    expect(found.map((f) => f.events)).toEqual([4, 4])
  })
  it('does not report the base rule on its own (generate: false), but does with generate: true', async () => {
    const events = [event('A', 0)]
    expect(await run(countRule, events)).toEqual([])
    const generating = countRule.replace('condition: {gte: 3}', 'condition: {gte: 3}\n  generate: true')
    expect((await run(generating, events)).map((f) => f.title)).toEqual(['Base A'])
  })
})

describe('value_count', () => {
  const rule = correlation('type: value_count\nrules: [Base A]\ngroup-by: [userIdentity.arn]\ntimespan: 5m\ncondition: {field: requestParameters.bucketName, gte: 3}', [base('Base A', 'A')])
  const get = (at: number, bucket: string): Json => event('A', at, 'alice', { requestParameters: { bucketName: bucket } })
  it('counts distinct values within the timespan', async () => {
    expect((await run(rule, [get(0, 'a'), get(MIN, 'b'), get(2 * MIN, 'a'), get(5 * MIN, 'c')])).map((f) => f.events)).toEqual([4])
  })
  it('does not count repeats, nor values outside the timespan', async () => {
    expect(await run(rule, [get(0, 'a'), get(MIN, 'b'), get(2 * MIN, 'a'), get(7 * MIN + 1000, 'c')])).toEqual([])
  })
})

describe('temporal and temporal_ordered', () => {
  const bases = [base('Base A', 'A'), base('Base B', 'B')]
  const temporal = correlation('type: temporal\nrules: [Base A, Base B]\ngroup-by: [userIdentity.arn]\ntimespan: 5m', bases)
  const ordered = correlation('type: temporal_ordered\nrules: [Base A, Base B]\ngroup-by: [userIdentity.arn]\ntimespan: 5m', bases)
  it('temporal: both rules within the timespan, in any order', async () => {
    expect((await run(temporal, [event('B', 0), event('A', 5 * MIN)])).length).toBe(1)
    expect(await run(temporal, [event('B', 0), event('A', 5 * MIN + 1000)])).toEqual([])
    expect(await run(temporal, [event('B', 0), event('A', MIN, 'bob')])).toEqual([])
  })
  it('temporal_ordered: only in the named order', async () => {
    expect((await run(ordered, [event('A', 0), event('B', 5 * MIN)])).map((f) => f.events)).toEqual([2])
    expect(await run(ordered, [event('B', 0), event('A', MIN)])).toEqual([])
    expect(await run(ordered, [event('A', 0), event('B', 5 * MIN + 1000)])).toEqual([])
  })
  it('finds rules by name or id as well as by title', async () => {
    const byId = correlation('type: temporal\nrules: [Base A-id, Base B-id]\ntimespan: 5m', bases)
    expect((await run(byId, [event('A', 0), event('B', MIN)])).length).toBe(1)
  })
})

describe('correlations that cannot run', () => {
  it('are listed with a reason', () => {
    const session = new DetectionSession([{ text: correlation('type: event_count\nrules: [Missing]\ntimespan: 5m\ncondition: {gte: 2}', []), source: 'x.yml' }], { workers: 0 })
    expect(session.set.unsupported.map((u) => u.reason)).toEqual(['correlation names "Missing", which is not among the loaded rules (or cannot be evaluated)'])
  })
})
