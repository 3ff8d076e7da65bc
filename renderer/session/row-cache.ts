// The rows of the view on screen, kept a window of ROW_WINDOW rows at a time. Rows are never all
// in memory: the list asks for the windows it shows as it scrolls, and windows far from where the
// list is are dropped. The previous view's rows stand in while the new ones arrive, so the list
// does not blink while a load streams in. Immutable: every change makes a new cache, so React
// components that select it re-render when (and only when) rows arrive.
import type { EventRow } from '../../common/event-row'

export const ROW_WINDOW = 100
/** Windows kept per view (a few screenfuls around where the list is); farther ones are dropped. */
export const KEPT_WINDOWS = 40

export interface RowCache {
  /** The view these windows belong to; -1 before the first view. */
  readonly viewId: number
  readonly windows: ReadonlyMap<number, readonly EventRow[]>
  /** The previous view's windows, shown until this view's arrive. */
  readonly stale: ReadonlyMap<number, readonly EventRow[]>
}

export const EMPTY_ROWS: RowCache = { viewId: -1, windows: new Map(), stale: new Map() }

/** The cache for a new view: the old rows become stand-ins (none when the new view is empty). */
export function rowsForView(cache: RowCache, viewId: number, empty: boolean): RowCache {
  if (viewId === cache.viewId) return cache
  const stale = empty ? new Map() : cache.windows.size > 0 ? cache.windows : cache.stale
  return { viewId, windows: new Map(), stale }
}

/** The cache with window `w` arrived, trimmed to KEPT_WINDOWS around window `near`. */
export function withWindow(cache: RowCache, w: number, rows: readonly EventRow[], near: number): RowCache {
  const windows = new Map(cache.windows)
  windows.set(w, rows)
  if (windows.size <= KEPT_WINDOWS) return { ...cache, windows }
  const far = [...windows.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near))
  for (const drop of far.slice(0, windows.size - KEPT_WINDOWS)) windows.delete(drop)
  // Trimming means the list moved far: the old view's stand-ins are of no use any more.
  return { ...cache, windows, stale: new Map() }
}

export function windowOf(index: number): number {
  return Math.floor(index / ROW_WINDOW)
}

/** The row at a position: this view's, else the previous view's stand-in. */
export function rowIn(cache: RowCache, index: number): EventRow | undefined {
  const w = windowOf(index)
  return cache.windows.get(w)?.[index % ROW_WINDOW] ?? cache.stale.get(w)?.[index % ROW_WINDOW]
}

/** The row at a position, only if it is this view's. */
export function freshRowIn(cache: RowCache, index: number): EventRow | undefined {
  return cache.windows.get(windowOf(index))?.[index % ROW_WINDOW]
}
