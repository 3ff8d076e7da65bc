// The list's multi-selection: a set of event ids (in the order they were picked) and an anchor
// for Shift ranges. It is by id, so it survives re-sorting and filtering. The view store keeps
// the one "current" event the viewer shows; a plain click or arrow key makes the selection just
// that event again, Ctrl/Cmd-click toggles one, Shift-click (or Shift+arrows) selects a range.
// Compare (2 to 5 events) and exports read `useSelection`. Ctrl/Cmd-A selects every event of the
// current result without fetching its ids: `all` names that view (kept in main by selectView),
// and Ctrl/Cmd-clicks then take events off (`except`) or add others (`plus`).
import { create } from 'zustand'
import type { EventSelection } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { rowAt, selectIndex, useView } from './view-store'

/** Compare takes this many events at most (base + four). */
export const MAX_COMPARE = 5
/** A Shift range fetches at most this many rows' ids. */
const MAX_RANGE = 10_000

interface SelectionState {
  /** Selected event ids, oldest pick first. Empty or one id: a single selection. */
  ids: number[]
  /** Where a Shift range starts: the event, and where it was last seen in the list. */
  anchor: { index: number; id: number } | null
  /** Ctrl/Cmd-A: every event of view `viewId` (`count` of them) minus `except`, plus `plus`; null otherwise. */
  all: AllSelected | null
}

export interface AllSelected {
  viewId: number
  count: number
  except: number[]
  plus: number[]
}

export const useSelection = create<SelectionState>()(() => ({ ids: [], anchor: null, all: null }))

const set = useSelection.setState
const get = useSelection.getState

/** Set while a multi-selection gesture moves the current event (so it does not reset the set). */
let moving = false

function moveCurrent(index: number): void {
  moving = true
  try {
    selectIndex(index)
  } finally {
    moving = false
  }
}

// A plain selection change (click, arrows, a new view emptying it) makes the selection that event.
useView.subscribe((state, previous) => {
  if (moving || state.selectedId === previous.selectedId) return
  const id = state.selectedId
  set({ ids: id === null ? [] : [id], anchor: id === null ? null : { index: state.selectedIndex, id }, all: null })
})

/** The selected ids (the current event alone when nothing else is picked). */
export function selectedIds(): number[] {
  const { ids } = get()
  if (ids.length > 0) return ids
  const current = useView.getState().selectedId
  return current === null ? [] : [current]
}

/** Ctrl/Cmd-click: adds or removes one event, and makes it the current one. */
export function toggleSelected(index: number, id: number): void {
  const { all } = get()
  if (all) {
    // In a Ctrl/Cmd-A selection: a selected event is taken off, another one added.
    const selected = isInSelection(id, useView.getState().info?.viewId ?? -1)
    const except = all.except.filter((x) => x !== id)
    const plus = all.plus.filter((x) => x !== id)
    if (selected) except.push(id)
    else if (!all.except.includes(id)) plus.push(id)
    set({ all: { ...all, except, plus }, anchor: { index, id } })
    moveCurrent(index)
    return
  }
  const ids = selectedIds()
  const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]
  set({ ids: next, anchor: { index, id } })
  moveCurrent(index)
}

/** How far the anchor event is looked for among the loaded rows when the view changed. */
const ANCHOR_SEARCH = 50_000

function anchorIndex(): number {
  const { anchor } = get()
  const view = useView.getState()
  if (anchor) {
    if (rowAt(anchor.index)?.id === anchor.id) return anchor.index
    // A new sort or filter moved it: find the anchor event among the rows loaded.
    const matched = Math.min(view.info?.matched ?? 0, ANCHOR_SEARCH)
    for (let i = 0; i < matched; i++) if (rowAt(i)?.id === anchor.id) return i
  }
  return view.selectedIndex >= 0 ? view.selectedIndex : 0
}

/** Shift-click or Shift+arrows: selects from the anchor to `index` (added to the set with `keep`). */
export function selectRangeTo(index: number, keep = false): void {
  const from = anchorIndex()
  const first = Math.min(from, index)
  const last = Math.max(from, index)
  const base = keep ? selectedIds() : []
  const apply = (ids: number[]): void => {
    const known = new Set(base)
    const merged = [...base, ...ids.filter((id) => !known.has(id))]
    set({ ids: merged, all: null, anchor: get().anchor ?? { index: from, id: merged[0] } })
  }
  const known: number[] = []
  let missing = false
  for (let i = first; i <= last; i++) {
    const row = rowAt(i)
    if (row) known.push(row.id)
    else missing = true
  }
  apply(known)
  moveCurrent(index)
  const viewId = useView.getState().info?.viewId
  if (!missing || viewId === undefined) return
  // Rows scrolled far away are not loaded: ask for their ids.
  const count = Math.min(last - first + 1, MAX_RANGE)
  getApi()
    .getRows({ viewId, start: first, count })
    .then(
      (result) => {
        if (useView.getState().info?.viewId === viewId) apply(result.rows.map((r) => r.id))
      },
      () => undefined, // the loaded part stays selected
    )
}

/** Back to the current event alone. */
export function collapseSelection(): void {
  const current = useView.getState().selectedId
  set({ ids: current === null ? [] : [current], all: null })
}

/** Drops one id (a compare tab closed, an event that no longer exists). */
export function unselect(id: number): void {
  set({ ids: get().ids.filter((x) => x !== id) })
}

// ------------------------------------------------------------------------------ Ctrl/Cmd-A

/** Rows of another view than the Ctrl/Cmd-A one, known to be in (true) or out of (false) it. */
let members = new Map<number, boolean>()
const membersChanged = new Set<() => void>()

/** Ctrl/Cmd-A: selects the whole current result; main keeps its ids (selectView). */
export async function selectAllInView(): Promise<void> {
  const info = useView.getState().info
  if (!info || info.matched === 0) return
  const { count } = await getApi().selectView(info.viewId)
  members = new Map()
  set({ all: { viewId: info.viewId, count, except: [], plus: [] }, ids: [] })
}

/** Whether an event is selected, as far as the renderer knows, while view `viewId` is shown. */
export function isInSelection(id: number, viewId: number): boolean {
  const { all, ids } = get()
  if (!all) return ids.includes(id)
  if (all.plus.includes(id)) return true
  if (all.except.includes(id)) return false
  return viewId === all.viewId || members.get(id) === true
}

/** The selection as the services take it (null: nothing selected at all). */
export function currentSelection(): EventSelection | null {
  const { all } = get()
  if (all) return { viewId: all.viewId, ...(all.except.length ? { except: all.except } : {}), ...(all.plus.length ? { plus: all.plus } : {}) }
  const ids = selectedIds()
  return ids.length > 0 ? { ids } : null
}

/** Events selected, as far as the renderer knows (countHidden counts a Ctrl/Cmd-A selection exactly). */
export function selectionSize(): number {
  const { all } = get()
  return all ? Math.max(0, all.count - all.except.length) + all.plus.length : selectedIds().length
}

let asking = false
const wanted = new Set<number>()

/** Rows on screen of another view than the Ctrl/Cmd-A one: asks main which are selected, a batch at a time. */
export function noteVisibleRows(viewId: number, ids: readonly number[]): void {
  const { all } = get()
  if (!all || viewId === all.viewId) return
  for (const id of ids) if (!members.has(id)) wanted.add(id)
  if (asking || wanted.size === 0) return
  asking = true
  const batch = [...wanted].slice(0, 10_000)
  getApi()
    .selectionMembers({ selection: { viewId: all.viewId }, ids: batch })
    .then(
      (inside) => {
        if (get().all?.viewId !== all.viewId) return
        const yes = new Set(inside)
        for (const id of batch) members.set(id, yes.has(id))
        for (const listener of membersChanged) listener()
      },
      () => undefined, // the view was forgotten: those rows stay unmarked
    )
    .finally(() => {
      for (const id of batch) wanted.delete(id)
      asking = false
      if (wanted.size > 0 && get().all) noteVisibleRows(viewId, [])
    })
}

/** Runs `listener` when rows' membership arrived (the list redraws its marks). */
export function onMembersChanged(listener: () => void): () => void {
  membersChanged.add(listener)
  return () => {
    membersChanged.delete(listener)
  }
}
