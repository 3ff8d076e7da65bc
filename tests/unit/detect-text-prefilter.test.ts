// The matcher's text checks (event-text.ts: a key that never occurs is absent, a value none of
// whose needles occurs cannot match) rule events out without reading their fields: on events
// built so that the text does not say what the parsed event says, every hit must still equal the
// naive evaluator's (JSON.parse, then the rule's definition), in this thread and in workers.

import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { DetectionSession } from '../../main/detect/detect-session'
import { naiveMatches } from './helpers/naive-sigma'
import { storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>

const rule = (title: string, selection: string): string => `title: ${title}
id: ${title}
logsource: {product: aws, service: cloudtrail}
detection:
  selection:
${selection}
  condition: selection
`
const RULES = [
  // Read from the text where it can be, ruled out by `arn"` absent elsewhere.
  rule('arn-contains', "    eventName: GetObject\n    userIdentity.arn|contains: 'user/alice'"),
  // Case-sensitive needle holding a '/', which JSON may write as \\/.
  rule('assumed-aws', "    eventName: GetObject\n    userIdentity.arn|re: '.+:assumed-role/aws:.+'"),
  // Caseless needles (unpinned: every event is a candidate).
  rule('kali', "    userAgent|contains: ['kali', 'parrot']"),
  // Absence is a match: the key check must not say absent when the key hides behind an escape.
  rule('no-error-message', "    eventName: GetObject\n    errorMessage|exists: false"),
]

const base = { eventVersion: '1.09', eventTime: '2024-08-01T12:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', recipientAccountId: '1' }
/** Event texts (written by hand where the escapes matter), each with what it tests. */
const EVENTS: [string, string][] = [
  ['plain arn', JSON.stringify({ ...base, eventID: 'a', userIdentity: { arn: 'arn:aws:iam::1:user/alice' } })],
  ['arn under a dotted key (the walk reads "userIdentity.arn" as the path; its text has arn" but not "arn")', JSON.stringify({ ...base, eventID: 'b', 'userIdentity.arn': 'arn:aws:iam::1:user/alice' })],
  ['key spelt with an escape', `{"eventVersion":"1.09","eventTime":"2024-08-01T12:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","recipientAccountId":"1","eventID":"c","userIdentity":{"\\u0061rn":"arn:aws:iam::1:user/alice"}}`],
  ['value with escaped slashes', `{"eventVersion":"1.09","eventTime":"2024-08-01T12:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","recipientAccountId":"1","eventID":"d","userIdentity":{"arn":"arn:aws:sts::1:assumed-role\\/aws:ec2-instance\\/i-1"}}`],
  ['value with an escaped letter', `{"eventVersion":"1.09","eventTime":"2024-08-01T12:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","recipientAccountId":"1","eventID":"e","userIdentity":{"arn":"arn:aws:iam::1:user\\/\\u0061lice"},"userAgent":"p\\u0061rrot-os"}`],
  ['caseless needle in capitals', JSON.stringify({ ...base, eventID: 'f', userAgent: 'Mozilla (KALI Linux)' })],
  ['Kelvin sign, whose lowercase is k', JSON.stringify({ ...base, eventID: 'g', userAgent: '\u212Aali rolling' })],
  ['needle elsewhere than in the field', JSON.stringify({ ...base, eventID: 'h', userAgent: 'aws-cli', requestParameters: { key: 'kali.iso' } })],
  ['errorMessage behind an escaped key', `{"eventVersion":"1.09","eventTime":"2024-08-01T12:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","recipientAccountId":"1","eventID":"i","error\\u004dessage":"denied"}`],
  ['errorMessage under a dotted key elsewhere', JSON.stringify({ ...base, eventID: 'j', 'x.errorMessage': 'nested' })],
  ['nothing the rules look for', JSON.stringify({ ...base, eventID: 'k', userAgent: 'aws-sdk-go' })],
]

describe('text checks before reading fields', () => {
  const docs = RULES.map((text) => load(text) as Json)
  const events = EVENTS.map(([, text]) => JSON.parse(text) as Json)
  const expected = new Set<string>()
  docs.forEach((doc, r) => events.forEach((event, i) => {
    if (naiveMatches(doc, event)) expected.add(`${r}:${i}`)
  }))
  // The one place the two differ on purpose: the engine compares lowercased text (the Kelvin sign
  // lowercases to k), the naive evaluator a /i regular expression (which does not fold it). The
  // text check must agree with the engine's own test, so that hit is expected here too.
  const kelvin = `${docs.findIndex((d) => d.title === 'kali')}:${EVENTS.findIndex(([what]) => what.startsWith('Kelvin'))}`

  it('the events test what they say: the naive evaluator finds these hits', () => {
    const hitsOf = (title: string): string[] => EVENTS.filter((_, i) => expected.has(`${docs.findIndex((d) => d.title === title)}:${i}`)).map(([what]) => what)
    expect(hitsOf('arn-contains')).toEqual(['plain arn', EVENTS[1][0], 'key spelt with an escape', 'value with an escaped letter'])
    expect(hitsOf('assumed-aws')).toEqual(['value with escaped slashes'])
    expect(hitsOf('kali')).toEqual(['value with an escaped letter', 'caseless needle in capitals'])
    expect(hitsOf('no-error-message')).not.toContain('errorMessage behind an escaped key')
    expect(hitsOf('no-error-message')).toContain('errorMessage under a dotted key elsewhere')
  })

  for (const workers of [0, 1]) {
    it(`finds exactly those hits (${workers === 0 ? 'in this thread' : 'in a worker'})`, async () => {
      const store = storeOfEvents(EVENTS.map(([, text]) => text))
      const session = new DetectionSession(RULES.map((text, i) => ({ text, source: `rule-${i}.yml` })), { workers })
      try {
        await session.update(store)
        const found = new Set(session.matches.map((h) => `${h.rule}:${h.id}`))
        expect([...found].sort()).toEqual([...expected, kelvin].sort())
      } finally {
        await session.close()
        store.clear()
      }
    }, 60_000)
  }
})
