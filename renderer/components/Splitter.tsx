// The list | viewer splitter: a visible grip, dragged or moved with the keyboard (arrows, Home,
// End); both panes keep a minimum width whatever the fraction (the grid clamps it).
import { useRef } from 'react'
import { useT } from '../state/language-store'
import { useUi } from '../state/ui-store'

/** Least widths of the panes, px: the list keeps its first columns, the viewer its header and JSON. */
export const LIST_MIN_PX = 420
export const VIEWER_MIN_PX = 340
const SPLITTER_PX = 8
const KEY_STEP = 0.02

/** Until the user moves the splitter, the list gets at least this much: its default columns whole at 1280 px. */
export const LIST_DEFAULT_PX = 740

/** The workspace grid's columns for a list fraction, with both minimums held. */
export function splitColumns(fraction: number, chosen = true): string {
  const wanted = chosen ? `${fraction * 100}%` : `max(${fraction * 100}%, ${LIST_DEFAULT_PX}px)`
  return `clamp(${LIST_MIN_PX}px, ${wanted}, calc(100% - ${VIEWER_MIN_PX + SPLITTER_PX}px)) ${SPLITTER_PX}px minmax(${VIEWER_MIN_PX}px, 1fr)`
}

export function Splitter() {
  const t = useT()
  const setListFraction = useUi((s) => s.setListFraction)
  const listFraction = useUi((s) => s.listFraction)
  const dragging = useRef(false)
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t.splitterLabel}
      aria-valuemin={10}
      aria-valuemax={90}
      aria-valuenow={Math.round(listFraction * 100)}
      tabIndex={0}
      data-testid="splitter"
      onPointerDown={(e) => {
        dragging.current = true
        e.currentTarget.setPointerCapture(e.pointerId)
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return
        const parent = e.currentTarget.parentElement
        if (!parent) return
        const box = parent.getBoundingClientRect()
        setListFraction((e.clientX - box.left) / box.width)
      }}
      onPointerUp={(e) => {
        dragging.current = false
        e.currentTarget.releasePointerCapture(e.pointerId)
      }}
      onKeyDown={(e) => {
        // Home and End go to where the panes' minimums put the limits (the fraction stays one the
        // grid shows, so the next arrow moves the splitter at once).
        const width = e.currentTarget.parentElement?.getBoundingClientRect().width ?? 0
        const least = width > 0 ? LIST_MIN_PX / width : 0.1
        const most = width > 0 ? 1 - (VIEWER_MIN_PX + SPLITTER_PX) / width : 0.9
        // Where the splitter is drawn (the default layout can differ from the stored fraction).
        const listWidth = e.currentTarget.previousElementSibling?.getBoundingClientRect().width ?? 0
        const current = width > 0 && listWidth > 0 ? listWidth / width : Math.min(most, Math.max(least, listFraction))
        const next =
          e.key === 'ArrowLeft' ? current - KEY_STEP : e.key === 'ArrowRight' ? current + KEY_STEP : e.key === 'Home' ? least : e.key === 'End' ? most : null
        if (next === null) return
        e.preventDefault()
        setListFraction(Math.min(most, Math.max(least, next)))
      }}
    >
      <span className="splitter__grip" aria-hidden="true" />
    </div>
  )
}
