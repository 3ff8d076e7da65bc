// Credential chains on real trails (../shared/data, see its README): invictus holds IAM users
// assuming roles and AWS services assuming service-linked roles, traildiscover has masked keys
// and Identity Center sessions. Each chain is checked against a plain computation over the
// parsed events written here without the module's code.

import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { chainOfEvent } from '../../main/identity/chain-resolve'
import { identityIndexOf } from '../../main/identity/identity-index'
import { SHARED_DATA, readSharedEvents, storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>
const obj = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

// Worktrees sit one folder deeper than the repository's usual place beside shared/.
const dataRoot = [process.env.ASHIATO_SHARED_DATA ?? '', SHARED_DATA, path.resolve(SHARED_DATA, '../../shared/data')].find((dir) => dir && existsSync(dir)) ?? ''
const present = dataRoot !== '' && existsSync(path.join(dataRoot, 'invictus'))
const title = present ? 'credential chains on real CloudTrail data' : 'credential chains on real CloudTrail data: skipped, ../shared/data is absent (not part of this repository)'

function events(folder: string): Json[] {
  return readSharedEvents(path.relative(SHARED_DATA, path.join(dataRoot, folder)))
}

/** Issued key -> the earliest successful issuing event's index (a reference independent of main/identity). */
function issuedBy(list: Json[]): Map<string, number> {
  const map = new Map<string, number>()
  list.forEach((event, i) => {
    if (event.errorCode) return
    const key = text(obj(obj(event.responseElements).credentials).accessKeyId)
    if (!/^[A-Z0-9]{16,128}$/.test(key)) return
    const known = map.get(key)
    if (known === undefined || Date.parse(text(event.eventTime)) < Date.parse(text(list[known].eventTime))) map.set(key, i)
  })
  return map
}

describe.skipIf(!present)(title, () => {
  it('invictus: every use of an issued key chains back through its issuing events, oldest first', () => {
    const store = storeOfEvents(events('invictus'))
    // As stored: exact duplicates are dropped, so ids follow the stored events.
    const list = Array.from({ length: store.size }, (_, id) => store.parsed(id))
    const index = identityIndexOf(store)
    const issued = issuedBy(list)
    const firstUse = new Map<string, number>()
    for (const event of list) {
      const key = text(obj(event.userIdentity).accessKeyId)
      const t = Date.parse(text(event.eventTime))
      if (key && !(firstUse.get(key)! <= t)) firstUse.set(key, t)
    }
    let linked = 0
    let fromUsers = 0
    for (let id = 0; id < store.size; id++) {
      const event = list[id]
      const key = text(obj(event.userIdentity).accessKeyId)
      const chain = chainOfEvent(index, id)
      const keys = chain.hops.map((h) => h.accessKey).filter(Boolean)
      expect(new Set(keys).size).toBe(keys.length)
      const times = chain.hops.map((h) => h.issuedBy?.time).filter((t): t is number => typeof t === 'number')
      expect([...times].sort((a, b) => a - b)).toEqual(times)
      if (!key) continue
      const expected: string[] = []
      for (let k = key; ; ) {
        expected.unshift(k)
        const by = issued.get(k)
        if (by === undefined || Date.parse(text(list[by].eventTime)) > firstUse.get(k)!) break
        const caller = text(obj(list[by].userIdentity).accessKeyId)
        if (!/^[A-Z0-9]{16,128}$/.test(caller) || expected.includes(caller)) break
        k = caller
      }
      expect(keys).toEqual(expected)
      if (issued.has(key)) {
        linked++
        const last = chain.hops[chain.hops.length - 1]
        expect(last.issuedBy?.eventId).toBe(issued.get(key))
        if (chain.hops[0].kind === 'iamUser') fromUsers++
      }
    }
    // The README's AssumeRole chains: IAM users' role sessions and services' role sessions are used.
    expect(linked).toBeGreaterThan(50)
    expect(fromUsers).toBeGreaterThan(0)
  })

  it('invictus: roles assumed by AWS services start at the service', () => {
    const list = events('invictus')
    const store = storeOfEvents(list)
    const index = identityIndexOf(store)
    const services = new Set<string>()
    for (let id = 0; id < store.size; id++) {
      const { hops } = chainOfEvent(index, id)
      if (hops.length > 1 && hops[1].issuedBy && hops[0].kind === 'awsService') services.add(hops[0].name)
    }
    expect(services.size).toBeGreaterThan(0)
    for (const name of services) expect(name).toMatch(/\.amazonaws\.com$/)
  })

  it('traildiscover: masked keys link nothing; AWSReservedSSO sessions name their Identity Center user', () => {
    const store = storeOfEvents(events('traildiscover'))
    const list = Array.from({ length: store.size }, (_, id) => store.parsed(id))
    const index = identityIndexOf(store)
    let sso = 0
    for (let id = 0; id < store.size; id++) {
      const { hops } = chainOfEvent(index, id)
      const key = text(obj(list[id].userIdentity).accessKeyId)
      if (key.includes('*')) {
        expect(hops).toHaveLength(1)
        expect(hops[0].origin).toBe('masked')
      }
      const arn = text(obj(list[id].userIdentity).arn)
      if (arn.includes(':assumed-role/AWSReservedSSO_')) {
        sso++
        const last = hops[hops.length - 1]
        // The session name is the ARN's last part; an ARN without one (an edited example) leaves principalId's.
        const parts = arn.split(':assumed-role/')[1].split('/')
        const session = parts.length > 1 ? parts.pop() : text(obj(list[id].userIdentity).principalId).split(':').pop()
        expect(last.identityCenterUser).toBe(session)
        if (!key.includes('*')) expect(hops[0].kind).toBe('identityCenterUser')
      }
    }
    expect(sso).toBeGreaterThan(0)
  })
})
