// The query fields origin:, chain: and session: on generated chains: each result equals the
// events expected by construction, whatever the load order, and a later issuing event changes
// earlier answers (no stale cache).

import { describe, expect, it } from 'vitest'
import { evaluate } from '../../main/query/evaluate'
import { batchOfTexts, storeOfEvents } from './helpers/make-store'
import { assumeRole, call, iamUser, roleSession } from './helpers/identity-gen'

const A = '111111111111'
const B = '210987654321'

function events(): Record<string, unknown>[] {
  const alice = iamUser('alice', A, 'AKIAALICE00000000001')
  const carol = iamUser('carol', A, 'AKIACAROL00000000002')
  const admin = roleSession('Admin', 'ops', A, 'ASIAADMIN00000000001')
  const deploy = roleSession('Deploy', 'ops', B, 'ASIADEPLOY0000000002')
  const carolAdmin = roleSession('Admin', 'ops', A, 'ASIAADMIN00000000003')
  return [
    call(deploy, { time: '2024-03-05T10:07:00Z', recipient: B }), // 0: alice ▸ Admin ▸ Deploy
    assumeRole(alice, `arn:aws:iam::${A}:role/Admin`, 'ops', 'ASIAADMIN00000000001', { time: '2024-03-05T10:02:00Z' }), // 1: alice
    assumeRole(admin, `arn:aws:iam::${B}:role/Deploy`, 'ops', 'ASIADEPLOY0000000002', { time: '2024-03-05T10:05:00Z' }), // 2: alice ▸ Admin
    assumeRole(carol, `arn:aws:iam::${A}:role/Admin`, 'ops', 'ASIAADMIN00000000003', { time: '2024-03-05T10:03:00Z' }), // 3: carol
    call(carolAdmin, { time: '2024-03-05T10:04:00Z' }), // 4: carol ▸ Admin (same session name as alice's)
    call(roleSession('Other', 'x', A, 'ASIAOTHER00000000009'), { time: '2024-03-05T10:04:00Z' }), // 5: issued before the range
  ]
}

const ids = (store: ReturnType<typeof storeOfEvents>, query: string): number[] => [...evaluate(store, query).ids]

describe('origin:, chain:, session:', () => {
  it('origin: is the first principal of the chain, by name or ARN', () => {
    const store = storeOfEvents(events())
    expect(ids(store, 'origin:alice')).toEqual([0, 1, 2])
    expect(ids(store, `origin:"arn:aws:iam::${A}:user/carol"`)).toEqual([3, 4])
    expect(ids(store, 'origin:x')).toEqual([5])
    expect(ids(store, 'origin:* and not origin:alice and not origin:carol')).toEqual([5])
  })

  it('chain: is any principal or key along the chain', () => {
    const store = storeOfEvents(events())
    expect(ids(store, 'chain:Admin')).toEqual([0, 2, 4])
    expect(ids(store, 'chain:AKIAALICE00000000001')).toEqual([0, 1, 2])
    expect(ids(store, 'chain:Deploy')).toEqual([0])
  })

  it("session: is exact: one hop's key and what it issued, never another session of the same name", () => {
    const store = storeOfEvents(events())
    expect(ids(store, 'session:ASIAADMIN00000000001')).toEqual([0, 2])
    expect(ids(store, 'session:ASIAADMIN00000000003')).toEqual([4])
    expect(ids(store, 'session:ASIADEPLOY*')).toEqual([0])
  })

  it('answers change when the issuing event arrives later in the load', () => {
    const all = events()
    const store = storeOfEvents([all[0]])
    expect(ids(store, 'origin:alice')).toEqual([])
    store.addBatch(batchOfTexts(all.slice(1).map((e) => JSON.stringify(e))), store.addFile('more.json'))
    expect(ids(store, 'origin:alice')).toEqual([0, 1, 2])
  })
})
