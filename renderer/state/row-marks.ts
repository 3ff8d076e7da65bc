// Per-row marks the list shows beside an event (its detection level, its file's integrity):
// rows ask for their event's mark as they are painted, and the asks of one frame go to main as
// one call. One mechanism for every kind of mark, so a new kind is a fetch and a store.

import type { StoreApi, UseBoundStore } from 'zustand'

/** A store whose `marks` map holds the known mark of each event id. */
type MarksStore<M> = UseBoundStore<StoreApi<{ marks: Map<number, M> }>>

/**
 * Returns `want(id)`: asks, batched per animation frame, for the marks of ids not known yet.
 * `fetch` answers only the ids that carry a mark; the others are stored as `none`.
 */
export function markBatcher<M>(store: MarksStore<M>, none: M, fetch: (ids: number[]) => Promise<{ id: number; mark: M }[]>): (id: number) => void {
  let wanted = new Set<number>()
  let scheduled = false
  return (id) => {
    if (store.getState().marks.has(id) || wanted.has(id)) return
    wanted.add(id)
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(() => {
      scheduled = false
      const ids = [...wanted]
      wanted = new Set()
      void fetch(ids)
        .then((found) => {
          const marks = new Map(store.getState().marks)
          for (const asked of ids) marks.set(asked, none)
          for (const f of found) marks.set(f.id, f.mark)
          store.setState({ marks })
        })
        .catch(() => undefined)
    })
  }
}
