import { describe, expect, it } from 'vitest'
import { jsonDepth, MAX_JSON_DEPTH } from '../../common/json-depth'
import { prettyJson } from '../../renderer/viewer/pretty-json'
import { valuesAt, resourceNames } from '../../main/query/json-path'
import { scalarStrings } from '../../main/query/value-match'
import { MAX_QUERY_NESTING, tryParseQuery } from '../../common/query/parser'

/** `depth` arrays around a 1, as text (no recursion to build it). */
const arrays = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`
const objects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

describe('jsonDepth', () => {
  it('counts containers, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0)
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3)
    expect(jsonDepth('{"a":"[[[[{{{\\"[["}')).toBe(1)
    expect(jsonDepth(arrays(100_000))).toBe(100_000)
    expect(jsonDepth(arrays(100_000), 10)).toBe(10)
  })
})

describe('JSON.parse on hostile depth', () => {
  it('parses 100,000 levels (V8 parses iteratively), which is why every walker after it must not recurse', () => {
    expect(() => JSON.parse(arrays(100_000))).not.toThrow()
    expect(() => JSON.parse(objects(100_000))).not.toThrow()
  })
})

describe('prettyJson and depth', () => {
  it('gives up on an event nested 100,000 levels deep, returning its text as written', () => {
    const text = `{"eventName":"GetObject","requestParameters":${objects(100_000)}}`
    const pretty = prettyJson(text)
    expect(pretty.ok).toBe(false)
    expect(pretty.problem).toBe('tooDeep')
    expect(pretty.text).toBe(text)
    // The header still names it: the top levels' scalars are read.
    expect(pretty.values.get('eventName')).toBe('"GetObject"')
  })

  it('lays out an event exactly at the limit, and not one level deeper', () => {
    expect(prettyJson(arrays(MAX_JSON_DEPTH)).ok).toBe(true)
    expect(prettyJson(arrays(MAX_JSON_DEPTH + 1)).problem).toBe('tooDeep')
  })

  it('tells text that is not JSON from text that is too deep', () => {
    expect(prettyJson('{"a":').problem).toBe('notJson')
    expect(prettyJson('{"a":1}').problem).toBe(null)
  })
})

describe('query walkers and depth', () => {
  it('reach values down to the limit; deeper ones are absent', () => {
    const event = JSON.parse(`{"requestParameters":${arrays(100_000)}}`)
    const [top] = valuesAt(event, ['requestparameters'])
    expect(Array.isArray(top)).toBe(true)
    expect(scalarStrings([top])).toEqual([])
    expect(scalarStrings([JSON.parse(arrays(MAX_JSON_DEPTH))])).toEqual(['1'])
    expect(scalarStrings([JSON.parse(arrays(MAX_JSON_DEPTH + 1))])).toEqual([])
  })

  it('walks a 100,000-deep requestParameters for resource names without overflowing the stack', () => {
    const deep = JSON.parse(`{"requestParameters":{"bucketName":"b","x":${objects(100_000).replaceAll('"a"', '"roleArn"')}}}`)
    const names = resourceNames(deep).filter((v) => typeof v === 'string')
    expect(names).toEqual(['b'])
  })

  it('walks arrays of objects through a path at any depth up to the limit', () => {
    const event = JSON.parse('{"resources":[[{"ARN":"x"}],{"ARN":"y"}]}')
    expect(valuesAt(event, ['resources', 'arn'])).toEqual(['x', 'y'])
  })
})

describe('query nesting', () => {
  it('refuses a query nested deeper than MAX_QUERY_NESTING with a syntax error, not a stack overflow', () => {
    for (const query of [`${'('.repeat(20_000)}a${')'.repeat(20_000)}`, `${'not '.repeat(20_000)}a`, `${'-'.repeat(20_000)}a`]) {
      const result = tryParseQuery(query)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain(`more than ${MAX_QUERY_NESTING} levels`)
    }
  })

  it('still parses nesting up to the limit', () => {
    const query = `${'('.repeat(MAX_QUERY_NESTING - 1)}a${')'.repeat(MAX_QUERY_NESTING - 1)}`
    expect(tryParseQuery(query).ok).toBe(true)
    expect(tryParseQuery(`${'('.repeat(MAX_QUERY_NESTING)}a${')'.repeat(MAX_QUERY_NESTING)}`).ok).toBe(false)
  })
})
