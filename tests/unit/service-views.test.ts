// The facets and the timeline through the service, as the renderer calls them: files generated
// with known counts are loaded into an AshiatoService, a view is set, and getFacets /
// getHistogram answer for that view's ids.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AshiatoService } from '../../main/services/ashiato-service'
import { dispatchCall, type ShellCalls } from '../../main/services/dispatch-call'

const BASE = Date.UTC(2024, 2, 5, 10, 0, 0)
const MINUTE = 60_000

interface Spec {
  minute: number
  eventName: string
  user: string
  ip: string
  error?: string
  readOnly: boolean
}

/** 60 events, one a minute from 10:00 UTC: every 3rd is GetObject by bob, every 5th failed with AccessDenied. */
function specs(): Spec[] {
  const out: Spec[] = []
  for (let i = 0; i < 60; i++) {
    out.push({
      minute: i,
      eventName: i % 3 === 0 ? 'GetObject' : i % 3 === 1 ? 'PutObject' : 'DeleteObject',
      user: i % 3 === 0 ? 'bob' : 'alice',
      ip: i < 20 ? '203.0.113.9' : '198.51.100.7',
      ...(i % 5 === 0 ? { error: 'AccessDenied' } : {}),
      readOnly: i % 3 === 0,
    })
  }
  return out
}

function event(spec: Spec, index: number): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: `AIDA${spec.user.toUpperCase()}`, arn: `arn:aws:iam::111122223333:user/${spec.user}`, accountId: '111122223333', userName: spec.user },
    eventTime: new Date(BASE + spec.minute * MINUTE).toISOString().replace('.000Z', 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: spec.eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: spec.ip,
    ...(spec.error ? { errorCode: spec.error, errorMessage: 'Access Denied' } : {}),
    readOnly: spec.readOnly,
    eventID: `00000000-0000-4000-a000-${String(index).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  }
}

let dir: string
let service: AshiatoService
const all = specs()

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-service-views-'))
  // Two files, so the view spans what several loads produced.
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ Records: all.slice(0, 30).map((s, i) => event(s, i)) }))
  writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ Records: all.slice(30).map((s, i) => event(s, i + 30)) }))
  service = new AshiatoService({ workers: 2 })
  await service.loadPaths([dir])
  await service.whenLoadDone()
})

afterAll(async () => {
  await service?.dispose()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('getFacets', () => {
  it('counts the top values of the whole set', async () => {
    const view = await service.setView({ query: '' })
    expect(view.matched).toBe(60)
    const facets = await service.getFacets({ viewId: view.viewId })
    const byField = new Map(facets.map((f) => [f.field, f]))
    expect(facets.map((f) => f.field)).toEqual(['eventName', 'eventSource', 'user', 'identityType', 'sourceIp', 'region', 'account', 'errorCode', 'readOnly'])
    expect(byField.get('eventName')?.values).toEqual([
      { value: 'DeleteObject', count: 20 },
      { value: 'GetObject', count: 20 },
      { value: 'PutObject', count: 20 },
    ])
    expect(byField.get('user')?.values).toEqual([
      { value: 'alice', count: 40 },
      { value: 'bob', count: 20 },
    ])
    expect(byField.get('sourceIp')?.values).toEqual([
      { value: '198.51.100.7', count: 40 },
      { value: '203.0.113.9', count: 20 },
    ])
    const errors = byField.get('errorCode')!
    expect(errors.values).toEqual([{ value: 'AccessDenied', count: 12 }])
    expect(errors.missing).toBe(48)
    expect(byField.get('readOnly')?.values).toEqual([
      { value: 'false', count: 40 },
      { value: 'true', count: 20 },
    ])
  })

  it("answers for the view's result, with the fields and limit asked for", async () => {
    const view = await service.setView({ query: 'user:bob' })
    expect(view.matched).toBe(20)
    const facets = await service.getFacets({ viewId: view.viewId, fields: ['errorCode', 'eventName'], limit: 1 })
    expect(facets).toEqual([
      // bob: minutes 0, 3, ..., 57; failed when divisible by 15 (0, 15, 30, 45).
      { field: 'errorCode', values: [{ value: 'AccessDenied', count: 4 }], distinct: 1, missing: 16 },
      { field: 'eventName', values: [{ value: 'GetObject', count: 20 }], distinct: 1, missing: 0 },
    ])
  })

  it('follows the time range of the view', async () => {
    const view = await service.setView({ query: '', from: BASE + 10 * MINUTE, to: BASE + 20 * MINUTE })
    expect(view.matched).toBe(10)
    const [ip] = await service.getFacets({ viewId: view.viewId, fields: ['sourceIp'] })
    expect(ip.values).toEqual([{ value: '203.0.113.9', count: 10 }])
  })

  it('refuses a view that is not kept', async () => {
    await expect(service.getFacets({ viewId: 987_654 })).rejects.toThrow('This view has expired')
  })
})

describe('getHistogram', () => {
  it('splits the result into nice buckets, errors apart', async () => {
    const view = await service.setView({ query: '' })
    const histogram = await service.getHistogram({ viewId: view.viewId, buckets: 12 })
    // 60 minutes in at most 12 buckets: 5 minutes each, from 10:00.
    expect(histogram.start).toBe(BASE)
    expect(histogram.bucketMs).toBe(5 * MINUTE)
    expect(histogram.errors).toEqual(new Array(12).fill(1))
    expect(histogram.successes).toEqual(new Array(12).fill(4))
    expect(histogram.untimed).toBe(0)
  })

  it("covers only the view's result", async () => {
    const view = await service.setView({ query: 'error:*', from: BASE + 30 * MINUTE })
    expect(view.matched).toBe(6)
    const histogram = await service.getHistogram({ viewId: view.viewId, buckets: 100 })
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect(sum(histogram.errors)).toBe(6)
    expect(sum(histogram.successes)).toBe(0)
    expect(histogram.start).toBe(BASE + 30 * MINUTE)
    expect(histogram.start + histogram.errors.length * histogram.bucketMs).toBeGreaterThan(BASE + 55 * MINUTE)
  })

  it('is empty for an empty result', async () => {
    const view = await service.setView({ query: 'event:Nothing' })
    expect(await service.getHistogram({ viewId: view.viewId })).toEqual({ start: 0, bucketMs: MINUTE, errors: [], successes: [], untimed: 0 })
  })

  it('is reached through the dispatcher with checked arguments', async () => {
    const view = await service.setView({ query: 'event:GetObject' })
    const shell = {} as ShellCalls
    const histogram = (await dispatchCall(service, shell, 'getHistogram', [{ viewId: view.viewId, buckets: 1 }])) as { successes: number[]; errors: number[] }
    expect(histogram.successes.length + histogram.errors.length).toBe(2)
    expect(histogram.successes[0] + histogram.errors[0]).toBe(20)
    await expect(dispatchCall(service, shell, 'getFacets', [{ viewId: view.viewId, limit: -1 }])).rejects.toThrow('getFacets: request.limit must be at least 0, not -1')
  })
})
