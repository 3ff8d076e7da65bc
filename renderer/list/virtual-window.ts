// The geometry of the virtualized list: which rows a scroll position shows and where each one
// goes. Pure. Browsers cap an element's height (~16-33 million px), so for very long lists the
// scrollbar is scaled: the scroll range stands for the whole list, rows are placed relative to it.

/** Tallest spacer we let the browser lay out. */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface VirtualWindow {
  /** Height of the spacer that gives the scrollbar its range. */
  spacerHeight: number
  /** First and one-past-last row to render (overscan included), clamped to [0, count]. */
  first: number
  last: number
  /** Content pixels per scroll pixel: 1 unless the list is taller than MAX_SCROLL_HEIGHT. */
  ratio: number
  /** Where row i goes, in the scroll container's coordinates. */
  top(i: number): number
}

export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 8): VirtualWindow {
  const contentHeight = count * rowHeight
  const spacerHeight = Math.min(contentHeight, MAX_SCROLL_HEIGHT)
  const scrollRange = Math.max(0, spacerHeight - viewportHeight)
  const contentRange = Math.max(0, contentHeight - viewportHeight)
  const ratio = scrollRange > 0 ? contentRange / scrollRange : 1
  const clampedScroll = Math.min(Math.max(0, scrollTop), scrollRange)
  const contentTop = clampedScroll * ratio
  const first = Math.max(0, Math.floor(contentTop / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((contentTop + viewportHeight) / rowHeight) + overscan)
  return {
    spacerHeight,
    first,
    last,
    ratio,
    top: (i: number) => i * rowHeight - contentTop + clampedScroll,
  }
}

/**
 * The scrollTop that brings row `index` fully into view, or null when it already is.
 * (Scrolls as little as possible: the row ends up at the top or the bottom edge.)
 */
export function scrollToReveal(index: number, count: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const w = virtualWindow(count, rowHeight, scrollTop, viewportHeight, 0)
  const contentTop = Math.min(Math.max(0, scrollTop), Math.max(0, w.spacerHeight - viewportHeight)) * w.ratio
  const rowTop = index * rowHeight
  const rowBottom = rowTop + rowHeight
  let target: number
  if (rowTop < contentTop) target = rowTop
  else if (rowBottom > contentTop + viewportHeight) target = rowBottom - viewportHeight
  else return null
  return Math.max(0, target / w.ratio)
}

/** The windows (of `size` rows) covering rows [first, last). */
export function windowsCovering(first: number, last: number, size: number): number[] {
  const out: number[] = []
  if (last <= first) return out
  for (let w = Math.floor(first / size); w <= Math.floor((last - 1) / size); w++) out.push(w)
  return out
}
