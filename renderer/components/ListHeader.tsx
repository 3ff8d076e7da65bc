// The list's header: a sort button per column, a resize handle at its right edge (drag; double-click
// fits the widest value on screen; arrows step it when focused; Delete/Backspace gives back the
// default width) and dragging a header onto another to reorder. Widths and order are kept (find-prefs).
import { useRef, useState, type CSSProperties } from 'react'
import type { RowColumn } from '../../common/event-row'
import { formatMessage } from '../../common/i18n'
import { formatOffset, UTC, zoneOffsetMs } from '../../common/time'
import { COLUMN_DEFS, fieldPathOf, type ColumnKey } from '../list/columns'
import { sortBy, useFind } from '../state/find-store'
import { useFindPrefs } from '../state/find-prefs'
import { useT } from '../state/language-store'
import { ColumnChooser } from './ColumnChooser'

/** Steps of a resize handle moved with the arrow keys, px. */
const KEY_STEP = 16
/** Pointer travel (px) before a press on a column header becomes a move. */
const DRAG_THRESHOLD = 6
/** Room a fitted column keeps beyond its widest text (the sort arrow, the error badge's icon). */
const FIT_PADDING = 22

export function columnLabel(key: ColumnKey, t: ReturnType<typeof useT>, zone: string): string {
  const path = fieldPathOf(key)
  if (path !== null) return path
  if (key === 'time') return zone === UTC ? t.colTime : formatMessage(t.colTimeIn, { zone })
  return t[COLUMN_DEFS[key as RowColumn].label]
}

/** The class of a column's cells (header and rows). */
export function cellClass(key: ColumnKey): string {
  return fieldPathOf(key) !== null ? 'cell--field' : `cell--${key}`
}

let measure: CanvasRenderingContext2D | null = null

/** The width the column's widest text on screen (and its label) needs, px. */
function fitWidth(list: HTMLElement, key: ColumnKey): number {
  measure ??= document.createElement('canvas').getContext('2d')
  let widest = 0
  for (const cell of list.querySelectorAll<HTMLElement>(`[data-col="${CSS.escape(key)}"]`)) {
    const text = cell.textContent ?? ''
    if (!measure || text === '') continue
    measure.font = getComputedStyle(cell).font
    widest = Math.max(widest, measure.measureText(text).width)
  }
  return Math.ceil(widest + FIT_PADDING)
}

function ResizeHandle({ column, label }: { column: ColumnKey; label: string }) {
  const t = useT()
  const setWidth = useFindPrefs((s) => s.setWidth)
  const start = useRef<{ x: number; width: number } | null>(null)
  const widthOf = (element: HTMLElement): number => element.parentElement?.getBoundingClientRect().width ?? 100
  return (
    <span
      className="col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={formatMessage(t.columnResize, { column: label })}
      title={t.columnResizeTitle}
      tabIndex={0}
      data-testid={`resize-${column}`}
      draggable={false}
      onPointerDown={(e) => {
        e.preventDefault()
        e.stopPropagation()
        start.current = { x: e.clientX, width: widthOf(e.currentTarget) }
        e.currentTarget.setPointerCapture(e.pointerId)
      }}
      onPointerMove={(e) => {
        if (!start.current) return
        setWidth(column, start.current.width + e.clientX - start.current.x)
      }}
      onPointerUp={(e) => {
        start.current = null
        e.currentTarget.releasePointerCapture(e.pointerId)
      }}
      onDoubleClick={(e) => {
        const list = e.currentTarget.closest<HTMLElement>('.list')
        if (list) setWidth(column, fitWidth(list, column))
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault()
          setWidth(column, widthOf(e.currentTarget) + (e.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP))
        } else if (e.key === 'Enter') {
          e.preventDefault()
          const list = e.currentTarget.closest<HTMLElement>('.list')
          if (list) setWidth(column, fitWidth(list, column))
        } else if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault()
          setWidth(column, null)
        }
      }}
    />
  )
}

export function ListHeader({ columns, zone, newest, scrollLeft }: { columns: readonly ColumnKey[]; zone: string; newest: number | null; scrollLeft: number }) {
  const t = useT()
  const sort = useFind((s) => s.sort)
  const move = useFindPrefs((s) => s.moveColumn)
  // Reordering with the pointer (not HTML drag and drop: no ghost image, and the same in Electron).
  const dragged = useRef<{ key: ColumnKey; x: number; moved: boolean } | null>(null)
  const suppressClick = useRef(false)
  const [moving, setMoving] = useState<ColumnKey | null>(null)
  // The press is followed on the window: the pointer soon leaves the header cell it started on.
  const startMove = (key: ColumnKey, x: number): void => {
    dragged.current = { key, x, moved: false }
    const onMove = (e: PointerEvent): void => {
      const drag = dragged.current
      if (drag && !drag.moved && Math.abs(e.clientX - drag.x) > DRAG_THRESHOLD) {
        drag.moved = true
        setMoving(drag.key)
      }
    }
    const onUp = (e: PointerEvent): void => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
      const drag = dragged.current
      dragged.current = null
      setMoving(null)
      if (!drag?.moved) return
      // The column under the pointer takes the dragged one's place; no sort on this click.
      suppressClick.current = true
      setTimeout(() => (suppressClick.current = false), 0)
      const target = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('.list__head-cell')
      const to = target?.dataset.col as ColumnKey | undefined
      if (to && to !== drag.key) move(drag.key, to)
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
  }
  const offset = formatOffset(zoneOffsetMs(newest ?? Date.now(), zone))
  const track: CSSProperties = { transform: `translateX(${-scrollLeft}px)` }
  return (
    <div className="list__header" data-testid="list-header">
      <div className="list__header-clip">
        <div className="list__header-track" style={track}>
          {columns.map((key) => {
            const label = columnLabel(key, t, zone)
            const field = fieldPathOf(key) !== null
            const sorted = !field && sort.column === key ? sort.direction : null
            const title = field
              ? formatMessage(t.columnFieldTitle, { path: label })
              : (key === 'time' ? `${formatMessage(t.colTimeTitle, { zone, offset })} · ` : '') +
                formatMessage(sorted === 'asc' ? t.sortedAsc : sorted === 'desc' ? t.sortedDesc : t.sortBy, { column: label })
            return (
              <div
                key={key}
                className={`list__head-cell ${cellClass(key)}${moving === key ? ' is-moving' : ''}`}
                data-col={key}
                data-testid={`head-${key}`}
                onPointerDown={(e) => {
                  if (e.button !== 0 || (e.target as Element).closest('.col-resize')) return
                  startMove(key, e.clientX)
                }}
              >
                <button
                  type="button"
                  className={`list__sort${sorted ? ' is-sorted' : ''}`}
                  title={title}
                  aria-label={title}
                  data-testid={`sort-${key}`}
                  data-sort={sorted ?? 'none'}
                  disabled={field}
                  onClick={() => {
                    if (!suppressClick.current) sortBy(key as RowColumn)
                  }}
                >
                  <span className="list__sort-label">{label}</span>
                  {sorted ? (
                    <span className="sort-arrow" aria-hidden="true">
                      {sorted === 'asc' ? '↑' : '↓'}
                    </span>
                  ) : null}
                </button>
                <ResizeHandle column={key} label={label} />
              </div>
            )
          })}
        </div>
      </div>
      <ColumnChooser />
    </div>
  )
}
