// The list's multi-selection: a set of event ids (in the order they were picked) and an anchor
// for Shift ranges. It is by id, so it survives re-sorting and filtering. The view store keeps
// the one "current" event the viewer shows; a plain click or arrow key makes the selection just
// that event again, Ctrl/Cmd-click toggles one, Shift-click (or Shift+arrows) selects a range.
// Compare (2 to 5 events) and exports read `useSelection`.
import { create } from 'zustand'
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
}

export const useSelection = create<SelectionState>()(() => ({ ids: [], anchor: null }))

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
  set({ ids: id === null ? [] : [id], anchor: id === null ? null : { index: state.selectedIndex, id } })
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
    const merged = [...base, ...ids.filter((id) => !base.includes(id))]
    set({ ids: merged, anchor: get().anchor ?? { index: from, id: merged[0] } })
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
  set({ ids: current === null ? [] : [current] })
}

/** Drops one id (a compare tab closed, an event that no longer exists). */
export function unselect(id: number): void {
  set({ ids: get().ids.filter((x) => x !== id) })
}
