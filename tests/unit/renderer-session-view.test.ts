// The renderer's view session without a browser (renderer/session), over an in-memory
// implementation of the calls it makes: the view the find controls stand for, the row cache's
// windows and their eviction, the previous view's rows standing in, asking again when main has
// forgotten a view, and the current event (also one moved to before its row arrived).
import { afterEach, describe, expect, it } from 'vitest'
import { createViewSession, type ViewSession } from '../../renderer/session/create-session'
import { EMPTY_ROWS, KEPT_WINDOWS, ROW_WINDOW, rowIn, rowsForView, withWindow } from '../../renderer/session/row-cache'
import { rowAt } from '../../renderer/session/session-state'
import type { RowsRequest } from '../../common/ipc-contract'
import { makeRows, memoryEnv, MemorySessionApi, settle } from './helpers/memory-session-api'

let session: ViewSession | undefined
afterEach(() => session?.dispose())

async function start(n: number) {
  const api = new MemorySessionApi(makeRows(n))
  const world = memoryEnv(api)
  session = createViewSession(world.env)
  await session.requery()
  return { api, session, ...world }
}

const windowStarts = (api: MemorySessionApi) => (api.callsOf('getRows') as RowsRequest[]).map((r) => r.start)

describe('row cache (pure)', () => {
  const rows = (w: number) => makeRows(ROW_WINDOW).map((r) => ({ ...r, id: w * ROW_WINDOW + r.id }))

  it(`keeps at most ${KEPT_WINDOWS} windows, dropping the farthest from where the list is`, () => {
    let cache = rowsForView(EMPTY_ROWS, 1, false)
    for (let w = 0; w <= KEPT_WINDOWS; w++) cache = withWindow(cache, w, rows(w), w)
    expect(cache.windows.size).toBe(KEPT_WINDOWS)
    expect(cache.windows.has(0)).toBe(false) // the list is at window 40: window 0 is the farthest
    expect(rowIn(cache, KEPT_WINDOWS * ROW_WINDOW + 5)?.id).toBe(KEPT_WINDOWS * ROW_WINDOW + 5)
    // Near the top again: the bottom window goes instead.
    cache = withWindow(cache, 0, rows(0), 0)
    expect(cache.windows.has(0)).toBe(true)
    expect(cache.windows.has(KEPT_WINDOWS)).toBe(false)
  })

  it("shows the previous view's rows until the new view's arrive, none when the new view is empty", () => {
    const first = withWindow(rowsForView(EMPTY_ROWS, 1, false), 0, rows(0), 0)
    const next = rowsForView(first, 2, false)
    expect(rowIn(next, 3)?.id).toBe(3)
    expect(next.windows.size).toBe(0)
    expect(rowIn(rowsForView(first, 2, true), 3)).toBeUndefined()
  })
})

describe('view session: rows', () => {
  it('fetches the windows the list shows, once each, and the list reads them from the state', async () => {
    const { api, session } = await start(1000)
    session.ensureRows(0, 250)
    session.ensureRows(10, 240) // asked again before the answers: nothing new is fetched
    await settle()
    expect(windowStarts(api)).toEqual([0, 100, 200])
    const state = session.store.getState()
    // Newest first: position 0 is the last event loaded.
    expect(rowAt(state, 0)?.id).toBe(999)
    expect(rowAt(state, 249)?.id).toBe(750)
    session.ensureRows(0, 250)
    await settle()
    expect(windowStarts(api)).toHaveLength(3)
  })

  it('drops far windows as the list scrolls on, and fetches them again when it comes back', async () => {
    const { api, session } = await start(10_000)
    for (let w = 0; w <= KEPT_WINDOWS + 4; w++) {
      session.ensureRows(w * ROW_WINDOW, (w + 1) * ROW_WINDOW)
      await settle()
    }
    const { rows } = session.store.getState()
    expect(rows.windows.size).toBe(KEPT_WINDOWS)
    expect(rowAt(session.store.getState(), 0)).toBeUndefined()
    session.ensureRows(0, 10)
    await settle()
    expect(windowStarts(api).filter((s) => s === 0)).toHaveLength(2)
    expect(rowAt(session.store.getState(), 0)?.id).toBe(9999)
  })

  it('asks for the view again when main has forgotten it, without reporting an error', async () => {
    const { api, session, errors } = await start(1000)
    const first = session.store.getState().info!.viewId
    api.expire(first)
    session.ensureRows(500, 520)
    await settle()
    const info = session.store.getState().info!
    expect(info.viewId).not.toBe(first)
    expect(api.callsOf('setView')).toHaveLength(2)
    expect(errors).toEqual([])
    // The new view's rows arrive for the same place.
    session.ensureRows(500, 520)
    await settle()
    expect(rowAt(session.store.getState(), 500)?.id).toBe(499)
  })

  it('reports a failed call that is not an expired view', async () => {
    const { api, session, errors } = await start(100)
    api.getRows = async () => {
      throw new Error('disk on fire')
    }
    session.ensureRows(0, 10)
    await settle()
    expect(errors.map(String)).toEqual(['Error: disk on fire'])
  })

  it('asks for the view when the find controls change; the newest answer wins and the list goes to the top', async () => {
    const { api, session, find } = await start(700)
    const generation = session.store.getState().queryGeneration
    find.setState({ query: 'PutObject' })
    find.setState({ query: 'GetObject' })
    await settle()
    const state = session.store.getState()
    expect(api.callsOf('setView')).toHaveLength(3)
    expect(state.query).toBe('GetObject')
    expect(state.info?.matched).toBe(600)
    expect(state.queryGeneration).toBeGreaterThan(generation)
  })
})

describe('view session: the current event', () => {
  it('selects a row, fetches its detail, and keeps it current when the view changes', async () => {
    const { session, find } = await start(300)
    session.ensureRows(0, 100)
    await settle()
    session.selectIndex(7)
    await settle()
    const state = session.store.getState()
    expect(state.selectedId).toBe(292)
    expect(state.event && 'detail' in state.event ? JSON.parse(state.event.detail.json).eventID : null).toBe('event-292')
    // Oldest first now: the same event, found at its new place when its window arrives.
    find.setState({ sort: { column: 'time', direction: 'asc' } })
    await settle()
    session.ensureRows(200, 300)
    await settle()
    expect(session.store.getState().selectedId).toBe(292)
    expect(session.store.getState().selectedIndex).toBe(292)
  })

  it('moves to a row that has not arrived yet, and lands on it when it does (End key)', async () => {
    const { session } = await start(5000)
    session.selectIndex(10_000) // clamped to the last
    expect(session.store.getState().selectedIndex).toBe(4999)
    expect(session.store.getState().selectedId).toBeNull()
    await settle()
    expect(session.store.getState().selectedId).toBe(0)
  })

  it('forgets the view after Clear', async () => {
    const { session } = await start(100)
    session.ensureRows(0, 100)
    await settle()
    session.selectIndex(3)
    session.resetView()
    const state = session.store.getState()
    expect([state.info, state.selectedId, rowAt(state, 3)]).toEqual([null, null, undefined])
  })
})
