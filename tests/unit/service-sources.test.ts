// Issue #12 §3: the Sources panel's data, kept in main: one source per load with its files,
// events, duplicates, eventID collisions and problems; a hidden source's events are left out of
// every view; a new investigation without a source reads the others again; uploads cannot be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AshiatoService } from '../../main/services/ashiato-service'
import { isCallError } from '../../common/call-errors'
import type { SourceInfo } from '../../common/ipc-contract'
import { makeEvent, seededRandom } from '../support/cloudtrail-events'

const random = seededRandom(44)
let dir = ''
const events = (n: number, account: string) => Array.from({ length: n }, (_, i) => makeEvent(random, { account, time: new Date(Date.UTC(2024, 5, 1, 0, i)) }))
const write = (file: string, records: unknown[]): string => {
  const full = path.join(dir, file)
  writeFileSync(full, JSON.stringify({ Records: records }))
  return full
}

let first: string, secondFolder: string, upload: string
const a = events(30, '111111111111')
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-sources-'))
  first = write('first.json', a)
  secondFolder = path.join(dir, 'second')
  mkdirSync(secondFolder)
  // 20 new events, 5 exact duplicates of the first file's, one same eventID with other content, one broken file.
  const collision = { ...a[0], eventName: 'SomethingElse' }
  write('second/b.json', [...events(20, '222222222222'), ...a.slice(1, 6), collision])
  writeFileSync(path.join(secondFolder, 'broken.json'), '{"Records": [')
  upload = write('upload.json', events(7, '333333333333'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('sources', () => {
  it('lists each load with its counts, hides one from views, and starts anew without one', async () => {
    const service = new AshiatoService({ workers: 1 })
    const pushed: SourceInfo[][] = []
    service.onPush((name, payload) => name === 'sourcesChanged' && pushed.push(payload as SourceInfo[]))
    try {
      await service.loadPaths([first])
      await service.loadPaths([secondFolder])
      await service.whenLoadDone()
      const [one, two] = await service.listSources()
      expect(one).toMatchObject({ kind: 'paths', label: first, inputs: 1, files: 1, events: 30, duplicates: 0, idCollisions: 0, problems: 0, loading: false, hidden: false, reloadable: true })
      expect(two).toMatchObject({ kind: 'paths', label: secondFolder, files: 2, events: 21, duplicates: 5, idCollisions: 2, problems: 1, loading: false })
      expect(pushed.at(-1)).toEqual([one, two])

      // Hidden: its events leave every view (the other source's stay), and come back.
      expect((await service.setView({ query: '' })).matched).toBe(51)
      await service.setSourceHidden({ sourceId: one.sourceId, hidden: true })
      const view = await service.setView({ query: '' })
      expect(view.matched).toBe(21)
      const rows = await service.getRows({ viewId: view.viewId, start: 0, count: 100 })
      expect(rows.rows.every((r) => r.id >= 30)).toBe(true)
      expect((await service.listSources())[0].hidden).toBe(true)
      await service.setSourceHidden({ sourceId: one.sourceId, hidden: false })
      expect((await service.setView({ query: '' })).matched).toBe(51)

      // A new investigation without the first: the second is read again, alone.
      await service.startWithout(one.sourceId)
      await service.whenLoadDone()
      const after = await service.listSources()
      expect(after.map((s) => [s.label, s.events, s.duplicates])).toEqual([[secondFolder, 26, 0]])
      expect((await service.setView({ query: '' })).matched).toBe(26)

      // An upload (a web page's files, not kept) cannot be read again: refused, nothing changes.
      await service.loadInputs([{ path: upload, displayName: 'upload.json' }])
      await service.whenLoadDone()
      const withUpload = await service.listSources()
      expect(withUpload[1]).toMatchObject({ kind: 'upload', label: 'upload.json', events: 7, reloadable: false })
      const refused = await service.startWithout(withUpload[0].sourceId).then(() => null, (error: unknown) => error)
      expect(isCallError(refused, 'source-not-reloadable')).toBe(true)
      expect(await service.listSources()).toHaveLength(2)

      await service.clearAll()
      expect(await service.listSources()).toEqual([])
    } finally {
      await service.dispose()
    }
  })

  it('a source hidden while it loads stays hidden as it grows', async () => {
    // Many files: the source is listed (loading, with events) long before its last file is read.
    const many = path.join(dir, 'many')
    mkdirSync(many)
    for (let f = 0; f < 200; f++) write(`many/f${f}.json`, events(5, '444444444444'))
    const service = new AshiatoService({ workers: 1 })
    let hidden: Promise<void> | null = null
    service.onPush((name, payload) => {
      if (name !== 'sourcesChanged' || hidden) return
      const [source] = payload as SourceInfo[]
      if (!source?.loading || source.events === 0) return
      hidden = service.setSourceHidden({ sourceId: source.sourceId, hidden: true })
    })
    try {
      await service.loadPaths([many])
      await service.whenLoadDone()
      await hidden
      expect(hidden).not.toBeNull()
      const [source] = await service.listSources()
      expect(source).toMatchObject({ events: 1000, hidden: true, loading: false })
      // Every event came after the hide or before it: none of them is shown.
      expect((await service.setView({ query: '' })).matched).toBe(0)
    } finally {
      await service.dispose()
    }
  })
})
