// Any field as a column or a facet, through the service as the renderer calls it (and through
// dispatchCall's argument checks): a generated trail with a long tail of event names, user
// agents and request parameters is loaded, and fieldValues / fieldCatalogue / getFacetValues answer.
import { describe, expect, it } from 'vitest'
import { useLoadedService } from './helpers/loaded-service'
import { validateArgs } from '../../main/services/validate-args'

const BASE = Date.UTC(2024, 2, 5, 10, 0, 0)

/** 100 events: 89 GetObject, 10 ListBuckets, one PutUserPolicy (the long tail); every 10th from curl. */
function event(i: number): Record<string, unknown> {
  const name = i === 42 ? 'PutUserPolicy' : i % 10 === 1 ? 'ListBuckets' : 'GetObject'
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice', accessKeyId: `AKIAEXAMPLE${i % 4}` },
    eventTime: new Date(BASE + i * 1000).toISOString(),
    eventSource: 's3.amazonaws.com',
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    userAgent: i % 10 === 0 ? 'curl/8.0' : 'aws-cli/2.15',
    requestParameters: name === 'GetObject' ? { bucketName: `bucket-${i % 3}`, key: 'a.txt' } : name === 'PutUserPolicy' ? { policyDocument: '{"Statement":[]}', userName: 'mallory' } : null,
    ...(i % 25 === 0 ? { errorCode: 'AccessDenied', errorMessage: `User: alice is not authorized (${i})` } : {}),
    eventID: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  }
}

const service = useLoadedService('field-columns', () => ({ 'a.json': Array.from({ length: 100 }, (_, i) => event(i)) }))

async function idOf(eventName: string): Promise<number> {
  const view = await service().setView({ query: `event:${eventName}` })
  const { rows } = await service().getRows({ viewId: view.viewId, start: 0, count: 1 })
  return rows[0].id
}

describe('fieldValues', () => {
  it('gives each path of each event as text, case-insensitive, arrays and objects included', async () => {
    const id = await idOf('PutUserPolicy')
    const [cells] = await service().fieldValues({ ids: [id], paths: ['userAgent', 'requestparameters.userName', 'requestParameters.policyDocument', 'errorMessage', 'requestParameters'] })
    expect(cells.slice(0, 4)).toEqual(['aws-cli/2.15', 'mallory', '{"Statement":[]}', ''])
    expect(JSON.parse(cells[4])).toEqual({ policyDocument: '{"Statement":[]}', userName: 'mallory' })
  })

  it('answers blank cells for ids outside the set', async () => {
    expect(await service().fieldValues({ ids: [100_000], paths: ['userAgent'] })).toEqual([['']])
  })

  it('refuses requests past its limits, naming them', () => {
    expect(() => validateArgs('fieldValues', [{ ids: Array.from({ length: 1001 }, (_, i) => i), paths: ['a'] }])).toThrow('fieldValues: request.ids holds too many items (1,001; at most 1,000)')
    expect(() => validateArgs('fieldValues', [{ ids: [1], paths: Array.from({ length: 17 }, () => 'a') }])).toThrow('fieldValues: request.paths holds too many items (17; at most 16)')
    expect(() => validateArgs('fieldValues', [{ ids: [1], paths: ['x'.repeat(201)] }])).toThrow('fieldValues: request.paths[0] is too long (at most 200 characters)')
  })
})

describe('fieldCatalogue', () => {
  it('lists every leaf path seen, most common first, with how many events have it', async () => {
    const catalogue = await service().fieldCatalogue()
    expect(catalogue.sampled).toBe(100)
    expect(catalogue.total).toBe(100)
    const count = new Map(catalogue.fields.map((f) => [f.path, f.count]))
    expect(count.get('userAgent')).toBe(100)
    expect(count.get('errorMessage')).toBe(4)
    expect(count.get('requestParameters.bucketName')).toBe(89)
    expect(count.get('requestParameters.policyDocument')).toBe(1)
    expect(count.get('userIdentity.accessKeyId')).toBe(100)
    // Objects are walked into, not listed themselves.
    expect(count.has('userIdentity')).toBe(false)
    expect(catalogue.fields[0].count).toBe(100)
  })
})

describe('getFacetValues', () => {
  it('shows the long tail: all values, rarest first, with distinct and matching counts', async () => {
    const view = await service().setView({ query: '' })
    const rarest = await service().getFacetValues({ viewId: view.viewId, field: 'eventName', order: 'rarest' })
    expect(rarest.values).toEqual([
      { value: 'PutUserPolicy', count: 1 },
      { value: 'ListBuckets', count: 10 },
      { value: 'GetObject', count: 89 },
    ])
    expect(rarest).toMatchObject({ distinct: 3, matching: 3, missing: 0, scanned: 100, total: 100 })
    const top = await service().getFacetValues({ viewId: view.viewId, field: 'eventName', limit: 1 })
    expect(top.values).toEqual([{ value: 'GetObject', count: 89 }])
    expect(top.matching).toBe(3)
  })

  it('searches the values (case-insensitive)', async () => {
    const view = await service().setView({ query: '' })
    const found = await service().getFacetValues({ viewId: view.viewId, field: 'eventName', search: 'user' })
    expect(found.values).toEqual([{ value: 'PutUserPolicy', count: 1 }])
    expect(found).toMatchObject({ distinct: 3, matching: 1 })
  })

  it('counts a column field exactly and any other field from the JSON', async () => {
    const view = await service().setView({ query: 'event:GetObject' })
    const keys = await service().getFacetValues({ viewId: view.viewId, field: 'accessKey' })
    expect(keys.values.reduce((n, v) => n + v.count, 0)).toBe(89)
    expect(keys.distinct).toBe(4)
    const agents = await service().getFacetValues({ viewId: view.viewId, field: 'userAgent', order: 'rarest' })
    expect(agents.values).toEqual([
      { value: 'curl/8.0', count: 10 },
      { value: 'aws-cli/2.15', count: 79 },
    ])
    const buckets = await service().getFacetValues({ viewId: view.viewId, field: 'requestParameters.bucketName' })
    expect(buckets.values.map((v) => v.value).sort()).toEqual(['bucket-0', 'bucket-1', 'bucket-2'])
    const missing = await service().getFacetValues({ viewId: (await service().setView({ query: '' })).viewId, field: 'errorMessage' })
    expect(missing).toMatchObject({ distinct: 4, missing: 96 })
  })

  it('checks its arguments', () => {
    expect(() => validateArgs('getFacetValues', [{ viewId: 1, field: 'eventName', order: 'random' }])).toThrow('getFacetValues: request.order must be one of "count", "rarest", not "random"')
    expect(() => validateArgs('getFacetValues', [{ viewId: 1, field: '' }])).toThrow('getFacetValues: request.field must not be empty')
    expect(() => validateArgs('getFacetValues', [{ viewId: 1, field: 'a', limit: 5001 }])).toThrow()
  })
})
