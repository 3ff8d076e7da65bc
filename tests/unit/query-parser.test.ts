import { describe, expect, it } from 'vitest'
import { parseQuery, tryParseQuery, type Ast } from '../../common/query'
import { parseInstant } from '../../common/time'
import { patternSource } from '../../common/query/ast'

/** A compact, readable rendering of an AST for assertions. */
function show(ast: Ast): string {
  switch (ast.type) {
    case 'all':
      return 'ALL'
    case 'and':
    case 'or':
      return `(${ast.children.map(show).join(` ${ast.type.toUpperCase()} `)})`
    case 'not':
      return `NOT ${show(ast.child)}`
    case 'text':
      return ast.phrase ? `"${patternSource(ast.pattern)}"` : `text[${patternSource(ast.pattern)}]`
    case 'match':
      return `${ast.field.special ?? ast.field.path.join('.')}=[${patternSource(ast.pattern)}]`
    case 'exists':
      return `${ast.field.special ?? ast.field.path.join('.')}?`
    case 'compare':
      return `${ast.field.special ?? ast.field.path.join('.')}${ast.op}${ast.value}`
  }
}

const parse = (text: string): string => show(parseQuery(text))

function errorOf(text: string): { message: string; position: number } {
  const result = tryParseQuery(text)
  if (result.ok) throw new Error(`expected "${text}" not to parse`)
  return { message: result.error.message, position: result.error.position }
}

describe('query parser: terms', () => {
  it('parses the empty query to "everything"', () => {
    expect(parse('')).toBe('ALL')
    expect(parse('   ')).toBe('ALL')
  })

  it('parses free text words and quoted phrases', () => {
    expect(parse('alice')).toBe('text[alice]')
    expect(parse('"a phrase"')).toBe('"a phrase"')
    // Wildcards are literal inside a quoted phrase (so "s3:*" finds policies that grant s3:*).
    expect(parseQuery('"s3:*"')).toMatchObject({ type: 'text', phrase: true, pattern: [{ kind: 'text', text: 's3:*' }] })
    expect(parseQuery('Delete*Bucket')).toMatchObject({ pattern: [{ kind: 'text' }, { kind: 'any' }, { kind: 'text' }] })
  })

  it('parses field:value with dotted paths, lower-casing field names', () => {
    expect(parse('userIdentity.type:Root')).toBe('useridentity.type=[Root]')
    expect(parse('requestParameters.bucketName:logs-*')).toBe('requestparameters.bucketname=[logs-*]')
    expect(parse('resources.ARN:*prod*')).toBe('resources.arn=[*prod*]')
    expect(parse('additionalEventData.x-amz-id-2:abc')).toBe('additionaleventdata.x-amz-id-2=[abc]')
  })

  it('keeps values with colons whole (ARNs, times)', () => {
    expect(parse('resources.ARN:arn:aws:s3:::bucket/key')).toBe('resources.arn=[arn:aws:s3:::bucket/key]')
    expect(parseQuery('eventTime<2024-03-05T14:30Z')).toMatchObject({ type: 'compare', op: '<', value: '2024-03-05T14:30Z' })
  })

  it('parses quoted values with spaces, keeping wildcards; backslash makes them literal', () => {
    expect(parse('userAgent:"aws-cli/2.* Python*"')).toBe('useragent=[aws-cli/2.* Python*]')
    expect(parseQuery('x:"a\\*b"')).toMatchObject({ pattern: [{ kind: 'text', text: 'a*b' }] })
    expect(parseQuery('x:a\\ b')).toMatchObject({ pattern: [{ kind: 'text', text: 'a b' }] })
    expect(parseQuery('x:"say \\"hi\\""')).toMatchObject({ pattern: [{ kind: 'text', text: 'say "hi"' }] })
    expect(parseQuery('x:""')).toMatchObject({ type: 'match', pattern: [{ kind: 'text', text: '' }] })
  })

  it('parses field:* as "present"; a quoted "*" is a pattern', () => {
    expect(parse('errorCode:*')).toBe('errorcode?')
    expect(parse('errorCode:**')).toBe('errorcode?')
    expect(parse('errorCode:"*"')).toBe('errorcode=[*]')
    expect(parse('not errorCode:*')).toBe('NOT errorcode?')
  })

  it('parses comparisons', () => {
    expect(parse('count>5')).toBe('count>5')
    expect(parse('count>=5')).toBe('count>=5')
    expect(parse('count<5')).toBe('count<5')
    expect(parse('count<=-1.5')).toBe('count<=-1.5')
    expect(parse('name>"m n"')).toBe('name>m n')
  })

  it('reads eventTime comparisons as instants, a date alone being midnight UTC', () => {
    expect(parseQuery('eventTime>=2024-03-05')).toMatchObject({ instant: Date.UTC(2024, 2, 5) })
    expect(parseQuery('eventTime<2024-03-05T14:30Z')).toMatchObject({ instant: Date.UTC(2024, 2, 5, 14, 30) })
    expect(parseQuery('time>"2024-03-05 14:30:15+09:00"')).toMatchObject({ instant: Date.UTC(2024, 2, 5, 5, 30, 15) })
    // No zone means UTC, whatever the machine's zone.
    expect(parseQuery('eventTime>2024-03-05T14:30')).toMatchObject({ instant: Date.UTC(2024, 2, 5, 14, 30) })
  })

  it('does not take ARNs, URLs, IPv6 addresses or hyphenated words for fields or negations', () => {
    expect(parse('arn:aws:iam::123456789012:root')).toBe('text[arn:aws:iam::123456789012:root]')
    expect(parse('https://example.com/x')).toBe('text[https://example.com/x]')
    expect(parse('2001:db8::1')).toBe('text[2001:db8::1]')
    expect(parse('us-east-1')).toBe('text[us-east-1]')
  })
})

describe('query parser: short names', () => {
  const cases: [string, string][] = [
    ['event:X', 'eventname=[X]'],
    ['source:X', 'eventsource=[X]'],
    ['user:X', 'user=[X]'],
    ['accessKey:X', 'useridentity.accesskeyid=[X]'],
    ['eventId:X', 'eventid=[X]'],
    ['readOnly:false', 'readonly=[false]'],
    ['resourceType:X', 'resources.type=[X]'],
    ['resourceName:X', 'resourceName=[X]'],
    ['ip:X', 'sourceipaddress=[X]'],
    ['sourceIp:X', 'sourceipaddress=[X]'],
    ['region:X', 'awsregion=[X]'],
    ['account:X', 'account=[X]'],
    ['error:X', 'errorcode=[X]'],
    ['identityType:X', 'useridentity.type=[X]'],
    ['time>2024-01-01', 'eventtime>2024-01-01'],
  ]
  it.each(cases)('%s resolves to %s', (query, expected) => {
    expect(parse(query)).toBe(expected)
  })

  it('treats field names case-insensitively', () => {
    expect(parse('EVENT:X')).toBe('eventname=[X]')
    expect(parse('UserIdentity.Type:Root')).toBe('useridentity.type=[Root]')
    expect(parseQuery('USER:x')).toMatchObject({ field: { name: 'USER', special: 'user' } })
  })
})

describe('query parser: operators and precedence', () => {
  it('reads juxtaposition as and', () => {
    expect(parse('a b c')).toBe('(text[a] AND text[b] AND text[c])')
    expect(parse('a and b')).toBe('(text[a] AND text[b])')
    expect(parse('a AND b')).toBe('(text[a] AND text[b])')
  })

  it('binds and tighter than or', () => {
    expect(parse('a or b c')).toBe('(text[a] OR (text[b] AND text[c]))')
    expect(parse('a b or c')).toBe('((text[a] AND text[b]) OR text[c])')
    expect(parse('a and b or c and d')).toBe('((text[a] AND text[b]) OR (text[c] AND text[d]))')
  })

  it('binds not and - tighter than and', () => {
    expect(parse('not a b')).toBe('(NOT text[a] AND text[b])')
    expect(parse('-a b')).toBe('(NOT text[a] AND text[b])')
    expect(parse('not not a')).toBe('NOT NOT text[a]')
    expect(parse('-error:*')).toBe('NOT errorcode?')
    expect(parse('a -b')).toBe('(text[a] AND NOT text[b])')
  })

  it('groups with parentheses', () => {
    expect(parse('(a or b) c')).toBe('((text[a] OR text[b]) AND text[c])')
    expect(parse('-(a or b)')).toBe('NOT (text[a] OR text[b])')
    expect(parse('not (a b)')).toBe('NOT (text[a] AND text[b])')
    expect(parse('((a))')).toBe('text[a]')
    expect(parse('(event:X)')).toBe('eventname=[X]')
  })

  it('flattens nested and/or', () => {
    expect(parse('a or (b or c)')).toBe('(text[a] OR text[b] OR text[c])')
    expect(parse('a (b c)')).toBe('(text[a] AND text[b] AND text[c])')
  })

  it('keeps source offsets on terms', () => {
    const ast = parseQuery('a  event:X')
    expect(ast).toMatchObject({ type: 'and', children: [{ start: 0, end: 1 }, { start: 3, end: 10 }] })
    expect(parseQuery('-(a or b)')).toMatchObject({ type: 'not', start: 0, end: 8 })
  })
})

describe('query parser: errors say where and why', () => {
  const cases: [string, number, RegExp][] = [
    ['"abc', 0, /quote is never closed/],
    ['event:"abc', 6, /quote is never closed/],
    ['(a or b', 0, /'\(' is never closed/],
    ['a b)', 3, /no matching '\('/],
    ['()', 1, /term inside/],
    ['a and', 5, /after 'and'/],
    ['a or', 4, /after 'or'/],
    ['not', 3, /after 'not'/],
    ['a or or b', 5, /after 'or', found 'or'/],
    ['or a', 0, /'or' needs a term before it/],
    ['and', 0, /'and' needs a term before it/],
    ['(a) )', 4, /no matching/],
    ['event:', 6, /value right after 'event:'/],
    ['event: X', 6, /value right after/],
    ['count>', 6, /value right after 'count>'/],
    ['- a', 1, /after '-'/],
    ['a -', 3, /after '-'/],
    ['x:"a b"c', 7, /after the closing quote/],
    ['ab"c"', 2, /quote cannot start in the middle/],
    ['x:a\\', 3, /backslash/],
    ['count>a*', 6, /Wildcards cannot be used with '>'/],
    ['eventTime>2024', 10, /Expected a date/],
    ['eventTime>=2024-02-30', 11, /Expected a date/],
    ['(a) (', 5, /after '\('/],
  ]
  it.each(cases)('%s → error at %i', (query, position, message) => {
    const error = errorOf(query)
    expect(error.position).toBe(position)
    expect(error.message).toMatch(message)
  })

  it('throws a QueryError from parseQuery', () => {
    expect(() => parseQuery('(')).toThrow(expect.objectContaining({ name: 'QueryError', position: 1 }))
  })
})

describe('instants', () => {
  it('parses dates, times, fractions and zones, with the precision of what was typed', () => {
    expect(parseInstant('2024-03-05')).toEqual({ start: Date.UTC(2024, 2, 5), end: Date.UTC(2024, 2, 6) })
    expect(parseInstant('2024-03')).toEqual({ start: Date.UTC(2024, 2, 1), end: Date.UTC(2024, 3, 1) })
    expect(parseInstant('2024-03-05T14:30Z')).toEqual({ start: Date.UTC(2024, 2, 5, 14, 30), end: Date.UTC(2024, 2, 5, 14, 31) })
    expect(parseInstant('2024-03-05T14:30:15Z')?.end).toBe(Date.UTC(2024, 2, 5, 14, 30, 16))
    expect(parseInstant('2024-03-05T14:30:15.25Z')?.start).toBe(Date.UTC(2024, 2, 5, 14, 30, 15, 250))
    expect(parseInstant('2024-03-05T14:30-0130')?.start).toBe(Date.UTC(2024, 2, 5, 16, 0))
  })

  it('rejects what is not a real instant', () => {
    for (const text of ['2024', '2024-13-01', '2024-02-30', '2024-03-05T24:00Z', '2024-03-05Z', 'yesterday', '2024-03-05T14']) {
      expect(parseInstant(text), text).toBeNull()
    }
    expect(parseInstant('2024-02-29')).not.toBeNull()
  })
})

describe('the documented examples', () => {
  it('all parse', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../docs/query-language.md', import.meta.url), 'utf8')
    const examples = doc
      .slice(doc.indexOf('## Examples'), doc.indexOf('## Evaluation'))
      .split('\n')
      .flatMap((line) => /^- `([^`]+)`/.exec(line)?.[1] ?? [])
    expect(examples.length).toBeGreaterThan(20)
    for (const example of examples) expect(tryParseQuery(example).ok, example).toBe(true)
  })
})
