import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { prettyJson, stringValue, tokenize } from '../../renderer/viewer/pretty-json'

const SEED = '/work/shared/seed/update-trail-event.json'
const seedText = (() => {
  try {
    return readFileSync(SEED, 'utf8')
  } catch {
    return null
  }
})()

describe('prettyJson', () => {
  it('re-indents compact JSON with two spaces', () => {
    const result = prettyJson('{"a":1,"b":[true,false,null],"c":{"d":"x"}}')
    expect(result.ok).toBe(true)
    expect(result.text).toBe(['{', '  "a": 1,', '  "b": [', '    true,', '    false,', '    null', '  ],', '  "c": {', '    "d": "x"', '  }', '}'].join('\n'))
  })

  it('matches JSON.stringify(…, 2) when nothing would be lost', () => {
    const value = { eventVersion: '1.08', n: -1.5e3, empty: {}, list: [], nested: { a: [1, { b: 'c' }] }, s: 'quote " and \\ and \u00e9' }
    const compact = JSON.stringify(value)
    expect(prettyJson(compact).text).toBe(JSON.stringify(value, null, 2))
    const loose = JSON.stringify(value, null, 7).replace(/\n/g, '\r\n\t')
    expect(prettyJson(loose).text).toBe(JSON.stringify(value, null, 2))
  })

  it.runIf(seedText !== null)('prints the seed event as JSON.stringify would', () => {
    const result = prettyJson(seedText!)
    expect(result.ok).toBe(true)
    expect(result.text).toBe(JSON.stringify(JSON.parse(seedText!), null, 2))
  })

  it('keeps big integers and numbers exactly as written', () => {
    const source = '{"id":12345678901234567890123,"neg":-9007199254740993,"f":1.0,"e":1E+400,"z":0.10}'
    const result = prettyJson(source)
    expect(result.ok).toBe(true)
    expect(result.text).toContain('"id": 12345678901234567890123')
    expect(result.text).toContain('"neg": -9007199254740993')
    expect(result.text).toContain('"f": 1.0')
    expect(result.text).toContain('"e": 1E+400')
    expect(result.text).toContain('"z": 0.10')
    expect(result.values.get('id')).toBe('12345678901234567890123')
  })

  it('keeps key order and duplicate keys, and strings with their escapes', () => {
    const source = '{"z":1,"a":2,"m":{"y":"\\u0041\\n\\"","b":3},"a":4}'
    const result = prettyJson(source)
    expect(result.text.split('\n').map((l) => l.trim())).toEqual(['{', '"z": 1,', '"a": 2,', '"m": {', '"y": "\\u0041\\n\\"",', '"b": 3', '},', '"a": 4', '}'])
    // the first of duplicate keys names the line
    expect(result.lines.get('a')).toBe(3)
  })

  it('keeps empty objects and arrays on one line', () => {
    expect(prettyJson('{"a":{},"b":[],"c":[{}]}').text).toBe('{\n  "a": {},\n  "b": [],\n  "c": [\n    {}\n  ]\n}')
  })

  it('accepts a scalar or an array at the top', () => {
    expect(prettyJson(' 42 ').text).toBe('42')
    expect(prettyJson('[1,[2]]').text).toBe('[\n  1,\n  [\n    2\n  ]\n]')
  })

  it('returns the original text for input that is not JSON', () => {
    for (const bad of ['', '{', '{"a":}', '{"a" 1}', '{"a":1,}', '[1 2]', '{"a":1}}', '{"a":tru}', '{a:1}', '"unterminated', '{"a":"raw\nnewline"}', '{"a":1} x']) {
      const result = prettyJson(bad)
      expect(result.ok, bad).toBe(false)
      expect(result.text).toBe(bad)
      expect(result.lines.size).toBe(0)
    }
  })

  it('does not overflow the stack on deep nesting', () => {
    const depth = 100_000
    const source = '['.repeat(depth) + ']'.repeat(depth)
    const result = prettyJson(source, '')
    // Deeper than MAX_JSON_DEPTH: given back as written, for the viewer's raw-text fallback.
    expect(result.ok).toBe(false)
    expect(result.problem).toBe('tooDeep')
    expect(result.text).toBe(source)
  })
})

describe('path -> line map', () => {
  it('maps each member path to the line of its key', () => {
    const result = prettyJson('{"eventTime":"2020-05-05T03:33:28Z","userIdentity":{"type":"IAMUser","sessionContext":{"attributes":{"mfaAuthenticated":"true"}}},"resources":[{"ARN":"a"},{"ARN":"b"}]}')
    const lines = result.text.split('\n')
    expect(result.lines.get('eventTime')).toBe(2)
    expect(result.lines.get('userIdentity')).toBe(3)
    expect(result.lines.get('userIdentity.type')).toBe(4)
    expect(result.lines.get('userIdentity.sessionContext.attributes.mfaAuthenticated')).toBe(7)
    expect(result.lines.get('resources[0].ARN')).toBe(13)
    expect(result.lines.get('resources[1].ARN')).toBe(16)
    for (const [path, line] of result.lines) {
      const key = path.split('.').pop()!.replace(/\[\d+\]$/, '')
      if (!path.endsWith(']')) expect(lines[line - 1].trimStart().startsWith(`"${key}"`), path).toBe(true)
    }
  })

  it('records the key columns and scalar values', () => {
    const result = prettyJson('{"a":{"bb":"x"}}')
    expect(result.keyColumns.get(3)).toEqual({ start: 5, end: 9 })
    expect(result.values.get('a.bb')).toBe('"x"')
    expect(stringValue(result.values.get('a.bb'))).toBe('x')
    expect(stringValue('12')).toBeNull()
    expect(stringValue(undefined)).toBeNull()
  })

  it.runIf(seedText !== null)('finds the seed event fields', () => {
    const result = prettyJson(seedText!)
    const lines = result.text.split('\n')
    for (const key of ['userIdentity', 'eventTime', 'eventSource', 'eventName', 'requestParameters', 'responseElements', 'errorCode', 'errorMessage']) {
      const line = result.lines.get(key)
      expect(line, key).toBeDefined()
      expect(lines[line! - 1]).toMatch(new RegExp(`^  "${key}": `))
    }
    expect(stringValue(result.values.get('errorCode'))).toBe('InvalidCloudWatchLogsRoleArnException')
    expect(result.values.get('responseElements')).toBe('null')
  })
})

describe('tokenize', () => {
  it('splits strings with escaped quotes as one token', () => {
    expect(tokenize('["a\\"b", -0.5e-3]')!.map((t) => t.text)).toEqual(['[', '"a\\"b"', ',', '-0.5e-3', ']'])
  })
})
