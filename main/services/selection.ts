// The list's selection on the services' side: explicit event ids, or "every event of a view"
// (Ctrl/Cmd-A) minus a few. Turned here into the ids an export or a copy writes, in the order the
// user sees them, and counted against the view on screen (how many selected events it hides).
// Pure over the store's size and times, so it is tested without a loaded service.

import type { EventSelection, SelectionCount } from '../../common/ipc-contract'
import { viewExpired } from './service-errors'

/** What a selection is resolved against: the loaded set's size and eventTimes (NaN: none). */
export interface SelectionStore {
  readonly size: number
  readonly times: ArrayLike<number>
}

/** Finds a kept view's ids (the selected view, or one of the view cache's); undefined when forgotten. */
export type ViewLookup = (viewId: number) => Uint32Array | undefined

export { VIEW_EXPIRED } from './service-errors'

/** One bit per loaded event. */
export class IdBits {
  private readonly bits: Uint32Array

  constructor(size: number) {
    this.bits = new Uint32Array(Math.ceil(size / 32))
  }

  static of(size: number, ids: ArrayLike<number>): IdBits {
    const set = new IdBits(size)
    for (let i = 0; i < ids.length; i++) set.add(ids[i])
    return set
  }

  add(id: number): void {
    this.bits[id >>> 5] |= 1 << (id & 31)
  }

  delete(id: number): void {
    this.bits[id >>> 5] &= ~(1 << (id & 31))
  }

  has(id: number): boolean {
    return id >= 0 && id >>> 5 < this.bits.length && (this.bits[id >>> 5] & (1 << (id & 31))) !== 0
  }
}

/** Explicit ids that name loaded events, each once, in the order given. */
function cleanIds(ids: readonly number[], size: number): number[] {
  const seen = new IdBits(size)
  const out: number[] = []
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0 || id >= size || seen.has(id)) continue
    seen.add(id)
    out.push(id)
  }
  return out
}

function viewIdsOf(lookup: ViewLookup, viewId: number): Uint32Array {
  const ids = lookup(viewId)
  if (!ids) throw viewExpired()
  return ids
}

/** Ordered by eventTime (events without one last), then by id: the order CloudTrail files keep. */
function byTime(store: SelectionStore, ids: number[]): number[] {
  const times = store.times
  const key = (id: number): number => (Number.isNaN(times[id]) ? Infinity : times[id])
  return ids.sort((a, b) => key(a) - key(b) || a - b)
}

/**
 * The ids a selection stands for, in the order they are written: a view selection in that view's
 * order; explicit ids in the order `orderViewId` shows them, and those it does not show after, by
 * time (without an order view: all by time).
 */
export function resolveSelection(store: SelectionStore, selection: EventSelection, lookup: ViewLookup, orderViewId?: number): Uint32Array {
  if ('viewId' in selection) {
    const ids = viewIdsOf(lookup, selection.viewId)
    const except = selection.except?.length ? IdBits.of(store.size, cleanIds(selection.except, store.size)) : null
    const plus = selection.plus?.length ? cleanIds(selection.plus, store.size) : []
    if (!except && plus.length === 0) return ids
    // The view's events in its order (less the exceptions), then the added ones it does not hold, by time.
    const inView = plus.length > 0 ? IdBits.of(store.size, ids) : null
    const added = byTime(store, plus.filter((id) => !inView!.has(id) && !except?.has(id)))
    const out = new Uint32Array(ids.length + added.length)
    let n = 0
    for (let i = 0; i < ids.length; i++) if (!except?.has(ids[i])) out[n++] = ids[i]
    for (const id of added) out[n++] = id
    return out.subarray(0, n)
  }
  const ids = cleanIds(selection.ids, store.size)
  const order = orderViewId === undefined ? undefined : lookup(orderViewId)
  if (!order) return Uint32Array.from(byTime(store, ids))
  const wanted = IdBits.of(store.size, ids)
  const out = new Uint32Array(ids.length)
  let n = 0
  const shown = new IdBits(store.size)
  for (let i = 0; i < order.length && n < ids.length; i++) {
    const id = order[i]
    if (wanted.has(id)) {
      out[n++] = id
      shown.add(id)
    }
  }
  for (const id of byTime(store, ids.filter((id) => !shown.has(id)))) out[n++] = id
  return out
}

/** How many events the selection holds and how many of them `viewId` does not show. */
export function countHidden(store: SelectionStore, selection: EventSelection, lookup: ViewLookup, viewId: number): SelectionCount {
  const visible = IdBits.of(store.size, viewIdsOf(lookup, viewId))
  const selected = resolveSelection(store, selection, lookup)
  let hidden = 0
  for (let i = 0; i < selected.length; i++) if (!visible.has(selected[i])) hidden++
  return { selected: selected.length, hidden }
}

/** Which of `ids` the selection holds, in the order given. */
export function selectionMembers(store: SelectionStore, selection: EventSelection, lookup: ViewLookup, ids: readonly number[]): number[] {
  const members = IdBits.of(store.size, resolveSelection(store, selection, lookup))
  return ids.filter((id) => members.has(id))
}
