// Field tests and conditions of the engine, one behaviour at a time, including hostile values
// (logs are attacker-written) and rules that must be refused with a reason.

import { describe, expect, it } from 'vitest'
import { compileLeaf, MAX_RE_SUBJECT, type Leaf } from '../../main/detect/value-matchers'
import { compileRuleSet } from '../../main/detect/rule-set'
import { parseGlob, globMatch } from '../../main/detect/glob-match'
import { valuesAt } from '../../main/detect/field-values'

function leaf(spec: string, value: unknown): Leaf {
  const compiled = compileLeaf(spec, value)
  if (typeof compiled === 'string') throw new Error(compiled)
  return compiled
}
const test = (spec: string, value: unknown, event: Record<string, unknown>): boolean => {
  const l = leaf(spec, value)
  return l.test(valuesAt(event, l.path), event)
}

describe('value modifiers', () => {
  it('compares case-insensitively with wildcards, and exactly with |cased', () => {
    expect(test('eventName', 'createuser', { eventName: 'CreateUser' })).toBe(true)
    expect(test('eventName', 'Create*', { eventName: 'CreateUser' })).toBe(true)
    expect(test('eventName', 'Create?ser', { eventName: 'CreateUser' })).toBe(true)
    expect(test('eventName|cased', 'createuser', { eventName: 'CreateUser' })).toBe(false)
    expect(test('a', 'x\\*', { a: 'x*' })).toBe(true)
    expect(test('a', 'x\\*', { a: 'xy' })).toBe(false)
  })
  it('contains, startswith, endswith, and |all over a list', () => {
    expect(test('ua|contains', 'boto', { ua: 'Boto3/1.2' })).toBe(true)
    expect(test('ua|startswith', 'aws-cli', { ua: 'aws-cli/2' })).toBe(true)
    expect(test('ua|endswith', 'kali', { ua: 'x kali' })).toBe(true)
    expect(test('ua|contains|all', ['a', 'z'], { ua: 'abc' })).toBe(false)
    expect(test('ua|contains|all', ['a', 'c'], { ua: 'abc' })).toBe(true)
  })
  it('walks arrays and matches any element', () => {
    const event = { requestParameters: { containerDefinitions: [{ command: ['sh', 'curl $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] }] } }
    expect(test('requestParameters.containerDefinitions.command|contains', '$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', event)).toBe(true)
  })
  it('exists ignores explicit nulls; a null value matches absent or null', () => {
    expect(test('errorCode|exists', true, { errorCode: null })).toBe(false)
    expect(test('errorCode|exists', false, {})).toBe(true)
    expect(test('errorCode', null, {})).toBe(true)
    expect(test('errorCode', null, { errorCode: 'X' })).toBe(false)
  })
  it('cidr, including IPv6 and anonymised addresses with leading zeros', () => {
    expect(test('ip|cidr', '10.0.0.0/8', { ip: '10.1.2.3' })).toBe(true)
    expect(test('ip|cidr', '10.0.0.0/8', { ip: '11.1.2.3' })).toBe(false)
    expect(test('ip|cidr', '251.234.0.0/16', { ip: '251.234.045.249' })).toBe(true)
    expect(test('ip|cidr', '2001:db8::/32', { ip: '2001:db8::1' })).toBe(true)
    expect(test('ip|cidr', '::ffff:0:0/96', { ip: '::ffff:1.2.3.4' })).toBe(true)
    expect(test('ip|cidr', '10.0.0.0/8', { ip: 'AWS Internal' })).toBe(false)
  })
  it('numeric comparisons, fieldref, base64, base64offset and windash', () => {
    expect(test('n|gt', 5, { n: 6 })).toBe(true)
    expect(test('n|lte', 5, { n: '6' })).toBe(false)
    expect(test('userIdentity.userName|fieldref', 'requestParameters.userName', { userIdentity: { userName: 'Bob' }, requestParameters: { userName: 'bob' } })).toBe(true)
    expect(test('data|base64|contains', 'secret', { data: `xx${Buffer.from('secret').toString('base64')}yy` })).toBe(true)
    for (const prefix of ['', 'a', 'ab']) {
      expect(test('data|base64offset|contains', 'secret', { data: Buffer.from(`${prefix}secret!`).toString('base64') })).toBe(true)
    }
    expect(test('cmd|windash|contains', '-enc', { cmd: 'powershell /enc x' })).toBe(true)
  })
  it('|re is case-sensitive unless |i, and sees at most MAX_RE_SUBJECT characters', () => {
    expect(test('a|re', '^abc$', { a: 'ABC' })).toBe(false)
    expect(test('a|re|i', '^abc$', { a: 'ABC' })).toBe(true)
    expect(test('a|re', 'z', { a: `${'x'.repeat(MAX_RE_SUBJECT)}z` })).toBe(false)
  })
  it('refuses regular expressions that backtrack catastrophically, and unknown modifiers', () => {
    expect(compileLeaf('a|re', '(a+)+$')).toMatch(/catastrophic backtracking/)
    expect(compileLeaf('a|re', '(a|aa)*b')).toMatch(/catastrophic backtracking/)
    expect(compileLeaf('a|wide|base64', 'x')).toMatch(/not supported/)
  })
  it('matches wildcards on hostile values without exponential backtracking', () => {
    const glob = parseGlob('*a*a*a*a*a*a*a*b')
    expect(globMatch(glob, 'a'.repeat(20_000))).toBe(false)
  })
})

describe('conditions', () => {
  const rule = (condition: string, detection = 'sel_a: {a: 1}\n  sel_b: {b: 2}\n  filter: {c: 3}'): string => `title: t
id: t
logsource: {product: aws, service: cloudtrail}
detection:
  ${detection}
  condition: ${condition}`
  it('accepts and/or/not, parentheses, 1 of / all of / them and patterns', () => {
    for (const c of ['sel_a and not filter', '(sel_a or sel_b) and not filter', '1 of sel_*', 'all of sel_* and not filter', '1 of them', 'all of them']) {
      expect(compileRuleSet([{ text: rule(c), source: 'x' }]).unsupported).toEqual([])
    }
  })
  it('refuses Sigma v1 aggregations, near, unknown selections and other log sources with a reason', () => {
    const reasons = ['sel_a | count() by x > 5', 'sel_a | near sel_b', 'sel_c', 'sel_a and'].map((c) => compileRuleSet([{ text: rule(c), source: 'x' }]).unsupported[0]?.reason)
    expect(reasons[0]).toMatch(/aggregation/)
    expect(reasons[1]).toMatch(/near/)
    expect(reasons[2]).toMatch(/unknown selection "sel_c"/)
    expect(reasons[3]).toMatch(/ends early/)
    const windows = compileRuleSet([{ text: rule('sel_a').replace('service: cloudtrail', 'service: security'), source: 'x' }])
    expect(windows.unsupported[0].reason).toMatch(/not aws\/cloudtrail/)
    expect(compileRuleSet([{ text: 'title: [unclosed', source: 'bad.yml' }]).unsupported[0].reason).toMatch(/YAML does not parse/)
  })
})

describe('byte prefilters never hide a match', () => {
  const rule = (detection: string): string => `title: t
id: t
logsource: {product: aws, service: cloudtrail}
detection:
${detection}
  condition: selection`
  async function hits(detection: string, events: Record<string, unknown>[]): Promise<number[]> {
    const { DetectionSession } = await import('../../main/detect/detect-session')
    const { storeOfEvents } = await import('./helpers/make-store')
    const session = new DetectionSession([{ text: rule(detection), source: 'x' }], { workers: 0 })
    const store = storeOfEvents(events)
    await session.update(store)
    return session.matches.map((m) => m.id)
  }
  const base = { eventName: 'GetObject', eventSource: 's3.amazonaws.com' }
  it('finds values written with escapes or characters whose lowercase is ASCII', async () => {
    const events = [
      { ...base, userAgent: '\u212Aali Linux' },
      { ...base, userAgent: 'x\u0130' },
      { ...base, userAgent: 'parrot "quoted"' },
      { ...base, userAgent: 'nothing here' },
    ]
    expect(await hits('  selection:\n    userAgent|contains: kali', events)).toEqual([0])
    expect(await hits('  selection:\n    userAgent|contains: parrot', events)).toEqual([2])
  })
  it('matches numbers however they are written, and regular expressions by their literal part', async () => {
    const events = [{ ...base, requestParameters: { size: 1e3 } }, { ...base, userIdentity: { arn: 'arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1' } }]
    const texts = ['{"eventName":"GetObject","requestParameters":{"size":1e3}}', JSON.stringify(events[1])]
    const { DetectionSession } = await import('../../main/detect/detect-session')
    const { storeOfEvents } = await import('./helpers/make-store')
    const store = storeOfEvents(texts)
    for (const [detection, expected] of [['  selection:\n    requestParameters.size: 1000', [0]], ['  selection:\n    userIdentity.arn|re: ".+:assumed-role/aws:.+"', [1]]] as const) {
      const session = new DetectionSession([{ text: rule(detection), source: 'x' }], { workers: 0 })
      await session.update(store)
      expect(session.matches.map((m) => m.id)).toEqual(expected)
    }
  })
})
