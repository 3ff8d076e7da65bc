// The list's multi-selection. A plain click or arrow key makes the selection just the current
// event again, Ctrl/Cmd-click toggles one, Shift-click (or Shift+arrows) selects a range.
// Ctrl/Cmd-A selects every event of the current result without fetching its ids: `all` names
// that view (main keeps its ids, selectView), and Ctrl/Cmd-clicks then take events off (`except`)
// or add others (`plus`). Compare (2 to 5 events) and exports read the selection.
import { SELECTION_LIMITS, VIEW_LIMITS } from '../../common/ipc-contract'
import { rowAt, selectedIds, isInSelection } from './session-state'
import type { SessionContext } from './session-env'
import type { ViewLogic } from './view-logic'

/** Compare takes this many events at most (base + four). */
export const MAX_COMPARE = 5
/** A Shift range fetches at most this many rows' ids (getRows' own limit). */
export const MAX_RANGE = VIEW_LIMITS.rowsPerRequest
/** How far the anchor event is looked for among the loaded rows when the view changed. */
const ANCHOR_SEARCH = 50_000
/** Ids asked per selectionMembers call. */
const MEMBERS_BATCH = SELECTION_LIMITS.memberIds

export interface SelectionLogic {
  /** Ctrl/Cmd-click: adds or removes one event, and makes it the current one. */
  toggleSelected(index: number, id: number): void
  /** Shift-click or Shift+arrows: selects from the anchor to `index` (added to the set with `keep`). */
  selectRangeTo(index: number, keep?: boolean): Promise<void>
  /** Back to the current event alone. */
  collapseSelection(): void
  /** Ctrl/Cmd-A: selects the whole current result; main keeps its ids (selectView). */
  selectAllInView(): Promise<void>
  /** Rows on screen of another view than the Ctrl/Cmd-A one: asks main which are selected, a batch at a time. */
  noteVisibleRows(viewId: number, ids: readonly number[]): void
  /** The current event changed by itself (a click, arrows, a new view emptying it). */
  currentChanged(): void
}

export function createSelectionLogic({ env, get, set }: SessionContext, view: ViewLogic): SelectionLogic {
  /** Set while a multi-selection gesture moves the current event (so it does not reset the set). */
  let moving = false
  let asking = false
  const wanted = new Set<number>()

  function moveCurrent(index: number): void {
    moving = true
    try {
      view.selectIndex(index)
    } finally {
      moving = false
    }
  }

  function currentChanged(): void {
    if (moving) return
    const { selectedId: id, selectedIndex } = get()
    set({ ids: id === null ? [] : [id], anchor: id === null ? null : { index: selectedIndex, id }, all: null })
  }

  function toggleSelected(index: number, id: number): void {
    const state = get()
    const { all } = state
    if (all) {
      // In a Ctrl/Cmd-A selection: a selected event is taken off, another one added.
      const selected = isInSelection(state, id, state.info?.viewId ?? -1)
      const except = all.except.filter((x) => x !== id)
      const plus = all.plus.filter((x) => x !== id)
      if (selected) except.push(id)
      else if (!all.except.includes(id)) plus.push(id)
      set({ all: { ...all, except, plus }, anchor: { index, id } })
    } else {
      const ids = selectedIds(state)
      set({ ids: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id], anchor: { index, id } })
    }
    moveCurrent(index)
  }

  function anchorIndex(): number {
    const state = get()
    const { anchor } = state
    if (anchor) {
      if (rowAt(state, anchor.index)?.id === anchor.id) return anchor.index
      // A new sort or filter moved it: find the anchor event among the rows loaded.
      const matched = Math.min(state.info?.matched ?? 0, ANCHOR_SEARCH)
      for (let i = 0; i < matched; i++) if (rowAt(state, i)?.id === anchor.id) return i
    }
    return state.selectedIndex >= 0 ? state.selectedIndex : 0
  }

  async function selectRangeTo(index: number, keep = false): Promise<void> {
    const from = anchorIndex()
    const first = Math.min(from, index)
    const last = Math.max(from, index)
    const base = keep ? selectedIds(get()) : []
    const apply = (ids: readonly number[]): void => {
      const known = new Set(base)
      const merged = [...base, ...ids.filter((id) => !known.has(id))]
      set({ ids: merged, all: null, anchor: get().anchor ?? { index: from, id: merged[0] } })
    }
    const loaded: number[] = []
    let missing = false
    const state = get()
    for (let i = first; i <= last; i++) {
      const row = rowAt(state, i)
      if (row) loaded.push(row.id)
      else missing = true
    }
    apply(loaded)
    moveCurrent(index)
    const viewId = get().info?.viewId
    if (!missing || viewId === undefined) return
    // Rows scrolled far away are not loaded: ask for their ids.
    try {
      const result = await env.api.getRows({ viewId, start: first, count: Math.min(last - first + 1, MAX_RANGE) })
      if (get().info?.viewId === viewId) apply(result.rows.map((r) => r.id))
    } catch {
      // the loaded part stays selected (the view expired meanwhile)
    }
  }

  function collapseSelection(): void {
    const current = get().selectedId
    set({ ids: current === null ? [] : [current], all: null })
  }

  async function selectAllInView(): Promise<void> {
    const info = get().info
    if (!info || info.matched === 0) return
    const { count } = await env.api.selectView(info.viewId)
    set({ all: { viewId: info.viewId, count, except: [], plus: [] }, ids: [], members: new Map() })
  }

  function noteVisibleRows(viewId: number, ids: readonly number[]): void {
    const { all, members } = get()
    if (!all || viewId === all.viewId) return
    for (const id of ids) if (!members.has(id)) wanted.add(id)
    if (asking || wanted.size === 0) return
    asking = true
    const batch = [...wanted].slice(0, MEMBERS_BATCH)
    env.api
      .selectionMembers({ selection: { viewId: all.viewId }, ids: batch })
      .then(
        (inside) => {
          if (get().all?.viewId !== all.viewId) return
          const yes = new Set(inside)
          const known = new Map(get().members)
          for (const id of batch) known.set(id, yes.has(id))
          set({ members: known })
        },
        () => undefined, // the view was forgotten: those rows stay unmarked
      )
      .finally(() => {
        for (const id of batch) wanted.delete(id)
        asking = false
        if (wanted.size > 0 && get().all) noteVisibleRows(viewId, [])
      })
  }

  return { toggleSelected, selectRangeTo, collapseSelection, selectAllInView, noteVisibleRows, currentChanged }
}
