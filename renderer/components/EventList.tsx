// The event list: a virtualized listbox. Only the rows in view (plus a few) are in the DOM, each
// at a fixed height; their data comes a window at a time from the view store.
import { IntegrityMark } from './IntegrityMark'
import { DetectionMark } from './DetectionMark'
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { EventRow, RowColumn } from '../../common/event-row'
import { isoInZone } from '../../common/time'
import { cellText, COLUMN_DEFS, fieldPathOf, gridMinWidth, gridTemplate, type ColumnKey } from '../list/columns'
import { scrollToReveal, virtualWindow } from '../list/virtual-window'
import { useFindPrefs } from '../state/find-prefs'
import { ensureFieldValues, fieldValueOf, useFieldValues } from '../state/field-values'
import { focusViewer, registerListBox } from '../state/focus'
import { useT } from '../state/language-store'
import { useLoad } from '../state/load-store'
import { collapseSelection, isInSelection, noteVisibleRows, onMembersChanged, selectAllInView, selectRangeTo, toggleSelected, useSelection } from '../state/selection'
import { copySelection } from '../state/export-store'
import { useTimeZone } from '../state/time-zone'
import { ensureRows, rowAt, selectIndex, useView } from '../state/view-store'
import { registerReveal } from '../state/reveal'
import { EmptyState } from './EmptyState'
import { ZeroHints } from './ZeroHints'
import { cellClass, ListHeader } from './ListHeader'
import { MiddleText } from './MiddleText'
import { openPivotMenu } from './PivotMenu'
import { RowMarker } from './RowMarker'

export const ROW_HEIGHT = 26

const optionId = (index: number): string => `event-row-${index}`

interface RowProps {
  index: number
  row: EventRow | undefined
  top: number
  selected: boolean
  /** In the multi-selection (renderer/state/selection.ts: Ctrl/Cmd-click, Shift-click). */
  marked: boolean
  setSize: number
  columns: readonly ColumnKey[]
  zone: string
}

function Row({ index, row, top, selected, marked, setSize, columns, zone }: RowProps) {
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
        // Multi-selection (renderer/state/selection.ts): Ctrl/Cmd toggles one row, Shift selects a range.
        if (row && (e.ctrlKey || e.metaKey) && !e.shiftKey) return toggleSelected(index, row.id)
        if (e.shiftKey) return selectRangeTo(index, e.ctrlKey || e.metaKey)
        selectIndex(index)
      }}
      onContextMenu={(e) => {
        e.preventDefault()
        selectIndex(index)
        if (row) openPivotMenu({ x: e.clientX, y: e.clientY, eventId: row.id, row, returnFocus: e.currentTarget.closest<HTMLElement>('[role=listbox]') })
      }}
    >
      {row
        ? columns.map((column, index) => {
            const markers = index === 0 ? (
              <>
                <RowMarker row={row} />
                <IntegrityMark id={row.id} />
                <DetectionMark id={row.id} />
              </>
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

export function EventList() {
  const t = useT()
  const columns = useFindPrefs((s) => s.columns)
  const widths = useFindPrefs((s) => s.widths)
  useFieldValues((s) => s.version) // re-render when field-column values arrive
  const [scrollLeft, setScrollLeft] = useState(0)
  const zone = useTimeZone()
  const newest = useView((s) => s.info?.newest ?? null)
  const matched = useView((s) => s.info?.matched ?? 0)
  const total = useView((s) => s.info?.total ?? 0)
  const viewId = useView((s) => s.info?.viewId ?? -1)
  const selectedIndex = useView((s) => s.selectedIndex)
  const selectedId = useView((s) => s.selectedId)
  useView((s) => s.cacheVersion) // re-render when rows arrive
  const loading = useLoad((s) => s.loading)
  const scroller = useRef<HTMLDivElement | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(0)

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    setHeight(element.clientHeight)
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // A new filter starts at the top of its result.
  const queryGeneration = useView((s) => s.queryGeneration)
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element || queryGeneration === 0) return
    element.scrollTop = 0
    setScrollTop(0)
  }, [queryGeneration])

  // Rows selected from elsewhere (n / Shift+N) are scrolled into view.
  useEffect(() => {
    registerReveal((index) => {
      const element = scroller.current
      if (!element) return
      const target = scrollToReveal(index, useView.getState().info?.matched ?? 0, ROW_HEIGHT, element.scrollTop, element.clientHeight)
      if (target !== null) {
        element.scrollTop = target
        setScrollTop(element.scrollTop)
      }
    })
    return () => registerReveal(null)
  }, [])

  const geometry = virtualWindow(matched, ROW_HEIGHT, scrollTop, height)
  const { first, last } = geometry

  useEffect(() => {
    ensureRows(first, last)
  }, [first, last, viewId])

  // Field columns: their values for the rows on screen, once those rows are known.
  const fieldPaths = columns.map(fieldPathOf).filter((path): path is string => path !== null)
  useEffect(() => {
    if (fieldPaths.length === 0) return
    const ids: number[] = []
    for (let i = first; i < last; i++) {
      const id = rowAt(i)?.id
      if (id !== undefined) ids.push(id)
    }
    ensureFieldValues(ids, fieldPaths)
  })

  const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (matched === 0) return
    // Ctrl/Cmd+A: the whole result (its ids stay in main); Ctrl/Cmd+C: the selection as JSON Lines.
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'a' || e.key.toLowerCase() === 'c')) {
      e.preventDefault()
      if (e.key.toLowerCase() === 'a') selectAllInView().catch((error: unknown) => useLoad.getState().setCallError(String(error instanceof Error ? error.message : error)))
      else void copySelection()
      return
    }
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      // The pivot menu of the selected row, beside it.
      e.preventDefault()
      const row = selectedIndex >= 0 ? rowAt(selectedIndex) : undefined
      const element = document.getElementById(optionId(selectedIndex))
      if (!row || !element) return
      const box = element.getBoundingClientRect()
      openPivotMenu({ x: box.left + 40, y: box.bottom, eventId: row.id, row, returnFocus: e.currentTarget })
      return
    }
    // Enter or Right arrow: into the viewer (Escape there comes back). Space toggles the current
    // row in the multi-selection; Escape collapses it to the current row.
    if ((e.key === 'Enter' || e.key === 'ArrowRight') && !e.altKey && !e.shiftKey) {
      e.preventDefault()
      focusViewer()
      return
    }
    if (e.key === ' ') {
      e.preventDefault()
      const row = rowAt(selectedIndex)
      if (row) toggleSelected(selectedIndex, row.id)
      return
    }
    if (e.key === 'Escape' && (useSelection.getState().ids.length > 1 || useSelection.getState().all)) {
      e.preventDefault()
      collapseSelection()
      return
    }
    const current = selectedIndex < 0 ? -1 : selectedIndex
    let next: number
    switch (e.key) {
      case 'ArrowDown':
        next = current + 1
        break
      case 'ArrowUp':
        next = current < 0 ? 0 : current - 1
        break
      case 'PageDown':
        next = current + pageRows
        break
      case 'PageUp':
        next = current - pageRows
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = matched - 1
        break
      default:
        return
    }
    e.preventDefault()
    next = Math.min(Math.max(0, next), matched - 1)
    // Keep the new selection in view.
    const element = scroller.current
    if (element) {
      const target = scrollToReveal(next, matched, ROW_HEIGHT, element.scrollTop, element.clientHeight)
      if (target !== null) {
        element.scrollTop = target
        setScrollTop(element.scrollTop)
      }
    }
    if (e.shiftKey) selectRangeTo(next) // Shift+arrows extend the multi-selection
    else selectIndex(next)
  }

  const marks = new Set(useSelection((s) => s.ids))
  const all = useSelection((s) => s.all)
  const rows = []
  for (let i = first; i < last; i++) {
    const row = rowAt(i)
    const selected = selectedId !== null ? row?.id === selectedId : i === selectedIndex
    const marked = row !== undefined && (all ? isInSelection(row.id, viewId) : marks.size > 1 && marks.has(row.id))
    rows.push(<Row key={i} index={i} row={row} top={geometry.top(i)} selected={selected} marked={marked} setSize={matched} columns={columns} zone={zone} />)
  }

  // A Ctrl/Cmd-A selection seen through another filter: ask which rows on screen it holds.
  const [, setMembersSeen] = useState(0)
  useEffect(() => onMembersChanged(() => setMembersSeen((n) => n + 1)), [])
  useEffect(() => {
    if (!all || all.viewId === viewId) return
    const shown: number[] = []
    for (let i = first; i < last; i++) {
      const id = rowAt(i)?.id
      if (id !== undefined) shown.push(id)
    }
    noteVisibleRows(viewId, shown)
  })

  const activeDescendant = selectedIndex >= first && selectedIndex < last ? optionId(selectedIndex) : undefined

  return (
    <div
      className="list"
      style={{
        ['--row-height' as string]: `${ROW_HEIGHT}px`,
        ['--cols' as string]: gridTemplate(columns, widths),
        ['--grid-min' as string]: `${gridMinWidth(columns, widths)}px`,
      }}
    >
      <ListHeader columns={columns} zone={zone} newest={newest} scrollLeft={scrollLeft} />
      <div
        ref={(element) => {
          scroller.current = element
          registerListBox(element)
        }}
        className="list__scroller"
        role="listbox"
        aria-multiselectable
        tabIndex={0}
        aria-label={t.listLabel}
        aria-activedescendant={activeDescendant}
        data-testid="event-list"
        onScroll={(e) => {
          setScrollTop(e.currentTarget.scrollTop)
          setScrollLeft(e.currentTarget.scrollLeft)
        }}
        onKeyDown={onKeyDown}
      >
        <div className="list__spacer" style={{ height: geometry.spacerHeight }} />
        {rows}
      </div>
      {matched === 0 ? (
        <div className="list__overlay">
          {total === 0 ? (
            loading ? (
              <EmptyState title={t.loadingRows} body="" loading />
            ) : (
              <EmptyState title={t.emptyTitle} body={t.emptyBody} hint={t.emptyHint} showOpen testId="empty-state" />
            )
          ) : (
            <div className="list__no-matches">
              <EmptyState title={t.noMatchesTitle} body={t.noMatchesBody} testId="no-matches" />
              <ZeroHints />
            </div>
          )}
        </div>
      ) : null}
    </div>
  )
}
