// The identity calls through the service as both shells reach it (dispatchCall, with argument
// checks), over files loaded by the real loader and its worker threads: the link table is
// built as the load goes, the chain reaches the IAM user across two files, the graph holds
// the issuance edge, and bad arguments are refused before the service sees them.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AshiatoService } from '../../main/services/ashiato-service'
import { dispatchCall, type ShellCalls } from '../../main/services/dispatch-call'
import { DOSSIER_ROWS, IdentityService } from '../../main/services/identity-service'
import { dossierOf } from '../../main/identity/dossier'
import { identityIndexOf } from '../../main/identity/identity-index'
import { storeOfEvents } from './helpers/make-store'
import type { CredentialChain, CredentialGraph, Dossier } from '../../common/identity'
import { assumeRole, call, iamUser, roleSession } from './helpers/identity-gen'

const A = '111111111111'
const B = '210987654321'
let dir: string
let service: AshiatoService
const shell = {} as ShellCalls

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-identity-service-'))
  const alice = iamUser('alice', A, 'AKIAALICE00000000001')
  const deploy = roleSession('Deploy', 'alice', B, 'ASIADEPLOY0000000001')
  // The issuing call and the use in two accounts' files, as CloudTrail delivers them.
  writeFileSync(path.join(dir, `${A}_CloudTrail_us-east-1_20240305T1005Z_a.json`), JSON.stringify({
    Records: [assumeRole(alice, `arn:aws:iam::${B}:role/Deploy`, 'alice', 'ASIADEPLOY0000000001', { time: '2024-03-05T10:02:00Z' })],
  }))
  writeFileSync(path.join(dir, `${B}_CloudTrail_us-east-1_20240305T1010Z_b.json`), JSON.stringify({
    Records: [call(deploy, { time: '2024-03-05T10:06:00Z', recipient: B }), call(deploy, { time: '2024-03-05T10:07:00Z', recipient: B, name: 'PutObject' })],
  }))
  service = new AshiatoService({ workers: 2 })
  await service.loadPaths([dir])
  await service.whenLoadDone()
})

afterAll(async () => {
  await service?.dispose()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('identity calls', () => {
  it('credentialChain: the S3 call made with the assumed role leads back to the IAM user', async () => {
    const view = await service.setView({ query: 'event:GetObject' })
    const rows = await service.getRows({ viewId: view.viewId, start: 0, count: 1 })
    const chain = (await dispatchCall(service, shell, 'credentialChain', [rows.rows[0].id])) as CredentialChain
    expect(chain.hops.map((h) => [h.kind, h.name, h.account])).toEqual([['iamUser', 'alice', A], ['roleSession', 'alice', B]])
    expect(chain.hops[1].issuedBy?.eventName).toBe('AssumeRole')
    expect(chain.hops[1].events).toBe(2)
  })

  it('principalDossier and credentialGraph', async () => {
    const dossier = (await dispatchCall(service, shell, 'principalDossier', [{ kind: 'iamUser', id: 'alice' }])) as Dossier
    expect(dossier.assumedRoles.map((r) => r.value)).toEqual([`arn:aws:iam::${B}:role/Deploy`])
    const view = await service.setView({ query: '' })
    const graph = (await dispatchCall(service, shell, 'credentialGraph', [{ viewId: view.viewId, maxNodes: 100 }])) as CredentialGraph
    expect(graph.edges).toContainEqual({ source: 'key:AKIAALICE00000000001', target: 'key:ASIADEPLOY0000000001', kind: 'assumed', count: 1 })
    expect(graph.nodes.find((n) => n.id === 'key:ASIADEPLOY0000000001')).toMatchObject({ kind: 'session', events: 2 })
    const small = (await dispatchCall(service, shell, 'credentialGraph', [{ viewId: view.viewId, maxNodes: 2 }])) as CredentialGraph
    expect(small.nodes).toHaveLength(2)
    expect(small.omittedNodes).toBeGreaterThan(0)
  })

  it('sends at most DOSSIER_ROWS rows per dossier list', async () => {
    const alice = iamUser('alice', A, 'AKIAALICE00000000001')
    const events = Array.from({ length: DOSSIER_ROWS + 200 }, (_, i) => call(alice, { time: '2024-03-05T10:00:00Z', ip: `10.0.${i >> 8}.${i & 255}` }))
    const store = storeOfEvents(events)
    expect(dossierOf(store, identityIndexOf(store), { kind: 'iamUser', id: 'alice' }).sourceIps).toHaveLength(DOSSIER_ROWS + 200)
    const identity = new IdentityService(store, () => new Uint32Array(0))
    const sent = await identity.dossier({ kind: 'iamUser', id: 'alice' })
    await identity.close()
    expect(sent.sourceIps).toHaveLength(DOSSIER_ROWS)
    expect(sent.events).toBe(DOSSIER_ROWS + 200)
  })

  it('refuses bad arguments', async () => {
    await expect(dispatchCall(service, shell, 'credentialChain', [-1])).rejects.toThrow('credentialChain: id must be at least 0, not -1')
    await expect(dispatchCall(service, shell, 'credentialChain', [99])).rejects.toMatchObject({ message: 'No event 99 is loaded.', code: 'no-event', values: { id: 99 } })
    await expect(dispatchCall(service, shell, 'principalDossier', [{ kind: 'boss', id: 'x' }])).rejects.toThrow('kind must be one of')
    await expect(dispatchCall(service, shell, 'principalDossier', [{ kind: 'name', id: 'x'.repeat(3000) }])).rejects.toThrow('id is too long')
    await expect(dispatchCall(service, shell, 'credentialGraph', [{ viewId: 1, maxNodes: 1e9 }])).rejects.toThrow('credentialGraph: request.maxNodes must be at most 20,000')
  })
})
