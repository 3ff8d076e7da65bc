// The realistic benchmark corpus holds credential chains as a real trail does: most role
// sessions' keys were issued by an AssumeRole made earlier by an IAM user or another role session
// (role chaining), with the session's role, name and principal ID in its request and response.
// Checked on the first account of the real generator's smallest corpus (scripts/bench/
// make-corpus.ts: a few thousand events over a whole day and all its regions) against a plain computation over the parsed events, then through main/identity.

import { describe, expect, it } from 'vitest'
import { chainOfEvent } from '../../main/identity/chain-resolve'
import { identityIndexOf } from '../../main/identity/identity-index'
import { corpusFiles, SHARED_DATA } from '../../scripts/bench/make-corpus'
import { loadRealShapes } from '../../scripts/bench/real-shapes'
import { storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>
const obj = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

const real = loadRealShapes(SHARED_DATA)
const title = real ? 'credential chains in the realistic corpus' : 'credential chains in the realistic corpus: skipped, ../shared/data is absent (not part of this repository)'

/** The first account's events of a 25,000-event realistic corpus (one or two per file: ~3,600 over 12 regions and 288 files each). */
function firstAccount(): Json[] {
  const events: Json[] = []
  let account = ''
  for (const file of corpusFiles('realistic', 25_000, real)) {
    if (account && file.account !== account) break
    account = file.account
    events.push(...(JSON.parse(file.json) as { Records: Json[] }).Records)
  }
  return events
}

describe.skipIf(!real)(title, () => {
  const events = real ? firstAccount() : []
  const issuing = new Map<string, number>()
  events.forEach((event, i) => {
    const key = text(obj(obj(event.responseElements).credentials).accessKeyId)
    if (event.eventName === 'AssumeRole' && key.startsWith('ASIA')) issuing.set(key, i)
  })
  const time = (i: number): number => Date.parse(text(events[i].eventTime))

  it('issues the keys later events sign with, each before its first use, naming the session exactly', () => {
    const used = new Set<string>()
    const sessions = new Set<string>()
    events.forEach((event, i) => {
      const identity = obj(event.userIdentity)
      const key = text(identity.accessKeyId)
      if (identity.type === 'AssumedRole') sessions.add(key)
      const at = issuing.get(key)
      if (at === undefined || at === i) return
      used.add(key)
      expect(time(i)).toBeGreaterThanOrEqual(time(at))
      const issued = events[at]
      const response = obj(issued.responseElements)
      expect(obj(response.assumedRoleUser)).toEqual({ assumedRoleId: identity.principalId, arn: identity.arn })
      expect(obj(issued.requestParameters)).toMatchObject({ roleArn: obj(obj(identity.sessionContext).sessionIssuer).arn, roleSessionName: text(identity.arn).split('/').pop() })
      expect(obj(obj(identity.sessionContext).attributes).creationDate).toBe(issued.eventTime)
    })
    // Most role sessions are linked; some stay unlinked (issued before the range, or by a service).
    expect(used.size).toBeGreaterThan(100)
    expect(used.size / sessions.size).toBeGreaterThan(0.5)
    expect(used.size / sessions.size).toBeLessThan(0.95)
  })

  it('holds role chaining: a role session assuming another role', () => {
    const callers = [...issuing.values()].map((i) => obj(events[i].userIdentity))
    expect(callers.filter((c) => c.type === 'IAMUser' && text(c.accessKeyId).startsWith('AKIA')).length).toBeGreaterThan(10)
    expect(callers.filter((c) => issuing.has(text(c.accessKeyId))).length).toBeGreaterThan(10)
  })

  it('resolves a session two hops from an IAM user back to that user through main/identity', () => {
    const store = storeOfEvents(events)
    const index = identityIndexOf(store)
    /** Issued key -> the hop chain by the plain computation, origin first. */
    const reference = (key: string): string[] => {
      const at = issuing.get(key)
      if (at === undefined) return [key]
      return [...reference(text(obj(events[at].userIdentity).accessKeyId)), key]
    }
    const id = events.findIndex((event, i) => {
      const key = text(obj(event.userIdentity).accessKeyId)
      return issuing.get(key) !== undefined && issuing.get(key) !== i && reference(key).length >= 3 && reference(key)[0].startsWith('AKIA')
    })
    expect(id).toBeGreaterThanOrEqual(0)
    const keys = reference(text(obj(events[id].userIdentity).accessKeyId))
    const { hops, truncated } = chainOfEvent(index, id)
    expect(truncated).toBe(false)
    expect(hops.map((h) => h.accessKey)).toEqual(keys)
    expect(hops[0]).toMatchObject({ kind: 'iamUser', origin: 'longTerm' })
    expect(hops.slice(1).map((h) => [h.kind, h.origin, h.issuedBy?.eventId])).toEqual(keys.slice(1).map((k) => ['roleSession', 'issued', issuing.get(k)]))
  })
})
