// The app's side of integrity: a signed trail loaded through the service (as a drop would),
// one log file modified and one inserted; the report, the `integrity:` query field, the event
// markers and the coverage map must all say so.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { AshiatoService } from '../../main/services/ashiato-service'
import { buildSignedTrail, type SignedTrail } from './helpers/signed-trail'

let dir: string
let trail: SignedTrail
let service: AshiatoService
let modified: string
let inserted: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-integrity-service-'))
  trail = buildSignedTrail(path.join(dir, 'copy'), { accounts: ['111122223333'], regions: ['us-east-1'] })
  modified = trail.logs[1]
  const text = gunzipSync(readFileSync(path.join(trail.root, modified)))
  text[text.indexOf('alice') + 1] = 'x'.charCodeAt(0)
  writeFileSync(path.join(trail.root, modified), gzipSync(text))
  inserted = trail.logs[2].replace('_Ab10cd', '_Ev1l00')
  const event = { eventVersion: '1.09', eventTime: '2024-03-05T11:20:00Z', eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', awsRegion: 'us-east-1', eventID: 'stop-1', recipientAccountId: '111122223333', requestParameters: { name: 'org-trail' } }
  writeFileSync(path.join(trail.root, inserted), gzipSync(JSON.stringify({ Records: [event] })))
  service = new AshiatoService({ workers: 1 })
  await service.loadPaths([trail.root])
  await service.whenLoadDone()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('integrity in the app', () => {
  it('reports the modified and the inserted file, and signatures once keys are given', async () => {
    let info = await service.integrityReport()
    expect(info.digests).toBe(3)
    expect(info.entries.filter((e) => e.kind === 'digest').map((e) => e.status)).toEqual(['key-unknown', 'key-unknown', 'key-unknown'])
    expect(await service.addPublicKeys(trail.keyJson)).toEqual({ keys: 1 })
    info = await service.integrityReport()
    const bad = info.entries.filter((e) => e.status !== 'valid')
    expect(bad.map((e) => [e.path.slice(trail.root.length + 1), e.status])).toEqual([
      [modified, 'modified'],
      [inserted, 'not-in-digest'],
    ])
    expect(info.summary.line).toBe('3/3 digest files valid, 5/7 log files valid, 1 log file modified, 1 log file not in any digest')
  })

  it('answers integrity: queries from the per-event column', async () => {
    expect((await service.setView({ query: 'integrity:modified' })).matched).toBe(2)
    expect((await service.setView({ query: 'integrity:not-in-digest' })).matched).toBe(1)
    expect((await service.setView({ query: 'integrity:valid' })).matched).toBe(10)
    expect((await service.setView({ query: '-integrity:valid' })).matched).toBe(3)
    expect((await service.setView({ query: 'integrity:not-*' })).matched).toBe(1)
  })

  it('marks exactly the events of files that are not valid', async () => {
    const view = await service.setView({ query: '' })
    const rows = await service.getRows({ viewId: view.viewId, start: 0, count: 100 })
    const marks = await service.eventIntegrity(rows.rows.map((r) => r.id))
    const byEvent = await Promise.all(marks.map(async (m) => [JSON.parse((await service.getEvent(m.id)).json).eventID as string, m.status]))
    expect(byEvent.sort()).toEqual([
      ['111122223333-us-east-1-20240305T1030Z-1-0', 'modified'],
      ['111122223333-us-east-1-20240305T1030Z-1-1', 'modified'],
      ['stop-1', 'not-in-digest'],
    ])
  })

  it('draws the coverage map with digest-covered hours and the StopLogging', async () => {
    const { coverage } = await service.integrityReport()
    expect(coverage.from).toBe(Date.parse('2024-03-05T10:00:00Z'))
    expect(coverage.hours).toBe(3)
    expect(coverage.rows).toEqual([
      { account: '111122223333', region: 'us-east-1', files: [2, 3, 2], events: [4, 5, 4], digested: [true, true, true] },
    ])
    expect(coverage.tampering).toEqual([expect.objectContaining({ eventName: 'StopLogging', account: '111122223333', region: 'us-east-1', hour: 1 })])
  })

  it('forgets everything on clear', async () => {
    await service.clearAll()
    const info = await service.integrityReport()
    expect(info).toMatchObject({ digests: 0, entriesTotal: 0, coverage: { hours: 0 } })
  })
})
