// Dossiers on generated events: counts, first uses, roles assumed and by whom, and each flag
// (new API, a key from several addresses, instance credentials elsewhere, an AccessDenied burst)
// both raised and not raised at its threshold.

import { describe, expect, it } from 'vitest'
import { dossierOf } from '../../main/identity/dossier'
import { identityIndexOf } from '../../main/identity/identity-index'
import { parsePrincipal, principalEvents } from '../../main/identity/principal-events'
import { storeOfEvents } from './helpers/make-store'
import { assumeRole, call, iamUser, roleSession } from './helpers/identity-gen'

const A = '111111111111'
const KEY = 'AKIAALICE00000000001'
const alice = iamUser('alice', A, KEY)
const at = (minutes: number): string => new Date(Date.parse('2024-03-05T10:00:00Z') + minutes * 60_000).toISOString().replace('.000Z', 'Z')

function aliceDay(denied: number, ips: string[]): Record<string, unknown>[] {
  const events = [
    call(alice, { time: at(0), name: 'ListBuckets', ip: ips[0], userAgent: 'aws-cli/2.15.0' }),
    call(alice, { time: at(1), name: 'GetObject', ip: ips[1 % ips.length], region: 'eu-west-1' }),
    assumeRole(alice, `arn:aws:iam::${A}:role/Admin`, 'alice', 'ASIAADMIN00000000001', { time: at(2), ip: ips[2 % ips.length] }),
    call(roleSession('Admin', 'alice', A, 'ASIAADMIN00000000001'), { time: at(3), name: 'PutObject' }),
  ]
  for (let i = 0; i < denied; i++) events.push(call(alice, { time: at(10 + i / 10), name: 'GetSecretValue', source: 'secretsmanager.amazonaws.com', error: 'AccessDenied' }))
  return events
}

describe('dossier', () => {
  it('reads user agents from at most the limit of events, and says how many', () => {
    const events = Array.from({ length: 10 }, (_, i) => call(alice, { time: at(i), userAgent: `agent-${i}` }))
    const store = storeOfEvents(events)
    const all = dossierOf(store, identityIndexOf(store), parsePrincipal('iamUser:alice'))
    expect(all.userAgentEvents).toBe(10)
    expect(all.userAgents).toHaveLength(10)
    const limited = dossierOf(store, identityIndexOf(store), parsePrincipal('iamUser:alice'), undefined, 3)
    expect(limited.events).toBe(10)
    expect(limited.userAgentEvents).toBe(3)
    expect(limited.userAgents.map((u) => u.value).sort()).toEqual(['agent-0', 'agent-1', 'agent-2'])
  })

  it('reads each event\'s top-level user agent exactly, whatever the caller put in requestParameters or the value', () => {
    const nested = { requestParameters: { userAgent: 'nested-fake', tags: [{ userAgent: 'array-fake' }] }, ...call(alice, { time: at(0), userAgent: 'real "quoted" agent \\' }) }
    const escaped = JSON.stringify(call(alice, { time: at(1), userAgent: 'café ☃' })).replace('café ☃', 'caf\\u00e9 \\u2603')
    // A longer key that ends in an escaped "userAgent", before the real one.
    const longerKey = JSON.stringify(call(alice, { time: at(2), userAgent: 'plain' })).replace('"userAgent"', '"x\\"userAgent":"key-fake","userAgent"')
    const escapedKey = JSON.stringify(call(alice, { time: at(3), userAgent: 'overridden' })).replace('"requestParameters"', '"user\\u0041gent":"escaped key wins","requestParameters"')
    const store = storeOfEvents([JSON.stringify(nested), escaped, longerKey, escapedKey])
    const d = dossierOf(store, identityIndexOf(store), parsePrincipal('iamUser:alice'))
    expect(d.userAgents.map((u) => [u.value, u.firstSeen])).toEqual([
      ['café ☃', at(1).replace('Z', '.000Z')],
      ['escaped key wins', at(3).replace('Z', '.000Z')],
      ['plain', at(2).replace('Z', '.000Z')],
      ['real "quoted" agent \\', at(0).replace('Z', '.000Z')],
    ])
  })

  it('counts what an IAM user did, with first uses, and the role it assumed', () => {
    const store = storeOfEvents(aliceDay(2, ['203.0.113.10']))
    const d = dossierOf(store, identityIndexOf(store), parsePrincipal('iamUser:alice'))
    expect(d).toMatchObject({ events: 5, errors: 2, firstSeen: '2024-03-05T10:00:00.000Z', principal: { kind: 'iamUser', id: 'alice', label: 'alice' } })
    expect(d.apis).toContainEqual({ name: 'GetSecretValue', source: 'secretsmanager.amazonaws.com', count: 2, errors: 2 })
    expect(d.apis).toContainEqual({ name: 'ListBuckets', source: 's3.amazonaws.com', count: 1, errors: 0 })
    expect(d.regions.map((r) => r.value)).toEqual(['us-east-1', 'eu-west-1'])
    expect(d.regions[1].firstSeen).toBe('2024-03-05T10:01:00.000Z')
    expect(d.userAgents.map((u) => u.value)).toContain('aws-cli/2.15.0')
    expect(d.accessKeys).toEqual([{ value: KEY, count: 5, firstSeen: '2024-03-05T10:00:00.000Z' }])
    expect(d.assumedRoles.map((r) => r.value)).toEqual([`arn:aws:iam::${A}:role/Admin`])
    expect(d.flags).toEqual([])
  })

  it('says who assumed a role, for the role and for its session', () => {
    const store = storeOfEvents(aliceDay(0, ['203.0.113.10']))
    const index = identityIndexOf(store)
    const role = dossierOf(store, index, parsePrincipal(`arn:aws:iam::${A}:role/Admin`))
    expect(role.principal.kind).toBe('role')
    expect(role.events).toBe(1)
    expect(role.assumedBy.map((b) => b.value)).toEqual([`arn:aws:iam::${A}:user/alice`])
    const session = dossierOf(store, index, parsePrincipal(`arn:aws:sts::${A}:assumed-role/Admin/alice`))
    expect(session.principal.kind).toBe('roleSession')
    expect(session.apis.map((a) => a.name)).toEqual(['PutObject'])
  })

  it('flags a burst of AccessDenied at ten within five minutes, not at nine', () => {
    const nine = storeOfEvents(aliceDay(9, ['203.0.113.10']))
    expect(dossierOf(nine, identityIndexOf(nine), parsePrincipal('alice')).flags).toEqual([])
    const ten = storeOfEvents(aliceDay(10, ['203.0.113.10']))
    const flags = dossierOf(ten, identityIndexOf(ten), parsePrincipal('alice')).flags
    expect(flags).toEqual([{ kind: 'accessDeniedBurst', subject: '2024-03-05T10:10:00.000Z', detail: ['10'], at: '2024-03-05T10:10:00.000Z' }])
  })

  it('flags a key used from three addresses, not from two', () => {
    const two = storeOfEvents(aliceDay(0, ['203.0.113.10', '198.51.100.1']))
    expect(dossierOf(two, identityIndexOf(two), parsePrincipal(KEY)).flags).toEqual([])
    const three = storeOfEvents(aliceDay(0, ['203.0.113.10', '198.51.100.1', '192.0.2.77']))
    const d = dossierOf(three, identityIndexOf(three), parsePrincipal(KEY))
    expect(d.principal.kind).toBe('accessKey')
    expect(d.flags).toEqual([{ kind: 'keyManyIps', subject: KEY, detail: ['192.0.2.77', '198.51.100.1', '203.0.113.10'], at: null }])
  })

  it('flags instance credentials used from a second public address', () => {
    const instance = 'i-0123456789abcdef0'
    const session = roleSession('WebServer', instance, A, 'ASIAEC2000000000001', { sessionContext: { ec2RoleDelivery: '2.0' } })
    const events = [call(session, { time: at(0), ip: '54.1.2.3' }), call(session, { time: at(1), ip: '10.0.0.5' })]
    const inside = storeOfEvents(events)
    expect(dossierOf(inside, identityIndexOf(inside), parsePrincipal(`arn:aws:iam::${A}:role/WebServer`)).flags).toEqual([])
    const outside = storeOfEvents([...events, call(session, { time: at(2), ip: '185.220.101.4' })])
    const flags = dossierOf(outside, identityIndexOf(outside), parsePrincipal(`arn:aws:iam::${A}:role/WebServer`)).flags
    expect(flags).toContainEqual({ kind: 'instanceCredentialsElsewhere', subject: 'ASIAEC2000000000001', detail: ['185.220.101.4', '54.1.2.3'], at: null })
  })

  it('flags an API first called a day after the principal was first seen', () => {
    const store = storeOfEvents([...aliceDay(0, ['203.0.113.10']), call(alice, { time: at(24 * 60 + 5), name: 'CreateAccessKey', source: 'iam.amazonaws.com' })])
    const flags = dossierOf(store, identityIndexOf(store), parsePrincipal('iamUser:alice')).flags
    expect(flags).toEqual([{ kind: 'newApi', subject: 'iam.amazonaws.com CreateAccessKey', detail: ['1'], at: '2024-03-06T10:05:00.000Z' }])
  })

  it('reads principals as typed', () => {
    expect(parsePrincipal('AKIAALICE00000000001')).toEqual({ kind: 'accessKey', id: 'AKIAALICE00000000001' })
    expect(parsePrincipal('203.0.113.10')).toEqual({ kind: 'sourceIp', id: '203.0.113.10' })
    expect(parsePrincipal(`arn:aws:iam::${A}:user/alice`).kind).toBe('iamUser')
    expect(parsePrincipal('identityCenterUser:dana@example.com')).toEqual({ kind: 'identityCenterUser', id: 'dana@example.com' })
    expect(parsePrincipal('alice')).toEqual({ kind: 'name', id: 'alice' })
    const store = storeOfEvents(aliceDay(0, ['203.0.113.10']))
    expect(principalEvents(store, parsePrincipal('203.0.113.10')).length).toBe(4)
  })
})
