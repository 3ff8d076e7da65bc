// The view and the current event: asking main for the view the find controls stand for (the
// newest request wins), fetching the windows of rows the list shows, moving the current event
// (also to a row that has not arrived yet), and fetching the current event's detail.
import type { EventRow } from '../../common/event-row'
import type { ViewInfo } from '../../common/ipc-contract'
import { windowsCovering } from '../list/virtual-window'
import { viewSpecOf } from '../state/view-spec'
import { ROW_WINDOW, rowsForView, windowOf, withWindow, EMPTY_ROWS } from './row-cache'
import { freshRowAt, QUERY_SLOW_MS, type SessionState } from './session-state'
import type { SessionContext } from './session-env'
import { isViewExpired } from './view-expired'
import { isCallError } from '../../common/call-errors'
import { callErrorWords } from '../api/call-error-text'

/** Re-query at most this often while events stream in. */
export const REQUERY_INTERVAL_MS = 250

export interface ViewLogic {
  /** Evaluates the current filter again and switches the list to the result. */
  requery(): Promise<void>
  /** Stops the query still running in main; the list keeps the view before it (state.cancelled says so). */
  cancelQuery(): Promise<void>
  /** The loaded set changed: query again, at most every REQUERY_INTERVAL_MS (first and last run). */
  scheduleRequery(): void
  /** Makes sure rows [first, last) of the current view are fetched (in windows of ROW_WINDOW). */
  ensureRows(first: number, last: number): void
  /** Makes the row at a position of the view (clamped) the current event. */
  selectIndex(index: number): void
  /** Makes an event current by id, wherever it is (a link from the identity panels). */
  showEvent(id: number): void
  /** Forget the view (after Clear): the next query starts afresh. */
  resetView(): void
  /** The current event changed: fetch its detail for the viewer. */
  fetchCurrentEvent(): void
  dispose(): void
}

export function createViewLogic({ env, get, set }: SessionContext): ViewLogic {
  let querySeq = 0
  /** What the last view shown was asked for (query, range, sort), to tell a new filter from new events. */
  let shownKey = ''
  /** The newest eventTime loaded, as last reported: time presets count back from it. */
  let knownNewest: number | null = null
  /** A position the keyboard moved to whose row had not arrived yet. */
  let pendingIndex: number | null = null
  /** Windows asked for and not yet answered, of view rows.viewId. */
  let pending = new Set<number>()
  /** Where the list last asked from: windows far from it are dropped first. */
  let lastFirst = 0
  let lastRequery = 0
  let requeryTimer: ReturnType<typeof setTimeout> | undefined
  /** The one timer that marks a running query slow (QUERY_SLOW_MS). */
  let slowTimer: ReturnType<typeof setTimeout> | undefined
  let eventSeq = 0

  async function requery(): Promise<void> {
    const seq = ++querySeq
    const find = env.find.getState()
    const newest = knownNewest
    const spec = viewSpecOf(find, newest)
    let info: ViewInfo
    // Said at once; the status area shows it only once it is slow, so fast queries never flicker.
    const querying = { query: spec.query, since: Date.now(), slow: false }
    set({ querying })
    clearTimeout(slowTimer)
    slowTimer = setTimeout(() => {
      if (get().querying === querying) set({ querying: { ...querying, slow: true } })
    }, QUERY_SLOW_MS)
    try {
      info = await env.api.setView(spec)
    } catch (error) {
      if (seq !== querySeq) return
      const cancelled = isCallError(error, 'query-cancelled')
      set({ querying: null, ...(cancelled ? { cancelled: spec.query } : {}) })
      if (!cancelled) env.reportError(error)
      return
    }
    if (seq !== querySeq) return // a newer query was sent meanwhile
    knownNewest = info.newest
    if (find.range.kind === 'preset' && info.newest !== newest) {
      // The preset counted back from an older newest event: ask again from the new one.
      void requery()
      return
    }
    const state = get()
    const patch: Partial<SessionState> = { info, query: spec.query, error: info.error ? { query: spec.query, error: info.error } : null, querying: null, cancelled: null }
    if (info.viewId !== state.rows.viewId) {
      patch.rows = rowsForView(state.rows, info.viewId, info.total === 0)
      pending = new Set()
    }
    const key = JSON.stringify([spec.query, find.range, spec.sort])
    if (key !== shownKey && !info.error) {
      shownKey = key
      patch.queryGeneration = state.queryGeneration + 1
    }
    if (info.total === 0) {
      patch.selectedId = null
      patch.selectedIndex = -1
      pendingIndex = null
    }
    set(patch)
  }

  async function cancelQuery(): Promise<void> {
    // The running setView then fails with 'query-cancelled' (handled in requery); when it had
    // finished meanwhile, its answer is already on its way and simply shows.
    try {
      await env.api.cancelView()
    } catch (error) {
      env.reportError(error)
    }
  }

  function scheduleRequery(): void {
    if (requeryTimer !== undefined) return
    const wait = REQUERY_INTERVAL_MS - (Date.now() - lastRequery)
    const run = (): void => {
      requeryTimer = undefined
      lastRequery = Date.now()
      void requery()
    }
    if (wait <= 0) run()
    else requeryTimer = setTimeout(run, wait)
  }

  /** A window arrived: a pending keyboard move lands on it, or the current event is found in it. */
  function windowArrived(w: number, rows: readonly EventRow[], patch: Partial<SessionState>): void {
    const start = w * ROW_WINDOW
    const { selectedId, selectedIndex } = get()
    if (pendingIndex !== null && pendingIndex >= start && pendingIndex < start + rows.length) {
      const index = pendingIndex
      pendingIndex = null
      patch.selectedId = rows[index - start].id
      patch.selectedIndex = index
      return
    }
    if (selectedId !== null && pendingIndex === null) {
      const at = rows.findIndex((r) => r.id === selectedId)
      if (at >= 0 && start + at !== selectedIndex) patch.selectedIndex = start + at
    }
  }

  function ensureRows(first: number, last: number): void {
    lastFirst = first
    const viewId = get().rows.viewId
    if (viewId < 0) return
    for (const w of windowsCovering(first, last, ROW_WINDOW)) {
      if (get().rows.windows.has(w) || pending.has(w)) continue
      const asked = pending
      asked.add(w)
      env.api
        .getRows({ viewId, start: w * ROW_WINDOW, count: ROW_WINDOW })
        .then((result) => {
          if (get().rows.viewId !== viewId) return
          asked.delete(w)
          const patch: Partial<SessionState> = { rows: withWindow(get().rows, w, result.rows, windowOf(lastFirst)) }
          windowArrived(w, result.rows, patch)
          set(patch)
        })
        .catch((error: unknown) => {
          if (get().rows.viewId !== viewId) return
          asked.delete(w)
          // Views are forgotten after a while: ask for the view again, which refetches.
          if (isViewExpired(error)) scheduleRequery()
          else env.reportError(error)
        })
    }
  }

  function selectIndex(index: number): void {
    const matched = get().info?.matched ?? 0
    if (matched === 0) return
    const clamped = Math.min(Math.max(0, index), matched - 1)
    const row = freshRowAt(get(), clamped)
    if (row) {
      pendingIndex = null
      set({ selectedIndex: clamped, selectedId: row.id })
    } else {
      pendingIndex = clamped
      set({ selectedIndex: clamped })
      ensureRows(clamped, clamped + 1)
    }
  }

  function showEvent(id: number): void {
    pendingIndex = null
    set({ selectedId: id, selectedIndex: -1 })
  }

  function resetView(): void {
    knownNewest = null
    pendingIndex = null
    pending = new Set()
    set({ info: null, selectedId: null, selectedIndex: -1, rows: EMPTY_ROWS })
  }

  function fetchCurrentEvent(): void {
    const seq = ++eventSeq
    const id = get().selectedId
    if (id === null) {
      set({ event: null })
      return
    }
    env.api.getEvent(id).then(
      (detail) => seq === eventSeq && set({ event: { id, detail } }),
      (error: unknown) => seq === eventSeq && set({ event: { id, error: callErrorWords(error, env.messages()) } }),
    )
  }

  return {
    requery,
    cancelQuery,
    scheduleRequery,
    ensureRows,
    selectIndex,
    showEvent,
    resetView,
    fetchCurrentEvent,
    dispose: () => {
      clearTimeout(requeryTimer)
      clearTimeout(slowTimer)
    },
  }
}
