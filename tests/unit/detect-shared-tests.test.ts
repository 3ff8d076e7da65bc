// Rules share their identical field tests (compile-rule.ts: one Leaf per field spec and values in
// a rule set) and the matcher works each out once per event (event-matcher.ts): the tests that
// must not be taken for one another (values JSON writes alike, a YAML date) stay apart, and
// every rule's hits still equal the naive evaluator's, in this thread and in workers, including
// where one event's answer differs from the next one's.

import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { compileRuleSet } from '../../main/detect/rule-set'
import { DetectionSession } from '../../main/detect/detect-session'
import type { DetectionRule } from '../../main/detect/compile-rule'
import { naiveMatches } from './helpers/naive-sigma'
import { storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>

const rule = (title: string, selection: string, condition = 'selection'): string => `title: ${title}
id: ${title}
logsource: {product: aws, service: cloudtrail}
detection:
  selection:
${selection}
  condition: ${condition}
`

const RULES = [
  // The same two tests in three rules, one of them negated.
  rule('agent-a', "    eventName: GetObject\n    userAgent|contains: 'kali'"),
  rule('agent-b', "    userAgent|contains: 'kali'"),
  rule('agent-not', "    userAgent|contains: 'kali'", 'not selection'),
  rule('no-error', '    errorCode|exists: false'),
  rule('no-error-get', '    eventName: GetObject\n    errorCode|exists: false'),
  // Values JSON writes alike, or that YAML reads as other than text: never one test.
  rule('code-null', '    errorCode: null'),
  rule('code-nan', '    errorCode: .nan'),
  rule('code-number', '    errorCode: 5'),
  rule('code-text-5', "    errorCode: '5'"),
  rule('date-text', "    eventTime: '2024-08-01'"),
  rule('date-yaml', '    eventTime: 2024-08-01'),
]

const base = { eventVersion: '1.09', eventTime: '2024-08-01', eventSource: 's3.amazonaws.com', recipientAccountId: '1' }
const EVENTS: Json[] = [
  { ...base, eventID: 'a', eventName: 'GetObject', userAgent: 'Kali Linux' },
  { ...base, eventID: 'b', eventName: 'GetObject', userAgent: 'aws-cli' },
  { ...base, eventID: 'c', eventName: 'PutObject', userAgent: 'kali', errorCode: 'AccessDenied' },
  { ...base, eventID: 'd', eventName: 'GetObject', errorCode: 5 },
  { ...base, eventID: 'e', eventName: 'GetObject', errorCode: 'NaN', userAgent: 'KALI' },
  { ...base, eventID: 'f', eventName: 'GetObject', errorCode: null },
  { ...base, eventID: 'g', eventName: 'ListBuckets', errorCode: '5', userAgent: ['x', 'kali'] },
]

describe('field tests shared between rules', () => {
  const set = compileRuleSet(RULES.map((text, i) => ({ text, source: `rule-${i}.yml` })))
  const byTitle = new Map(set.rules.map((r) => [r.meta.title, r as DetectionRule]))
  const leafOf = (title: string, spec: string) => byTitle.get(title)!.leaves.find((l) => l.spec === spec)

  it('compiles a test once per rule set, and keeps apart what only looks the same', () => {
    expect(set.unsupported.map((u) => u.meta.title)).toEqual(['date-yaml'])
    expect(leafOf('agent-a', 'userAgent|contains')).toBe(leafOf('agent-b', 'userAgent|contains'))
    expect(leafOf('agent-a', 'userAgent|contains')).toBe(leafOf('agent-not', 'userAgent|contains'))
    expect(leafOf('no-error', 'errorCode|exists')).toBe(leafOf('no-error-get', 'errorCode|exists'))
    const codes = ['code-null', 'code-nan', 'code-number', 'code-text-5'].map((t) => leafOf(t, 'errorCode'))
    expect(new Set(codes).size).toBe(4)
  })

  it.each([0, 2])("gives each rule the naive evaluator's hits (%i workers)", async (workers) => {
    const store = storeOfEvents(EVENTS)
    const session = new DetectionSession(RULES.map((text, i) => ({ text, source: `rule-${i}.yml` })), { workers })
    try {
      await session.update(store)
      const got = new Map<string, number[]>()
      for (const hit of session.matches) {
        const title = session.set.rules[hit.rule].meta.title
        got.set(title, [...(got.get(title) ?? []), hit.id])
      }
      for (const text of RULES) {
        const doc = load(text) as Json
        if (doc.title === 'date-yaml') continue
        const expected = EVENTS.map((e, id) => (naiveMatches(doc, JSON.parse(store.text(id)) as Json) ? id : -1)).filter((id) => id >= 0)
        expect(got.get(String(doc.title)) ?? [], String(doc.title)).toEqual(expected)
      }
      // Each test's answer is worked out per event: the shared userAgent test differs event to event.
      expect(got.get('agent-b')).toEqual([0, 2, 4, 6])
      expect(got.get('agent-not')).toEqual([1, 3, 5])
    } finally {
      await session.close()
      store.clear()
    }
  }, 60_000)
})
