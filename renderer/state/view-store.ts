// The view (filter text -> matching events, newest first) and the selection. Rows are never all
// in memory: the list asks for windows of ROW_WINDOW rows of the current view as it scrolls; they
// are cached here by viewId (the previous view's rows stand in while the new ones arrive, so the
// list does not blink while a load streams in).
import { create } from 'zustand'
import type { EventRow } from '../../common/event-row'
import { isCallError } from '../../common/call-errors'
import type { QueryError, ViewInfo, ViewSpec } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { windowsCovering } from '../list/virtual-window'
import { useLoad } from './load-store'
import { useFind } from './find-store'
import { viewSpecOf } from './view-spec'

export const ROW_WINDOW = 100
/** Windows kept per view (a few screenfuls around where the list is); farther ones are dropped. */
const KEPT_WINDOWS = 40
/** Re-query at most this often while events stream in. */
const REQUERY_INTERVAL_MS = 250

interface ViewState {
  /** The query of the view shown: the filter text and the quick views (see find-store). */
  query: string
  info: ViewInfo | null
  /** The error of the last query, with the text it was about; null when it parsed. */
  error: { query: string; error: QueryError } | null
  /** Bumped whenever a window of rows arrives or the view changes. */
  cacheVersion: number
  /** Position of the selection in the view; -1 for none. */
  selectedIndex: number
  /** The selected event; it stays selected across re-queries while it is still in the view. */
  selectedId: number | null
  /** Bumped when the filter text changed (the list goes back to the top); not when events arrive. */
  queryGeneration: number
}

export const useView = create<ViewState>()(() => ({
  query: '',
  info: null,
  error: null,
  cacheVersion: 0,
  selectedIndex: -1,
  selectedId: null,
  queryGeneration: 0,
}))

const set = useView.setState
const get = useView.getState

class RowCache {
  viewId = -1
  windows = new Map<number, EventRow[]>()
  stale = new Map<number, EventRow[]>()
  pending = new Set<number>()

  reset(viewId: number): void {
    if (this.windows.size > 0) this.stale = this.windows
    this.windows = new Map()
    this.pending = new Set()
    this.viewId = viewId
  }

  /** The row at a position: this view's, else the previous view's stand-in. */
  row(index: number): EventRow | undefined {
    const w = Math.floor(index / ROW_WINDOW)
    return this.windows.get(w)?.[index % ROW_WINDOW] ?? this.stale.get(w)?.[index % ROW_WINDOW]
  }

  /** Drops the windows farthest from window `near` while there are more than KEPT_WINDOWS. */
  trim(near: number): void {
    if (this.windows.size <= KEPT_WINDOWS) return
    const far = [...this.windows.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near))
    for (const w of far.slice(0, this.windows.size - KEPT_WINDOWS)) this.windows.delete(w)
    this.stale.clear()
  }

  /** The row at a position, only if it is this view's. */
  freshRow(index: number): EventRow | undefined {
    return this.windows.get(Math.floor(index / ROW_WINDOW))?.[index % ROW_WINDOW]
  }
}

const cache = new RowCache()
/** A position the keyboard moved to whose row had not arrived yet. */
let pendingIndex: number | null = null

/** The row at a position of the current view, if it has arrived (read during render). */
export function rowAt(index: number): EventRow | undefined {
  return cache.row(index)
}

function bump(): void {
  set({ cacheVersion: get().cacheVersion + 1 })
}

function reportError(error: unknown): void {
  useLoad.getState().setCallError(error instanceof Error ? error.message : String(error))
}

let querySeq = 0
/** What the last view shown was asked for (query, range, sort), to tell a new filter from new events. */
let shownKey = ''
/** The newest eventTime loaded, as last reported: time presets count back from it. */
let knownNewest: number | null = null

/** The spec the find controls stand for now (for exports of "the current result"). */
export function currentViewSpec(): ViewSpec {
  return viewSpecOf(useFind.getState(), knownNewest)
}

/** Evaluates the current filter again and switches the list to the result. */
export async function requery(): Promise<void> {
  const seq = ++querySeq
  const find = useFind.getState()
  const newest = knownNewest
  const spec = viewSpecOf(find, newest)
  const query = spec.query
  let info: ViewInfo
  try {
    info = await getApi().setView(spec)
  } catch (error) {
    if (seq === querySeq) reportError(error)
    return
  }
  if (seq !== querySeq) return // a newer query was sent meanwhile
  knownNewest = info.newest
  if (find.range.kind === 'preset' && info.newest !== newest) {
    // The preset counted back from an older newest event: ask again from the new one.
    void requery()
    return
  }
  if (info.viewId !== cache.viewId) {
    cache.reset(info.viewId)
    if (info.total === 0) cache.stale = new Map()
  }
  const patch: Partial<ViewState> = { info, error: info.error ? { query, error: info.error } : null, cacheVersion: get().cacheVersion + 1 }
  const key = JSON.stringify([query, find.range, spec.sort])
  if (key !== shownKey && !info.error) {
    shownKey = key
    patch.queryGeneration = get().queryGeneration + 1
  }
  patch.query = query
  if (info.total === 0) {
    patch.selectedId = null
    patch.selectedIndex = -1
    pendingIndex = null
  }
  set(patch)
}

// The find controls changed (the filter text once it parses and typing paused, a quick view, the
// time range, the sort): ask for the view now; the newest request wins.
useFind.subscribe((state, previous) => {
  if (state.query !== previous.query || state.quick !== previous.quick || state.range !== previous.range || state.sort !== previous.sort) void requery()
})

let lastRequery = 0
let requeryTimer: ReturnType<typeof setTimeout> | undefined
/** The loaded set changed: query again, at most every REQUERY_INTERVAL_MS (first and last run). */
export function scheduleRequery(): void {
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

function windowArrived(w: number, rows: EventRow[]): void {
  const start = w * ROW_WINDOW
  const { selectedId, selectedIndex } = get()
  if (pendingIndex !== null && pendingIndex >= start && pendingIndex < start + rows.length) {
    const index = pendingIndex
    pendingIndex = null
    set({ selectedId: rows[index - start].id, selectedIndex: index })
    return
  }
  if (selectedId !== null && pendingIndex === null) {
    const at = rows.findIndex((r) => r.id === selectedId)
    if (at >= 0 && start + at !== selectedIndex) set({ selectedIndex: start + at })
  }
}

/** Makes sure rows [first, last) of the current view are fetched (in windows of ROW_WINDOW). */
let lastFirst = 0

export function ensureRows(first: number, last: number): void {
  lastFirst = first
  const viewId = cache.viewId
  if (viewId < 0) return
  for (const w of windowsCovering(first, last, ROW_WINDOW)) {
    if (cache.windows.has(w) || cache.pending.has(w)) continue
    cache.pending.add(w)
    getApi()
      .getRows({ viewId, start: w * ROW_WINDOW, count: ROW_WINDOW })
      .then((result) => {
        if (cache.viewId !== viewId) return
        cache.pending.delete(w)
        cache.windows.set(w, result.rows)
        cache.trim(Math.floor(lastFirst / ROW_WINDOW))
        windowArrived(w, result.rows)
        bump()
      })
      .catch((error: unknown) => {
        if (cache.viewId !== viewId) return
        cache.pending.delete(w)
        // Views are forgotten after a while: ask for the view again, which refetches.
        if (isCallError(error, 'view-expired')) scheduleRequery()
        else reportError(error)
      })
  }
}

/** Selects the row at a position of the view (clamped). */
export function selectIndex(index: number): void {
  const matched = get().info?.matched ?? 0
  if (matched === 0) return
  const clamped = Math.min(Math.max(0, index), matched - 1)
  const row = cache.freshRow(clamped)
  if (row) {
    pendingIndex = null
    set({ selectedIndex: clamped, selectedId: row.id })
  } else {
    pendingIndex = clamped
    set({ selectedIndex: clamped })
    ensureRows(clamped, clamped + 1)
  }
}

/** Forget the view (after Clear): the next query starts afresh. */
export function resetView(): void {
  knownNewest = null
  cache.reset(-1)
  cache.stale = new Map()
  pendingIndex = null
  set({ info: null, selectedId: null, selectedIndex: -1, cacheVersion: get().cacheVersion + 1 })
}
