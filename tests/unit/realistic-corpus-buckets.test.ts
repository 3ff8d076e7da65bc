// The realistic benchmark corpus puts some S3 calls in log buckets, as a real trail does, so the
// bench's JSON-path query (`requestParameters.bucketName:logs-*`) has events to find and near
// misses to reject (`central-logs-…`, `aws-cloudtrail-logs-…` hold `logs-` but do not start
// with it). Checked on the first files of the generator's 25,000-event corpus, against a plain
// computation over the parsed events, then through the query engine.

import { describe, expect, it } from 'vitest'
import { corpusFiles, SHARED_DATA } from '../../scripts/bench/make-corpus'
import { loadRealShapes } from '../../scripts/bench/real-shapes'
import { evaluate } from '../../main/query/evaluate'
import { storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>
const obj = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})

const real = loadRealShapes(SHARED_DATA)
const title = real ? 'log buckets in the realistic corpus' : 'log buckets in the realistic corpus: skipped, ../shared/data is absent (not part of this repository)'

/** The first `count` events of a 25,000-event realistic corpus. */
function firstEvents(count: number): Json[] {
  const events: Json[] = []
  for (const file of corpusFiles('realistic', 25_000, real)) {
    events.push(...(JSON.parse(file.json) as { Records: Json[] }).Records)
    if (events.length >= count) break
  }
  return events
}

describe.skipIf(!real)(title, () => {
  const events = real ? firstEvents(8000) : []
  const bucketOf = (event: Json): unknown => obj(event.requestParameters).bucketName

  it('has S3 calls in logs-… buckets, naming the same bucket in their resources', () => {
    const inLogs = events.filter((event) => /^logs-/i.test(String(bucketOf(event))))
    expect(inLogs.length).toBeGreaterThan(20)
    for (const event of inLogs) {
      const arns = (Array.isArray(event.resources) ? event.resources : []).map((resource) => String(obj(resource).ARN))
      for (const arn of arns.filter((arn) => arn.startsWith('arn:aws:s3:::'))) expect(arn.slice('arn:aws:s3:::'.length).split('/')[0]).toBe(bucketOf(event))
    }
    // Near misses too: buckets holding `logs-` that do not start with it.
    expect(events.some((event) => /.logs-/i.test(String(bucketOf(event))))).toBe(true)
  })

  it('is what the JSON-path query finds there', () => {
    const store = storeOfEvents(events)
    const expected = events.flatMap((event, id) => (/^logs-/i.test(String(bucketOf(event))) ? [id] : []))
    expect(expected.length).toBeGreaterThan(20)
    expect([...evaluate(store, 'requestParameters.bucketName:logs-*').ids]).toEqual(expected)
  })
})
