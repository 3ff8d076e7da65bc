// The field catalogue's sample as a parse worker takes it (main/loader/field-paths.ts): leaf
// paths only, keys that could be column names, hostile nesting walked within bounds, and a
// stride that keeps small sets exact and large ones cheap.
import { describe, expect, it } from 'vitest'
import { EVENT_MAX_PATHS, FieldPathSampler, SAMPLE_FIRST, leafPaths } from '../../main/loader/field-paths'

function batchOf(events: string[]): { text: Uint8Array; starts: Uint32Array; ends: Uint32Array } {
  const parts = events.map((e) => Buffer.from(e))
  const starts = new Uint32Array(parts.length)
  const ends = new Uint32Array(parts.length)
  let at = 0
  parts.forEach((p, i) => {
    starts[i] = at
    at += p.length
    ends[i] = at
  })
  return { text: Buffer.concat(parts), starts, ends }
}

describe('leafPaths', () => {
  it('lists leaves through objects and arrays, never the objects, and skips keys that are no column names', () => {
    const paths = leafPaths({ eventName: 'A', requestParameters: { items: [{ id: 1 }, { name: 'x' }], 'bad key': 1 }, userIdentity: null })
    expect([...paths].sort()).toEqual(['eventName', 'requestParameters.items.id', 'requestParameters.items.name', 'userIdentity'])
  })

  it('walks an event nested 100,000 levels deep in arrays or objects without overflowing the stack', () => {
    const deepArrays = JSON.parse(`{"a":${'['.repeat(100_000)}1${']'.repeat(100_000)}}`)
    expect([...leafPaths(deepArrays)]).toEqual(['a'])
    const deepObjects = JSON.parse(`${'{"k":'.repeat(100_000)}1${'}'.repeat(100_000)}`)
    expect([...leafPaths(deepObjects)]).toEqual(['k.k.k.k.k.k.k.k'])
  })
})

describe('FieldPathSampler', () => {
  it('walks every event of a small set, counts per path, and sends each count once', () => {
    const sampler = new FieldPathSampler()
    const batch = batchOf(['{"a":1,"b":{"c":2}}', '{"a":2}', 'not json', `{"a":${'['.repeat(20)}1${']'.repeat(20)}}`])
    sampler.add(batch.text, batch.starts, batch.ends)
    const tally = sampler.take()
    expect(tally.sampled).toBe(3)
    expect(Object.fromEntries(tally.paths.map((p, i) => [p, tally.counts[i]]))).toEqual({ a: 3, 'b.c': 1 })
    expect(sampler.take()).toEqual({ sampled: 0, paths: [], counts: [], capped: 0 })
  })

  it('past SAMPLE_FIRST events, samples one in a stride growing fourfold', () => {
    const sampler = new FieldPathSampler()
    const batch = batchOf(Array.from({ length: 100_000 }, (_, i) => `{"n":${i}}`))
    sampler.add(batch.text, batch.starts, batch.ends)
    const { sampled } = sampler.take()
    // SAMPLE_FIRST each at strides 1, 4, 16 and 64 (about 22,000 events), then one in 256.
    expect(sampled).toBeGreaterThan(4 * SAMPLE_FIRST)
    expect(sampled).toBeLessThan(4 * SAMPLE_FIRST + 100_000 / 256)
  })

  it('one event with 3,000 keys takes at most EVENT_MAX_PATHS paths: the real fields after it are still listed, and the refused ones counted', () => {
    const sampler = new FieldPathSampler()
    const hostile = JSON.stringify({ requestParameters: Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`k${i}`, i])) })
    const batch = batchOf([hostile, '{"eventName":"GetObject","eventSource":"s3.amazonaws.com","awsRegion":"us-east-1"}'])
    sampler.add(batch.text, batch.starts, batch.ends)
    const tally = sampler.take()
    expect(tally.paths).toEqual(expect.arrayContaining(['eventName', 'eventSource', 'awsRegion']))
    expect(tally.paths.filter((p) => p.startsWith('requestParameters.'))).toHaveLength(EVENT_MAX_PATHS)
    expect(tally.capped).toBe(3_000 - EVENT_MAX_PATHS)
  })
})
