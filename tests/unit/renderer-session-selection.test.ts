// The view session's multi-selection and its export, without a browser, over an in-memory
// implementation of the calls (tests/unit/helpers/memory-session-api.ts): Ctrl/Cmd-click,
// Shift ranges (also over rows never fetched), Ctrl/Cmd-A kept in main with events taken off
// and added, seen through another filter, and what an export or a copy of it asks main for.
import { afterEach, describe, expect, it } from 'vitest'
import { COPY_LIMIT, type ExportRequest } from '../../common/ipc-contract'
import { createViewSession, type ViewSession } from '../../renderer/session/create-session'
import { COUNT_DELAY_MS } from '../../renderer/session/export-logic'
import { currentSelection, isInSelection, rowAt, selectionSize } from '../../renderer/session/session-state'
import { makeRows, memoryEnv, MemorySessionApi, settle } from './helpers/memory-session-api'

let session: ViewSession | undefined
afterEach(() => session?.dispose())

/** A session over `n` events with the first `shown` rows of the list fetched. */
async function start(n: number, shown = 100) {
  const api = new MemorySessionApi(makeRows(n))
  const world = memoryEnv(api)
  session = createViewSession(world.env)
  await session.requery()
  session.ensureRows(0, shown)
  await settle()
  return { api, session, ...world }
}

const ids = (s: ViewSession) => s.store.getState().ids
const idAt = (s: ViewSession, index: number) => rowAt(s.store.getState(), index)!.id

describe('view session: clicks and ranges', () => {
  it('a plain click selects one event; Ctrl/Cmd-click adds and removes; a plain click collapses again', async () => {
    const { session } = await start(300)
    session.selectIndex(2)
    expect(ids(session)).toEqual([idAt(session, 2)])
    session.toggleSelected(5, idAt(session, 5))
    session.toggleSelected(9, idAt(session, 9))
    expect(ids(session)).toEqual([297, 294, 290])
    expect(session.store.getState().selectedIndex).toBe(9) // the toggled event is the current one
    session.toggleSelected(5, idAt(session, 5))
    expect(ids(session)).toEqual([297, 290])
    session.selectIndex(20)
    expect(ids(session)).toEqual([279])
  })

  it('Shift selects from the anchor to the row, in list order; with Ctrl/Cmd it adds to the set', async () => {
    const { session } = await start(300)
    session.selectIndex(5)
    await session.selectRangeTo(2)
    expect(ids(session)).toEqual([297, 296, 295, 294])
    expect(session.store.getState().selectedIndex).toBe(2)
    session.toggleSelected(40, idAt(session, 40))
    await session.selectRangeTo(42, true)
    expect(ids(session)).toEqual([297, 296, 295, 294, 259, 258, 257])
  })

  it('a Shift range over rows never fetched asks main for their ids and keeps the whole range', async () => {
    const { session, api } = await start(20_000)
    session.selectIndex(10)
    await session.selectRangeTo(7_000)
    const selected = ids(session)
    expect(selected).toHaveLength(6_991)
    expect(selected[0]).toBe(19_989)
    expect(selected.at(-1)).toBe(12_999)
    expect(new Set(selected).size).toBe(selected.length)
    expect(api.callsOf('getRows').at(-1)).toMatchObject({ start: 10, count: 6_991 })
  })

  it('finds the anchor again after the sort moved it', async () => {
    const { session, find } = await start(300, 300)
    session.selectIndex(0) // id 299, newest first
    find.setState({ sort: { column: 'time', direction: 'asc' } })
    await settle()
    session.ensureRows(0, 300)
    await settle()
    await session.selectRangeTo(297) // the anchor event is now at 299
    expect(ids(session)).toEqual([297, 298, 299])
  })
})

describe('view session: Ctrl/Cmd-A', () => {
  it('selects the whole result in main; Ctrl/Cmd-clicks take events off and put them back', async () => {
    const { session, api } = await start(5000)
    await session.selectAllInView()
    const viewId = session.store.getState().info!.viewId
    expect(api.callsOf('selectView')).toEqual([viewId])
    expect(api.callsOf('getRows')).toHaveLength(1) // no ids fetched
    session.toggleSelected(3, idAt(session, 3))
    session.toggleSelected(4, idAt(session, 4))
    const state = session.store.getState()
    expect(currentSelection(state)).toEqual({ viewId, except: [4996, 4995] })
    expect(selectionSize(state)).toBe(4998)
    expect(isInSelection(state, 4996, viewId)).toBe(false)
    expect(isInSelection(state, 17, viewId)).toBe(true)
    session.toggleSelected(3, 4996)
    expect(currentSelection(session.store.getState())).toEqual({ viewId, except: [4995] })
  })

  it('seen through another filter, asks main which rows on screen it holds, and adds others with plus', async () => {
    const { session, find, api } = await start(700)
    find.setState({ query: 'PutObject' })
    await settle()
    await session.selectAllInView() // the 100 PutObject events
    const putView = session.store.getState().info!.viewId
    find.setState({ query: '' })
    await settle()
    session.ensureRows(0, 20)
    await settle()
    const everything = session.store.getState().info!.viewId
    const onScreen = Array.from({ length: 20 }, (_, i) => idAt(session, i))
    session.noteVisibleRows(everything, onScreen)
    await settle()
    const state = session.store.getState()
    expect(api.callsOf('selectionMembers')).toHaveLength(1)
    expect(onScreen.filter((id) => isInSelection(state, id, everything))).toEqual(onScreen.filter((id) => id % 7 === 0))
    // A GetObject event added to the PutObject selection.
    session.toggleSelected(1, 698)
    expect(currentSelection(session.store.getState())).toEqual({ viewId: putView, plus: [698] })
  })

  it('a plain click ends it', async () => {
    const { session } = await start(300)
    await session.selectAllInView()
    session.selectIndex(8)
    expect(session.store.getState().all).toBeNull()
    expect(ids(session)).toEqual([291])
  })
})

describe('view session: export and copy', () => {
  it('exports a Ctrl-click selection: the dialog opens on it, the request names those events, the note says where', async () => {
    const { session, api, choices } = await start(300)
    session.selectIndex(1)
    session.toggleSelected(3, idAt(session, 3))
    choices.format = 'csv'
    choices.gzip = false
    choices.extraColumns = ['accessKey']
    session.openExportDialog()
    expect(session.store.getState().exportScope).toBe('selected')
    await session.startExport()
    const viewId = session.store.getState().info!.viewId
    expect(api.exports).toEqual<ExportRequest[]>([{ selection: { ids: [298, 296] }, format: 'csv', gzip: false, extraColumns: ['accessKey'], viewId }])
    const state = session.store.getState()
    expect(state.exportOpen).toBe(false)
    expect(state.notice).toMatchObject({ kind: 'done', path: '/tmp/events.json.gz' })
    expect(state.notice?.text).toContain('2')
  })

  it('exports the whole result, or a Ctrl/Cmd-A selection minus what was taken off', async () => {
    const { session, api } = await start(400)
    const viewId = session.store.getState().info!.viewId
    session.openExportDialog()
    expect(session.store.getState().exportScope).toBe('result')
    await session.startExport()
    await session.selectAllInView()
    session.toggleSelected(0, 399)
    session.openExportDialog()
    await session.startExport()
    expect(api.exports.map((r) => r.selection)).toEqual([{ viewId }, { viewId, except: [399] }])
    expect(api.resolve(api.exports[1].selection)).toHaveLength(399)
    expect(api.exports[0]).not.toHaveProperty('extraColumns') // only CSV names extra columns
  })

  it('web mode: downloads the address main gives, and ends on its finished push', async () => {
    const { session, api, downloads } = await start(50)
    api.webMode = true
    session.openExportDialog()
    await session.startExport()
    expect(downloads).toEqual([{ url: '/download/1', fileName: 'events.json.gz' }])
    expect(session.store.getState().running).toMatchObject({ path: 'events.json.gz' })
    session.exportProgressArrived({ exportId: 7, path: 'other-tab.json.gz', done: 1, total: 1, finished: true, cancelled: false, result: { events: 1, bytes: 1, path: 'other-tab.json.gz' } })
    expect(session.store.getState().running).not.toBeNull() // another tab's export
    session.exportProgressArrived({ exportId: 8, path: 'events.json.gz', done: 50, total: 50, finished: true, cancelled: false, result: { events: 50, bytes: 9, path: 'events.json.gz' } })
    expect(session.store.getState().running).toBeNull()
    expect(session.store.getState().notice).toMatchObject({ kind: 'done' })
    expect(session.store.getState().notice).not.toHaveProperty('path') // a download cannot be shown in its folder
  })

  it('counts what the filter hides of a multi-selection, once it settles', async () => {
    const { session, find } = await start(700)
    session.selectIndex(0) // event 699, a GetObject
    session.toggleSelected(6, idAt(session, 6)) // event 693, a PutObject
    find.setState({ query: 'PutObject' })
    await settle()
    await new Promise((resolve) => setTimeout(resolve, COUNT_DELAY_MS + 50))
    expect(session.store.getState().counts).toEqual({ selected: 2, hidden: 1 })
  })

  it('copies the selection to the clipboard, and refuses more than COPY_LIMIT events', async () => {
    const { session, clipboard } = await start(COPY_LIMIT + 10)
    session.selectIndex(0)
    session.toggleSelected(1, idAt(session, 1))
    await session.copySelection()
    expect(clipboard).toEqual([`${JSON.stringify({ id: COPY_LIMIT + 9 })}\n${JSON.stringify({ id: COPY_LIMIT + 8 })}\n`])
    await session.selectAllInView()
    await session.copySelection()
    expect(clipboard).toHaveLength(1)
    expect(session.store.getState().notice).toMatchObject({ kind: 'error' })
  })
})
