// Issue #12 §3: Clear gives memory back: the events' segment files are removed at once, the
// store's columns and the views let go (an old view is expired), and the Sources list is empty.
// A load afterwards starts from nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AshiatoService } from '../../main/services/ashiato-service'
import { makeEvent, seededRandom } from '../support/cloudtrail-events'

let dir = ''
let file = ''
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-clear-'))
  const random = seededRandom(9)
  file = path.join(dir, 'trail.json')
  writeFileSync(file, JSON.stringify({ Records: Array.from({ length: 200 }, (_, i) => makeEvent(random, { time: new Date(Date.UTC(2024, 1, 1, 0, i)) })) }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('clearAll', () => {
  it('removes the segment files at once and forgets everything', async () => {
    const service = new AshiatoService({ workers: 1 })
    try {
      await service.loadPaths([file])
      await service.whenLoadDone()
      const first = await service.setView({ query: '' })
      expect(first.matched).toBe(200)
      const folder = path.dirname(service.store.spillPrefix())
      expect(readdirSync(folder).length).toBeGreaterThan(0)
      expect(service.store.spilledBytes).toBeGreaterThan(0)

      await service.clearAll()
      expect(existsSync(folder)).toBe(false)
      expect(service.store.size).toBe(0)
      expect(service.store.spilledBytes).toBe(0)
      expect(await service.listSources()).toEqual([])
      await expect(service.getRows({ viewId: first.viewId, start: 0, count: 10 })).rejects.toMatchObject({ code: 'view-expired' })

      await service.loadPaths([file])
      await service.whenLoadDone()
      expect((await service.setView({ query: '' })).matched).toBe(200)
    } finally {
      await service.dispose()
    }
  })
})
