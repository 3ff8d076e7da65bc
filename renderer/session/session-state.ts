// Everything the view session owns, in one zustand store: the view shown and its rows, the
// current event (the one the viewer shows) and its detail, the multi-selection, and the export
// dialog's run. Components read it through selectors (useSessionState in session-react.tsx);
// the functions below are those selectors, pure, so they are tested without a page.
import type { EventDetail, EventRow } from '../../common/event-row'
import type { EventSelection, ExportProgress, QueryError, SelectionCount, ViewInfo } from '../../common/ipc-contract'
import { EMPTY_ROWS, freshRowIn, rowIn, type RowCache } from './row-cache'

/** Ctrl/Cmd-A: every event of view `viewId` (`count` of them) minus `except`, plus `plus`. */
export interface AllSelected {
  viewId: number
  count: number
  except: number[]
  plus: number[]
}

/** The current event's detail, as the viewer shows it (null: none selected). */
export type ShownEvent = { id: number; detail: EventDetail } | { id: number; error: string } | null

export type ExportScope = 'selected' | 'result'

/** A short note after an export or a copy; `path` is set when the file can be shown in its folder. */
export interface Notice {
  kind: 'done' | 'error'
  text: string
  path?: string
}

export interface SessionState {
  // ---- the view
  /** The query of the view shown: the filter text and the quick views (see find-store). */
  query: string
  info: ViewInfo | null
  /** The error of the last query, with the text it was about; null when it parsed. */
  error: { query: string; error: QueryError } | null
  /** Bumped when the filter changed (the list goes back to the top); not when events arrive. */
  queryGeneration: number
  /**
   * The query sent and not answered yet, when it was sent (ms, Date.now), and whether it has run
   * past QUERY_SLOW_MS (set once, by the session's one timer: the running indicator and the
   * dimmed counts both read it); null when none runs.
   */
  querying: { query: string; since: number; slow: boolean } | null
  /** The query the user cancelled while it ran (the list still shows the view before it); null otherwise. */
  cancelled: string | null
  rows: RowCache
  // ---- the current event
  /** Position of the current event in the view; -1 for none. */
  selectedIndex: number
  /** The current event; it stays current across re-queries while it is still in the view. */
  selectedId: number | null
  event: ShownEvent
  // ---- the multi-selection (by id, so it survives re-sorting and filtering)
  /** Selected event ids, oldest pick first. Empty or one id: a single selection. */
  ids: number[]
  /** Where a Shift range starts: the event, and where it was last seen in the list. */
  anchor: { index: number; id: number } | null
  /** Ctrl/Cmd-A selection (its ids stay in main); null otherwise. */
  all: AllSelected | null
  /** Rows of another view than the Ctrl/Cmd-A one, known to be in (true) or out of (false) it. */
  members: ReadonlyMap<number, boolean>
  // ---- export and copy
  exportOpen: boolean
  exportScope: ExportScope
  /** The selection's size and what the current view hides of it (countHidden), once known. */
  counts: SelectionCount | null
  /** The export running from this page (its pushes), or null. */
  running: { path: string | null; progress: ExportProgress | null } | null
  notice: Notice | null
}

/** A query answered faster than this is never said to be running (no flicker while typing). */
export const QUERY_SLOW_MS = 150

export const INITIAL_STATE: SessionState = {
  query: '',
  info: null,
  error: null,
  queryGeneration: 0,
  querying: null,
  cancelled: null,
  rows: EMPTY_ROWS,
  selectedIndex: -1,
  selectedId: null,
  event: null,
  ids: [],
  anchor: null,
  all: null,
  members: new Map(),
  exportOpen: false,
  exportScope: 'result',
  counts: null,
  running: null,
  notice: null,
}

/** The row at a position of the view, if it has arrived (or the previous view's stand-in). */
export function rowAt(state: SessionState, index: number): EventRow | undefined {
  return rowIn(state.rows, index)
}

/** The row at a position, only if it is the current view's. */
export function freshRowAt(state: SessionState, index: number): EventRow | undefined {
  return freshRowIn(state.rows, index)
}

/** The selected ids (the current event alone when nothing else is picked). */
export function selectedIds(state: SessionState): number[] {
  if (state.ids.length > 0) return state.ids
  return state.selectedId === null ? [] : [state.selectedId]
}

/** Whether an event is selected, as far as the renderer knows, while view `viewId` is shown. */
export function isInSelection(state: SessionState, id: number, viewId: number): boolean {
  const { all } = state
  if (!all) return state.ids.includes(id)
  if (all.plus.includes(id)) return true
  if (all.except.includes(id)) return false
  return viewId === all.viewId || state.members.get(id) === true
}

/** Whether the selection is more than the current event (the list marks rows, Escape collapses it). */
export function isMultiSelection(state: SessionState): boolean {
  return state.all !== null || state.ids.length > 1
}

/** The selection as the services take it (null: nothing selected at all). */
export function currentSelection(state: SessionState): EventSelection | null {
  const { all } = state
  if (all) return { viewId: all.viewId, ...(all.except.length ? { except: all.except } : {}), ...(all.plus.length ? { plus: all.plus } : {}) }
  const ids = selectedIds(state)
  return ids.length > 0 ? { ids } : null
}

/** Events selected, as far as the renderer knows (countHidden counts a Ctrl/Cmd-A selection exactly). */
export function selectionSize(state: SessionState): number {
  const { all } = state
  return all ? Math.max(0, all.count - all.except.length) + all.plus.length : selectedIds(state).length
}

/** How many events the export dialog's scope stands for. */
export function scopeCount(state: SessionState, scope: ExportScope): number {
  if (scope === 'result') return state.info?.matched ?? 0
  return state.counts?.selected ?? selectionSize(state)
}
