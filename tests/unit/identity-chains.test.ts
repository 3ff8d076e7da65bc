// Credential chains on generated events shaped as CloudTrail writes them: three hops across two
// accounts, a key issued before the loaded range, a SAML user, an instance profile, a reused
// session name with different keys, a key used before its issuing event, a loop, masked keys.

import { describe, expect, it } from 'vitest'
import { chainOfEvent } from '../../main/identity/chain-resolve'
import { identityIndexOf } from '../../main/identity/identity-index'
import type { EventStore } from '../../main/store/event-store'
import { batchOfTexts, storeOfEvents } from './helpers/make-store'
import { assumeRole, assumeRoleWithSaml, call, iamUser, roleSession, serviceAssumesRole } from './helpers/identity-gen'

const A = '111111111111'
const B = '210987654321'
const ALICE_KEY = 'AKIAALICE00000000001'
const ADMIN_KEY = 'ASIAADMIN00000000001'
const DEPLOY_KEY = 'ASIADEPLOY0000000002'

function threeHops(): Record<string, unknown>[] {
  const alice = iamUser('alice', A, ALICE_KEY)
  const admin = roleSession('Admin', 'alice-admin', A, ADMIN_KEY)
  const deploy = roleSession('Deploy', 'alice-deploy', B, DEPLOY_KEY)
  const hop2 = assumeRole(admin, `arn:aws:iam::${B}:role/Deploy`, 'alice-deploy', DEPLOY_KEY, { time: '2024-03-05T10:05:00Z', ip: '198.51.100.7', recipient: A })
  return [
    // The S3 call first: events are not in time order in a load.
    call(deploy, { time: '2024-03-05T10:07:30Z', ip: '198.51.100.7', recipient: B }),
    assumeRole(alice, `arn:aws:iam::${A}:role/Admin`, 'alice-admin', ADMIN_KEY, { time: '2024-03-05T10:02:00Z', ip: '203.0.113.10' }),
    hop2,
    // Cross-account AssumeRole is recorded in the role's account too, same response.
    { ...hop2, recipientAccountId: B },
    call(admin, { time: '2024-03-05T10:03:00Z', name: 'ListBuckets' }),
  ]
}

const chainOf = (store: EventStore, id: number) => chainOfEvent(identityIndexOf(store), id)

describe('credential chains', () => {
  it('follows three hops across two accounts back to the IAM user, each hop linked to its issuing event', () => {
    const store = storeOfEvents(threeHops())
    const { hops, truncated } = chainOf(store, 0)
    expect(truncated).toBe(false)
    expect(hops.map((h) => [h.kind, h.name, h.accessKey, h.origin])).toEqual([
      ['iamUser', 'alice', ALICE_KEY, 'longTerm'],
      ['roleSession', 'alice-admin', ADMIN_KEY, 'issued'],
      ['roleSession', 'alice-deploy', DEPLOY_KEY, 'issued'],
    ])
    expect(hops[1].issuedBy).toMatchObject({ eventId: 1, eventName: 'AssumeRole', sourceIp: '203.0.113.10', account: A, time: Date.parse('2024-03-05T10:02:00Z') })
    // The issuing event of the cross-account hop is the caller's account's record (the earliest read of two).
    expect(hops[2].issuedBy).toMatchObject({ eventId: 2, account: A })
    expect(hops[2]).toMatchObject({ role: 'Deploy', account: B, events: 1, sourceIps: ['198.51.100.7'] })
    expect(hops[1]).toMatchObject({ role: 'Admin', account: A, events: 3 })
  })

  it('gives the same chain whichever of the two cross-account records loads first', () => {
    const events = threeHops()
    const swapped = [events[0], events[1], events[3], events[2], events[4]]
    const hops = chainOf(storeOfEvents(swapped), 0).hops
    expect(hops.map((h) => h.name)).toEqual(['alice', 'alice-admin', 'alice-deploy'])
    expect(hops[2].issuedBy?.account).toBe(B)
  })

  it('reads an issuing response whose keys are written with escapes (as JSON allows)', () => {
    const alice = iamUser('alice', A, ALICE_KEY)
    const issuing = JSON.stringify(assumeRole(alice, `arn:aws:iam::${A}:role/Admin`, 's', ADMIN_KEY, { time: '2024-03-05T10:00:00Z' })).replace('"credentials"', '"cr\\u0065dentials"')
    const store = storeOfEvents([issuing, call(roleSession('Admin', 's', A, ADMIN_KEY), { time: '2024-03-05T10:01:00Z' })])
    expect(chainOf(store, 1).hops.map((h) => h.name)).toEqual(['alice', 's'])
  })

  it('says a temporary key was issued before the loaded range, and does not guess who', () => {
    const store = storeOfEvents([call(roleSession('Ops', 'night-shift', A, 'ASIAOLD0000000000009'), { time: '2024-03-05T10:00:00Z' })])
    const { hops } = chainOf(store, 0)
    expect(hops).toHaveLength(1)
    expect(hops[0]).toMatchObject({ kind: 'roleSession', role: 'Ops', name: 'night-shift', origin: 'beforeRange', issuedBy: null })
  })

  it('starts a SAML federation chain at the SAML user named in the response', () => {
    const provider = `arn:aws:iam::${A}:saml-provider/Okta`
    const store = storeOfEvents([
      assumeRoleWithSaml('bob@example.com', provider, `arn:aws:iam::${A}:role/Analyst`, 'ASIASAML000000000003', { time: '2024-03-05T09:00:00Z' }),
      call(roleSession('Analyst', 'bob@example.com', A, 'ASIASAML000000000003'), { time: '2024-03-05T09:01:00Z' }),
    ])
    const { hops } = chainOf(store, 1)
    expect(hops.map((h) => [h.kind, h.name, h.origin])).toEqual([
      ['samlUser', 'bob@example.com', 'issued'],
      ['roleSession', 'bob@example.com', 'issued'],
    ])
    expect(hops[0].arn).toBe(provider)
    expect(hops[1].issuedBy?.eventName).toBe('AssumeRoleWithSAML')
  })

  it('attributes instance-profile credentials to EC2 and the instance, issued in range or not', () => {
    const instance = 'i-0123456789abcdef0'
    const role = `arn:aws:iam::${A}:role/WebServer`
    const store = storeOfEvents([
      serviceAssumesRole('ec2.amazonaws.com', role, instance, 'ASIAEC2INRANGE000004', { time: '2024-03-05T08:00:00Z' }),
      call(roleSession('WebServer', instance, A, 'ASIAEC2INRANGE000004', { sessionContext: { ec2RoleDelivery: '2.0' } }), { time: '2024-03-05T08:10:00Z' }),
      call(roleSession('WebServer', instance, A, 'ASIAEC2OLDKEY0000005', { sessionContext: { ec2RoleDelivery: '2.0' } }), { time: '2024-03-05T08:20:00Z' }),
    ])
    const linked = chainOf(store, 1).hops
    expect(linked.map((h) => [h.kind, h.name, h.origin])).toEqual([
      ['awsService', 'ec2.amazonaws.com', 'awsService'],
      ['roleSession', instance, 'issued'],
    ])
    expect(linked[0].instanceId).toBe(instance)
    const unlinked = chainOf(store, 2).hops
    expect(unlinked.map((h) => [h.kind, h.name, h.origin])).toEqual([
      ['awsService', 'ec2.amazonaws.com', 'awsService'],
      ['roleSession', instance, 'awsService'],
    ])
    expect(unlinked[0].instanceId).toBe(instance)
  })

  it('keeps two sessions with the same name apart by their keys', () => {
    const role = `arn:aws:iam::${A}:role/Deploy`
    const store = storeOfEvents([
      assumeRole(iamUser('alice', A, ALICE_KEY), role, 'deploy', 'ASIAREUSED0000000001', { time: '2024-03-05T10:00:00Z' }),
      assumeRole(iamUser('carol', A, 'AKIACAROL00000000002'), role, 'deploy', 'ASIAREUSED0000000002', { time: '2024-03-05T10:01:00Z' }),
      call(roleSession('Deploy', 'deploy', A, 'ASIAREUSED0000000002'), { time: '2024-03-05T10:02:00Z' }),
      call(roleSession('Deploy', 'deploy', A, 'ASIAREUSED0000000001'), { time: '2024-03-05T10:03:00Z' }),
    ])
    expect(chainOf(store, 2).hops[0].name).toBe('carol')
    expect(chainOf(store, 3).hops[0].name).toBe('alice')
  })

  it('does not link a key to an issuing event later than its first use', () => {
    const store = storeOfEvents([
      call(roleSession('Admin', 's', A, 'ASIATIME000000000001'), { time: '2024-03-05T09:00:00Z' }),
      assumeRole(iamUser('alice', A, ALICE_KEY), `arn:aws:iam::${A}:role/Admin`, 's', 'ASIATIME000000000001', { time: '2024-03-05T10:00:00Z' }),
    ])
    const { hops } = chainOf(store, 0)
    expect(hops).toHaveLength(1)
    expect(hops[0].origin).toBe('issuedAfterUse')
  })

  it('cannot loop: two keys that claim to have issued each other end the chain', () => {
    const k1 = 'ASIALOOP000000000001'
    const k2 = 'ASIALOOP000000000002'
    const t = '2024-03-05T10:00:00Z'
    const store = storeOfEvents([
      assumeRole(roleSession('R', 'a', A, k1), `arn:aws:iam::${A}:role/R`, 'b', k2, { time: t }),
      assumeRole(roleSession('R', 'b', A, k2), `arn:aws:iam::${A}:role/R`, 'a', k1, { time: t }),
    ])
    const { hops, truncated } = chainOf(store, 0)
    expect(truncated).toBe(true)
    expect(hops.length).toBe(2)
  })

  it('links nothing through masked keys (AKIA**** in published examples)', () => {
    const masked = 'AKIA****************'
    const store = storeOfEvents([
      assumeRole(iamUser('x', A, masked), `arn:aws:iam::${A}:role/R`, 's', masked, { time: '2024-03-05T10:00:00Z' }),
      call(roleSession('R', 'other', A, masked), { time: '2024-03-05T10:01:00Z' }),
    ])
    const { hops } = chainOf(store, 1)
    expect(hops).toHaveLength(1)
    expect(hops[0]).toMatchObject({ name: 'other', origin: 'masked' })
  })

  it('names the Identity Center user behind an AWSReservedSSO session', () => {
    const role = 'aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_2276cacebc31d3eb'
    const store = storeOfEvents([call(roleSession(role, 'dana@example.com', A, 'ASIASSO0000000000001'), { time: '2024-03-05T10:00:00Z' })])
    const { hops } = chainOf(store, 0)
    expect(hops.map((h) => [h.kind, h.name, h.origin])).toEqual([
      ['identityCenterUser', 'dana@example.com', 'identityCenter'],
      ['roleSession', 'dana@example.com', 'identityCenter'],
    ])
  })

  it('carries sourceIdentity along a role chain and marks console sessions', () => {
    const store = storeOfEvents([
      assumeRole(iamUser('alice', A, ALICE_KEY), `arn:aws:iam::${A}:role/Admin`, 's', ADMIN_KEY, { time: '2024-03-05T10:00:00Z', sourceIdentity: 'alice@corp' }),
      call(roleSession('Admin', 's', A, ADMIN_KEY, { sessionContext: { sourceIdentity: 'alice@corp' } }), { time: '2024-03-05T10:01:00Z' }),
      call({ ...iamUser('erin', A, 'ASIACONSOLE000000001'), sessionCredentialFromConsole: 'true' }, { time: '2024-03-05T10:02:00Z' }),
    ])
    expect(chainOf(store, 1).hops[1].sourceIdentity).toBe('alice@corp')
    expect(chainOf(store, 2).hops).toMatchObject([{ kind: 'iamUser', name: 'erin', console: true, origin: 'console' }])
  })

  it('extends the table as events arrive and starts over after a clear', () => {
    const events = threeHops()
    const store = storeOfEvents([events[0]])
    expect(chainOf(store, 0).hops.map((h) => h.origin)).toEqual(['beforeRange'])
    store.addBatch(batchOfTexts(events.slice(1).map((e) => JSON.stringify(e))), store.addFile('more.json'))
    expect(chainOf(store, 0).hops.map((h) => h.name)).toEqual(['alice', 'alice-admin', 'alice-deploy'])
    store.clear()
    expect(identityIndexOf(store).issues.size).toBe(0)
  })

  it('unlinks a key when an earlier use of it arrives after its issuing event', () => {
    const key = 'ASIALATE000000000001'
    const store = storeOfEvents([
      assumeRole(iamUser('alice', A, ALICE_KEY), `arn:aws:iam::${A}:role/Admin`, 's', key, { time: '2024-03-05T10:00:00Z' }),
      call(roleSession('Admin', 's', A, key), { time: '2024-03-05T10:05:00Z' }),
    ])
    expect(chainOf(store, 1).hops.map((h) => h.name)).toEqual(['alice', 's'])
    store.addBatch(batchOfTexts([JSON.stringify(call(roleSession('Admin', 's', A, key), { time: '2024-03-05T09:00:00Z' }))]), store.addFile('earlier.json'))
    expect(chainOf(store, 1).hops.map((h) => h.origin)).toEqual(['issuedAfterUse'])
  })

  it('unlinks a key whose issuing event loaded before any use of it, when an earlier use arrives later', () => {
    // Three follows: the issue alone (its key in no column yet), a use, then an earlier use.
    const key = 'ASIAFIRST00000000001'
    const store = storeOfEvents([assumeRole(iamUser('alice', A, ALICE_KEY), `arn:aws:iam::${A}:role/Admin`, 's', key, { time: '2024-03-05T10:00:00Z' })])
    expect(identityIndexOf(store).issues.has(key)).toBe(true)
    store.addBatch(batchOfTexts([JSON.stringify(call(roleSession('Admin', 's', A, key), { time: '2024-03-05T10:05:00Z' }))]), store.addFile('use.json'))
    expect(chainOf(store, 1).hops.map((h) => h.name)).toEqual(['alice', 's'])
    store.addBatch(batchOfTexts([JSON.stringify(call(roleSession('Admin', 's', A, key), { time: '2024-03-05T09:00:00Z' }))]), store.addFile('earlier.json'))
    expect(chainOf(store, 1).hops.map((h) => h.origin)).toEqual(['issuedAfterUse'])
  })

  it('unlinks a key used before its issuing event loaded, when an earlier use arrives after both', () => {
    // Three follows: a use (its key not known as issued), the issue, then an earlier use.
    const key = 'ASIAUSEDFIRST0000001'
    const store = storeOfEvents([call(roleSession('Admin', 's', A, key), { time: '2024-03-05T10:05:00Z' })])
    expect(chainOf(store, 0).hops.map((h) => h.origin)).toEqual(['beforeRange'])
    store.addBatch(batchOfTexts([JSON.stringify(assumeRole(iamUser('alice', A, ALICE_KEY), `arn:aws:iam::${A}:role/Admin`, 's', key, { time: '2024-03-05T10:00:00Z' }))]), store.addFile('issue.json'))
    expect(chainOf(store, 0).hops.map((h) => h.name)).toEqual(['alice', 's'])
    store.addBatch(batchOfTexts([JSON.stringify(call(roleSession('Admin', 's', A, key), { time: '2024-03-05T09:00:00Z' }))]), store.addFile('earlier.json'))
    expect(chainOf(store, 0).hops.map((h) => h.origin)).toEqual(['issuedAfterUse'])
  })

  it('keeps resolved chains over events that neither issue nor use an issued key, and counts their use', () => {
    const store = storeOfEvents(threeHops())
    const alice = iamUser('alice', A, ALICE_KEY)
    store.addBatch(batchOfTexts([JSON.stringify(call(alice, { time: '2024-03-05T11:00:00Z' }))]), store.addFile('alice-1.json'))
    const index = identityIndexOf(store)
    const revision = index.revision
    expect(chainOf(store, 5).hops[0]).toMatchObject({ name: 'alice', events: 2 })
    store.addBatch(batchOfTexts([JSON.stringify(call(alice, { time: '2024-03-05T11:01:00Z' }))]), store.addFile('alice-2.json'))
    expect(chainOf(store, 6).hops[0]).toMatchObject({ name: 'alice', events: 3 })
    expect(identityIndexOf(store).revision).toBe(revision)
    store.addBatch(batchOfTexts([JSON.stringify(call(roleSession('Admin', 'alice-admin', A, ADMIN_KEY), { time: '2024-03-05T11:02:00Z' }))]), store.addFile('admin.json'))
    expect(identityIndexOf(store).revision).toBeGreaterThan(revision)
  })
})
