// The main process never waits on a load (#16): while a large generated load runs, a row request
// answers before the load ends, and the calls a screenful makes beside it (the field catalogue,
// the integrity markers) add up what the parse workers sent instead of reading events again.
// Order and call counts are asserted, never times.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AshiatoService } from '../../main/services/ashiato-service'
import { loadInto } from '../../main/loader/load-files'
import { EventStore } from '../../main/store/event-store'
import type { ParsedBatch, BatchFailure } from '../../main/store/parsed-batch'
import { buildSignedTrail, type SignedTrail } from './helpers/signed-trail'

// Many small files: jobs are up to 64 files each, so the load arrives in thirty jobs and a screenful
// asked after the first has many more to overtake (with 160 files of 250 the load came in three
// jobs, and on a quiet machine the last two ended before the view answered).
const FILES = 1920
const EVENTS_PER_FILE = 63
const BASE = Date.UTC(2024, 2, 5, 10, 0, 0)

function event(file: number, i: number): Record<string, unknown> {
  const n = file * EVENTS_PER_FILE + i
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'AssumedRole', principalId: `AROAEXAMPLE:session-${n % 97}`, accountId: '111122223333', accessKeyId: `ASIA${String(n % 1009).padStart(12, '0')}` },
    eventTime: new Date(BASE + n * 1000).toISOString(),
    eventSource: 's3.amazonaws.com',
    eventName: n % 7 === 0 ? 'PutObject' : 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${n % 250}`,
    userAgent: 'aws-cli/2.15',
    requestParameters: { bucketName: `bucket-${n % 13}`, key: `k/${n}` },
    eventID: `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  }
}

let dir: string
let bulk: string
let trail: SignedTrail

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-main-loop-'))
  trail = buildSignedTrail(path.join(dir, 'trail'), { accounts: ['111122223333'], regions: ['us-east-1'], hours: 4 })
  bulk = path.join(dir, 'bulk')
  mkdirSync(bulk)
  for (let f = 0; f < FILES; f++) {
    const records = Array.from({ length: EVENTS_PER_FILE }, (_, i) => event(f, i))
    writeFileSync(path.join(bulk, `f${String(f).padStart(4, '0')}.json`), JSON.stringify({ Records: records }))
  }
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Counts calls of a store method (the real method still runs). */
function countCalls(store: EventStore, name: 'text' | 'fileOfEvent' | 'fileIdOfEvent'): { calls: number } {
  const counter = { calls: 0 }
  const real = store[name].bind(store) as (id: number) => never
  ;(store as unknown as Record<string, unknown>)[name] = (id: number) => {
    counter.calls++
    return real(id)
  }
  return counter
}

describe('while a large load runs', () => {
  it('a row request answers before the load ends; the catalogue and markers read no events', async () => {
    const service = new AshiatoService({ workers: 1 })
    const order: string[] = []
    const requests: Promise<void>[] = []
    const texts = countCalls(service.store, 'text')
    const byName = countCalls(service.store, 'fileOfEvent')
    const byId = countCalls(service.store, 'fileIdOfEvent')
    let asked = false
    let sizeWhenAsked = 0
    service.onPush((name) => {
      // Once the digests' trail is in and bulk files are still coming: a screenful's calls.
      if (asked || name !== 'eventsChanged' || service.store.size < 1_000) return
      asked = true
      sizeWhenAsked = service.store.size
      requests.push(
        (async () => {
          const view = await service.setView({ query: '' })
          const { rows } = await service.getRows({ viewId: view.viewId, start: 0, count: 50 })
          expect(rows).toHaveLength(50)
          order.push('rows')
          const textsBefore = texts.calls
          const catalogue = await service.fieldCatalogue()
          expect(texts.calls - textsBefore).toBe(0)
          expect(catalogue.fields.map((f) => f.path)).toContain('requestParameters.bucketName')
          order.push('catalogue')
          const lookups = byName.calls + byId.calls
          await service.eventIntegrity(rows.map((r) => r.id))
          expect(byName.calls + byId.calls - lookups).toBeLessThanOrEqual(rows.length)
          order.push('markers')
        })(),
      )
    })
    // The query worker is started before the load: its start-up (a fresh thread compiling the
    // query code, ~200 ms) is not what this measures, and on a quiet machine it outlasted the load.
    await service.setView({ query: '' })
    await service.loadPaths([trail.root, bulk])
    await service.whenLoadDone()
    order.push('load done')
    await Promise.all(requests)
    expect(order).toEqual(['rows', 'catalogue', 'markers', 'load done'])
    expect(sizeWhenAsked).toBeLessThan(service.store.size)
    // All of the bulk is in (and the trail's few events), with nothing dropped.
    expect(service.store.size).toBeGreaterThan(FILES * EVENTS_PER_FILE)
    const catalogue = await service.fieldCatalogue()
    expect(catalogue.total).toBe(service.store.size)
    expect(catalogue.sampled).toBeGreaterThan(0)
    expect(catalogue.sampled).toBeLessThan(catalogue.total)
    expect(catalogue.fields.find((f) => f.path === 'eventName')?.count).toBe(catalogue.sampled)
    await service.dispose()
  }, 120_000)

  it('digests arrive parsed by the worker that read them', async () => {
    const digests: (ParsedBatch | BatchFailure)[] = []
    await loadInto(new EventStore(), [{ path: trail.root }], { workers: 1 }, { onTrailFile: (file, _id, result) => file.displayName.includes('CloudTrail-Digest') && file.displayName.endsWith('.json.gz') && digests.push(result) })
    expect(digests).toHaveLength(trail.digests.length)
    for (const result of digests) expect(result.integrity?.parsedDigest).toMatchObject({ ok: true, digest: { digestS3Bucket: 'org-trail-bucket' } })
  })
})
