// Where the window was: its size and place when it closed, and whether it was maximized, kept in
// userData/window-state.json and checked against the displays there are now (a monitor may have
// gone, or its resolution changed). Pure, so it is tested directly.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect
  maximized: boolean
}

export interface SizeLimits {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** At least this much of the window's top edge (where it is dragged from) must be on a display. */
const GRAB_WIDTH = 100
const GRAB_HEIGHT = 40

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((key) => typeof r[key] === 'number' && Number.isFinite(r[key]) && Math.abs(r[key] as number) < 1e6)
}

/** A saved state read back from disk (anything may be there); null when it is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const { bounds, maximized } = value as Record<string, unknown>
  if (!isRect(bounds) || bounds.width <= 0 || bounds.height <= 0) return null
  return {
    bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) },
    maximized: maximized === true,
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

/**
 * The bounds to open the window with. Without a saved state, or when the saved place is on no
 * display now, the default size, centred by the OS (no x/y); the size is always kept within the
 * minimum and the largest display's work area.
 */
export function restoreWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  limits: SizeLimits,
): { bounds: { x?: number; y?: number; width: number; height: number }; maximized: boolean } {
  const maxWidth = Math.max(limits.minWidth, ...workAreas.map((a) => a.width))
  const maxHeight = Math.max(limits.minHeight, ...workAreas.map((a) => a.height))
  const clampSize = (width: number, height: number) => ({
    width: Math.min(Math.max(width, limits.minWidth), maxWidth),
    height: Math.min(Math.max(height, limits.minHeight), maxHeight),
  })
  if (!saved) return { bounds: clampSize(limits.width, limits.height), maximized: false }
  const size = clampSize(saved.bounds.width, saved.bounds.height)
  const titleBar: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: size.width, height: GRAB_HEIGHT }
  const reachable = workAreas.some((area) => {
    const seen = overlap(titleBar, area)
    return seen.width >= Math.min(GRAB_WIDTH, size.width) && seen.height >= Math.min(GRAB_HEIGHT / 2, titleBar.height)
  })
  if (!reachable) return { bounds: size, maximized: saved.maximized }
  return { bounds: { x: saved.bounds.x, y: saved.bounds.y, ...size }, maximized: saved.maximized }
}
