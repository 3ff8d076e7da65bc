// The matcher remembers the candidate rules per (eventName, eventSource, errorCode,
// userIdentity.type) seen; those values come from the logs, so a crafted trail with a made-up
// eventName per event must not grow that cache without bound, and the matches stay right.

import { describe, expect, it } from 'vitest'
import { builtinRuleTexts } from '../../main/detect/builtin-rules'
import { EventMatcher, MAX_CANDIDATE_SETS } from '../../main/detect/event-matcher'
import { MatchList } from '../../main/detect/match-list'
import { compileRuleSet } from '../../main/detect/rule-set'
import { storeOfEvents } from './helpers/make-store'

const event = (i: number, name: string, source: string): string =>
  JSON.stringify({ eventTime: '2024-08-01T12:00:00Z', eventSource: source, eventName: name, userIdentity: { type: 'IAMUser', userName: `u${i}` }, eventID: `e-${i}`, recipientAccountId: '1' })

describe('EventMatcher candidate cache', () => {
  it(`keeps at most MAX_CANDIDATE_SETS (${MAX_CANDIDATE_SETS}) sets over a trail of made-up eventNames, and still finds every StopLogging`, () => {
    const total = MAX_CANDIDATE_SETS + 20_000
    // Every 1000th event is a real StopLogging, the others each a distinct invented eventName.
    const texts = Array.from({ length: total }, (_, i) => (i % 1000 === 0 ? event(i, 'StopLogging', 'cloudtrail.amazonaws.com') : event(i, `Made${i}Up`, 'ec2.amazonaws.com')))
    const store = storeOfEvents(texts, 10_000)
    const set = compileRuleSet(builtinRuleTexts())
    const matcher = new EventMatcher(set)
    const found = new MatchList()
    matcher.match(store, 0, store.size, found)
    expect(matcher.candidateSetCount).toBeGreaterThan(0)
    expect(matcher.candidateSetCount).toBeLessThanOrEqual(MAX_CANDIDATE_SETS)
    // Exactly the StopLogging events match, those seen after the cache started again included.
    const ids = new Set<number>()
    for (let k = 0; k < found.length; k++) ids.add(found.id(k))
    const expected = Array.from({ length: total / 1000 }, (_, j) => j * 1000)
    expect([...ids].sort((a, b) => a - b)).toEqual(expected)
  })
})
