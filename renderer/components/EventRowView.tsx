// One row of the event list: its cells (the chosen columns, field columns fetched apart), its
// markers (failed call, integrity, detection), and what pressing it does. Rows not arrived yet
// show skeleton cells at their place.
import type { EventRow, RowColumn } from '../../common/event-row'
import { isoInZone } from '../../common/time'
import { cellText, COLUMN_DEFS, fieldPathOf, type ColumnKey } from '../list/columns'
import { fieldValueOf } from '../state/field-values'
import { useT } from '../state/language-store'
import { DetectionMark } from './DetectionMark'
import { IntegrityMark } from './IntegrityMark'
import { cellClass } from './ListHeader'
import { MiddleText } from './MiddleText'
import { openPivotMenu } from './PivotMenu'
import { RowMarker } from './RowMarker'

export const optionId = (index: number): string => `event-row-${index}`

interface RowProps {
  index: number
  row: EventRow | undefined
  top: number
  selected: boolean
  /** In the multi-selection (Ctrl/Cmd-click, Shift-click, Ctrl/Cmd-A). */
  marked: boolean
  setSize: number
  columns: readonly ColumnKey[]
  zone: string
  /** What a press does: the list's multi-selection gestures (renderer/session/selection-logic.ts). */
  gestures: RowGestures
}

export interface RowGestures {
  selectIndex(index: number): void
  toggleSelected(index: number, id: number): void
  selectRangeTo(index: number, keep?: boolean): Promise<void>
}

export function EventRowView({ index, row, top, selected, marked, setSize, columns, zone, gestures }: RowProps) {
  const t = useT()
  const failed = !!row?.errorCode
  const className = ['row', index % 2 ? 'row--odd' : '', failed ? 'row--error' : '', selected ? 'row--selected' : '', marked ? 'row--marked' : '', row ? '' : 'row--pending']
    .filter(Boolean)
    .join(' ')
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={selected || marked}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={className}
      style={{ top }}
      data-testid="event-row"
      data-index={index}
      data-event-id={row?.id}
      data-error={failed ? 'true' : undefined}
      onMouseDown={(e) => {
        // Select on press (feels immediate) and keep keyboard focus on the list.
        if (e.button !== 0) return
        // Multi-selection: Ctrl/Cmd toggles one row, Shift selects a range.
        if (row && (e.ctrlKey || e.metaKey) && !e.shiftKey) return gestures.toggleSelected(index, row.id)
        if (e.shiftKey) return void gestures.selectRangeTo(index, e.ctrlKey || e.metaKey)
        gestures.selectIndex(index)
      }}
      onContextMenu={(e) => {
        e.preventDefault()
        gestures.selectIndex(index)
        if (row) openPivotMenu({ x: e.clientX, y: e.clientY, eventId: row.id, row, returnFocus: e.currentTarget.closest<HTMLElement>('[role=listbox]') })
      }}
    >
      {row
        ? columns.map((column, index) => {
            // The first cell's marks sit in a lane of their own (styles/list.css): every row's
            // text starts at the same place, and a mark never pushes the time's seconds out.
            const markers = index === 0 ? (
              <span className="row-marks">
                <RowMarker row={row} />
                <IntegrityMark id={row.id} />
                <DetectionMark id={row.id} />
              </span>
            ) : null
            const path = fieldPathOf(column)
            if (path !== null) {
              const value = fieldValueOf(row.id, path)
              return (
                <span key={column} className="cell cell--field" data-col={column} title={value || undefined}>
                  {markers}
                  {value === undefined ? <span className="skeleton" /> : <MiddleText text={value} />}
                </span>
              )
            }
            const key = column as RowColumn
            const { text, full } = cellText(row, key, zone)
            if (key === 'errorCode') {
              return (
                <span key={key} className="cell cell--errorCode" data-col={key} title={text || undefined}>
                  {text ? (
                    <span className="error-badge" data-testid="row-error">
                      <span className="error-badge__icon" aria-hidden="true" />
                      <span className="error-badge__text">{text}</span>
                    </span>
                  ) : null}
                </span>
              )
            }
            const title = key === 'time' ? (row.time === null ? t.noTimeTitle : isoInZone(row.time, zone)) : full || undefined
            const mono = COLUMN_DEFS[key].mono ? ' cell--mono' : ''
            return (
              <span key={key} className={`cell cell--${key}${mono}`} data-col={key} title={title}>
                {markers}
                {key === 'time' && row.time === null ? (
                  <span className="cell__no-time" data-testid="row-no-time">
                    {t.noTimeCell}
                  </span>
                ) : COLUMN_DEFS[key].middle && text ? (
                  <MiddleText text={text} />
                ) : (
                  text
                )}
              </span>
            )
          })
        : columns.map((key) => (
            <span key={key} className={`cell ${cellClass(key)}`}>
              <span className="skeleton" />
            </span>
          ))}
    </div>
  )
}
