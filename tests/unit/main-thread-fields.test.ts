// Views naming a field computed beside the store on the main thread are not sent to the query
// worker, whose mirror has no copy of those columns (it would answer wrongly, silently).
import { describe, expect, it } from 'vitest'
import { namesMainThreadField } from '../../main/query/main-thread-fields'

describe('which views stay on the main thread', () => {
  it('names integrity:, origin:, chain: or session:, anywhere in the query', () => {
    expect(namesMainThreadField('integrity:modified')).toBe(true)
    expect(namesMainThreadField('event:PutObject and not (user:alice or integrity:valid)')).toBe(true)
    expect(namesMainThreadField('origin:alice')).toBe(true)
    expect(namesMainThreadField('-session:ASIA*')).toBe(true)
    expect(namesMainThreadField('chain:*')).toBe(true)
  })

  it('names detection: and level:, as match, comparison or existence', () => {
    expect(namesMainThreadField('detection:"0f3a*"')).toBe(true)
    expect(namesMainThreadField('event:StopLogging and level>=high')).toBe(true)
    expect(namesMainThreadField('not level:*')).toBe(true)
    expect(namesMainThreadField('"level>=high"')).toBe(false)
  })

  it('leaves the store-column, JSON-path and free-text queries to the worker', () => {
    expect(namesMainThreadField('')).toBe(false)
    expect(namesMainThreadField('event:Describe* -error:*')).toBe(false)
    expect(namesMainThreadField('requestParameters.bucketName:logs-*')).toBe(false)
    expect(namesMainThreadField('"integrity:modified"')).toBe(false)
    expect(namesMainThreadField('unbalanced (')).toBe(false)
  })
})

describe('the special fields a query names', () => {
  it('come from the parsed tree, so a quoted phrase names none', async () => {
    const { specialFieldsOf } = await import('../../common/query/special-fields')
    expect([...specialFieldsOf('level>=high or (detection:x* and user:alice)')].sort()).toEqual(['detection', 'level', 'user'])
    expect(specialFieldsOf('"level:high" detection')).toEqual(new Set())
  })
})
