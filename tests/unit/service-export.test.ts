// Export and copy through the service, as the shells call it: generated files (compact, gzipped
// and pretty-printed) are loaded into an AshiatoService; a selection and a whole view are exported
// in each format, and each file is opened again by a fresh service to find the same events, byte
// for byte. Also: the selection calls (selectView, countHidden, selectionMembers), progress and
// cancel, and copy's limit.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COPY_LIMIT, type AshiatoPushes, type ExportFormat, type ExportProgress } from '../../common/ipc-contract'
import { toSingleLine } from '../../main/export/json-text'
import { AshiatoService } from '../../main/services/ashiato-service'
import { dispatchCall, type ShellCalls } from '../../main/services/dispatch-call'
import { ExportCancelled, jsonLines } from '../../main/services/export-runner'
import { makeEvents, type Json } from '../support/cloudtrail-events'

const decoder = new TextDecoder()

let dir: string
let out: string
let service: AshiatoService
let events: Json[]

/** What a service holds, as texts in id order. */
function texts(s: AshiatoService): string[] {
  return Array.from({ length: s.store.size }, (_, id) => decoder.decode(s.store.bytes(id)))
}

/** Opens a file in a fresh service and returns its events' texts, in file order. */
async function reopen(file: string): Promise<string[]> {
  const fresh = new AshiatoService({ workers: 1 })
  try {
    await fresh.loadPaths([file])
    await fresh.whenLoadDone()
    expect((await fresh.fileReports()).filter((r) => r.kind === 'error' || r.reason !== '')).toEqual([])
    return texts(fresh)
  } finally {
    await fresh.dispose()
  }
}

const textOf = (id: number): string => decoder.decode(service.store.bytes(id))

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-service-export-'))
  out = mkdtempSync(path.join(os.tmpdir(), 'ashiato-service-export-out-'))
  events = makeEvents(300, 7)
  // Compact, gzipped and pretty-printed: an export keeps each event's own text.
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ Records: events.slice(0, 100) }))
  writeFileSync(path.join(dir, 'b.json.gz'), gzipSync(JSON.stringify({ Records: events.slice(100, 200) })))
  writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ Records: events.slice(200) }, null, 2))
  service = new AshiatoService({ workers: 2 })
  await service.loadPaths([dir])
  await service.whenLoadDone()
  expect(service.store.size).toBe(300)
})

afterAll(async () => {
  await service?.dispose()
  for (const d of [dir, out]) if (d) rmSync(d, { recursive: true, force: true })
})

describe('export from the service', () => {
  it('writes a whole view in each format; JSON reopens to the same events, in the view order', async () => {
    const view = await service.setView({ query: 'readOnly:false', sort: { column: 'time', direction: 'asc' } })
    expect(view.matched).toBeGreaterThan(20)
    expect(view.matched).toBeLessThan(300)
    const ids = service.resolveSelection({ viewId: view.viewId })
    expect(ids.length).toBe(view.matched)
    for (const format of ['records', 'jsonl'] as ExportFormat[]) {
      for (const gzip of [false, true]) {
        const file = path.join(out, `view-${format}${gzip ? '.gz' : ''}`)
        const done = await service.exportToFile({ selection: { viewId: view.viewId }, format, gzip }, file)
        expect(done).toMatchObject({ events: view.matched, path: file })
        expect(done.bytes).toBe(readFileSync(file).length)
        const reopened = await reopen(file)
        // Records keep each event's bytes as they were (pretty-printed ones too); JSON Lines puts
        // each on one line, dropping only the whitespace between tokens.
        const expected = Array.from(ids, (id) => (format === 'records' ? textOf(id) : decoder.decode(toSingleLine(service.store.bytes(id)))))
        expect(reopened).toEqual(expected)
      }
    }
  })

  it('writes explicit ids in the order a view shows them, the ones it hides after them by time', async () => {
    const view = await service.setView({ query: '', sort: { column: 'eventName', direction: 'desc' } })
    const narrow = await service.setView({ query: 'readOnly:true' })
    const picked = [250, 3, 120, 77, 3, 199, 42] // 3 twice: written once
    const ordered = service.resolveSelection({ ids: picked }, narrow.viewId)
    const shownIds = Array.from(service.resolveSelection({ viewId: narrow.viewId }))
    const unique = [...new Set(picked)]
    const visible = shownIds.filter((id) => unique.includes(id))
    const hidden = unique.filter((id) => !visible.includes(id)).sort((a, b) => service.store.times[a] - service.store.times[b] || a - b)
    expect(Array.from(ordered)).toEqual([...visible, ...hidden])
    await expect(service.countHidden({ viewId: narrow.viewId, selection: { ids: picked } })).resolves.toEqual({ selected: unique.length, hidden: hidden.length })

    const file = path.join(out, 'picked.json')
    const done = await service.exportToFile({ selection: { ids: picked }, format: 'records', gzip: false, viewId: narrow.viewId }, file)
    expect(done.events).toBe(unique.length)
    expect(await reopen(file)).toEqual(Array.from(ordered, textOf))
    // Another view orders them its own way.
    expect(Array.from(service.resolveSelection({ ids: picked }, view.viewId))).toEqual(Array.from(service.resolveSelection({ viewId: view.viewId })).filter((id) => unique.includes(id)))
  })

  it('writes CSV with the console columns and the extra ones, one line per event', async () => {
    const view = await service.setView({ query: 'error:*' })
    const file = path.join(out, 'errors.csv.gz')
    const done = await service.exportToFile({ selection: { viewId: view.viewId }, format: 'csv', gzip: true, extraColumns: ['account', 'eventName'] }, file)
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('Event ID,Event time,User name,Event name,Resource type,Resource name,AWS access key,Event source,AWS region,Error code,Source IP address,Read-only,Account ID')
    expect(lines).toHaveLength(done.events + 1)
    expect(done.events).toBe(view.matched)
  })

  it('selects a whole view (it outlives the view cache), minus and plus single events', async () => {
    const base = await service.setView({ query: 'readOnly:false' })
    await expect(service.selectView(base.viewId)).resolves.toEqual({ count: base.matched })
    // Twenty newer views push the selected one out of the cache; the selection still holds it.
    let last = base
    for (let i = 0; i < 20; i++) last = await service.setView({ query: i % 2 ? '' : 'readOnly:true' })
    await expect(service.getRows({ viewId: base.viewId, start: 0, count: 1 })).rejects.toMatchObject({ code: 'view-expired' })
    const all = Array.from(service.resolveSelection({ viewId: base.viewId }))
    const outside = Array.from(service.resolveSelection({ viewId: (await service.setView({ query: 'readOnly:true' })).viewId })).slice(0, 2)
    const selection = { viewId: base.viewId, except: [all[0], all[1]], plus: outside }
    const resolved = Array.from(service.resolveSelection(selection))
    expect(resolved).toEqual([...all.slice(2), ...outside.sort((a, b) => service.store.times[a] - service.store.times[b] || a - b)])
    // Seen through the last view (the whole set): nothing hidden; through readOnly:true, all but the added ones.
    expect(last.matched).toBe(300)
    await expect(service.countHidden({ viewId: last.viewId, selection })).resolves.toEqual({ selected: resolved.length, hidden: 0 })
    const readOnly = await service.setView({ query: 'readOnly:true' })
    await expect(service.countHidden({ viewId: readOnly.viewId, selection })).resolves.toEqual({ selected: resolved.length, hidden: resolved.length - outside.length })
    await expect(service.selectionMembers({ selection, ids: [all[0], all[2], outside[0]] })).resolves.toEqual([all[2], outside[0]])
    // A view nobody kept cannot be selected.
    await expect(service.selectView(base.viewId + 10_000)).rejects.toMatchObject({ code: 'view-expired' })
  })

  it('pushes progress and a last push with the result; a cancel leaves no file and no temporary', async () => {
    const pushes: ExportProgress[] = []
    const stop = service.onPush(<K extends keyof AshiatoPushes>(name: K, payload: AshiatoPushes[K]) => {
      if (name === 'exportProgress') pushes.push(payload as ExportProgress)
    })
    try {
      const view = await service.setView({ query: '' })
      const file = path.join(out, 'progress.jsonl')
      const done = await service.exportToFile({ selection: { viewId: view.viewId }, format: 'jsonl', gzip: false }, file)
      const mine = pushes.filter((p) => p.path === file)
      expect(mine[0]).toMatchObject({ done: 0, total: 300, finished: false })
      expect(mine.at(-1)).toMatchObject({ finished: true, cancelled: false, done: 300, result: done })

      const cancelled = path.join(out, 'cancelled.json')
      const running = service.exportToFile({ selection: { viewId: view.viewId }, format: 'records', gzip: true }, cancelled)
      await service.cancelExport()
      await expect(running).rejects.toBeInstanceOf(ExportCancelled)
      expect(existsSync(cancelled)).toBe(false)
      expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([])
      expect(pushes.filter((p) => p.path === cancelled).at(-1)).toMatchObject({ finished: true, cancelled: true })
    } finally {
      stop()
    }
  })

  it('copies JSON Lines, and refuses more than COPY_LIMIT events', async () => {
    const view = await service.setView({ query: '', sort: { column: 'time', direction: 'asc' } })
    const copied = service.copyText({ selection: { ids: [5, 250] }, viewId: view.viewId })
    const [first, second] = copied.text.split('\n')
    const order = Array.from(service.resolveSelection({ ids: [5, 250] }, view.viewId))
    expect(copied.events).toBe(2)
    expect([first, second]).toEqual(order.map((id) => decoder.decode(toSingleLine(service.store.bytes(id)))))
    expect(copied.text.endsWith('\n')).toBe(true)
    const many = { size: COPY_LIMIT + 1, bytes: () => new Uint8Array([0x7b, 0x7d]), row: () => ({}) as never }
    expect(() => jsonLines(many, new Uint32Array(COPY_LIMIT + 1))).toThrow(expect.objectContaining({ code: 'copy-too-many', message: expect.stringMatching(/too many to copy/) }))
    expect(jsonLines(many, new Uint32Array(3)).text).toBe('{}\n{}\n{}\n')
  })

  it('checks the selection calls arguments before the service sees them', async () => {
    const shell = {} as ShellCalls
    await expect(dispatchCall(service, shell, 'countHidden', [{ viewId: 1, selection: { ids: [1.5] } }])).rejects.toThrow('countHidden: request.selection.ids must hold only event ids')
    await expect(dispatchCall(service, shell, 'countHidden', [{ viewId: 1, selection: { ids: [1], viewId: 2 } }])).rejects.toThrow('selection has both ids and viewId')
    await expect(dispatchCall(service, shell, 'selectionMembers', [{ selection: { viewId: 1 }, ids: new Array(10_001).fill(0) }])).rejects.toMatchObject({ code: 'over-limit', values: { argument: 'request.ids', limit: 10_000 } })
    await expect(dispatchCall(service, shell, 'selectView', ['1'])).rejects.toThrow('selectView: viewId must be a number, not "1"')
    const view = await service.setView({ query: '' })
    await expect(dispatchCall(service, shell, 'countHidden', [{ viewId: view.viewId, selection: { ids: [0, 1, 999_999] } }])).resolves.toEqual({ selected: 2, hidden: 0 })
  })
})
