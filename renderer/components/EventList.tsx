// The event list: a virtualized listbox. Only the rows in view (plus a few) are in the DOM, each
// at a fixed height; their data comes a window at a time from the view store.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { EventRow } from '../../common/event-row'
import type { MessageKey } from '../../common/i18n'
import { formatUtc } from '../format/format'
import { scrollToReveal, virtualWindow } from '../list/virtual-window'
import { registerListBox } from '../state/focus'
import { useT } from '../state/language-store'
import { useLoad } from '../state/load-store'
import { ensureRows, rowAt, selectIndex, useView } from '../state/view-store'
import { EmptyState } from './EmptyState'

export const ROW_HEIGHT = 26

interface Column {
  key: 'time' | 'eventName' | 'eventSource' | 'user' | 'region' | 'sourceIp' | 'errorCode'
  label: MessageKey
  text(row: EventRow): string
}

const COLUMNS: Column[] = [
  { key: 'time', label: 'colTime', text: (r) => formatUtc(r.time) },
  { key: 'eventName', label: 'colEventName', text: (r) => r.eventName },
  { key: 'eventSource', label: 'colEventSource', text: (r) => r.eventSource.replace(/\.amazonaws\.com$/, '') },
  { key: 'user', label: 'colUser', text: (r) => r.user },
  { key: 'region', label: 'colRegion', text: (r) => r.region },
  { key: 'sourceIp', label: 'colSourceIp', text: (r) => r.sourceIp },
  { key: 'errorCode', label: 'colErrorCode', text: (r) => r.errorCode },
]

const optionId = (index: number): string => `event-row-${index}`

interface RowProps {
  index: number
  row: EventRow | undefined
  top: number
  selected: boolean
  setSize: number
}

function Row({ index, row, top, selected, setSize }: RowProps) {
  const failed = !!row?.errorCode
  const className = ['row', index % 2 ? 'row--odd' : '', failed ? 'row--error' : '', selected ? 'row--selected' : '', row ? '' : 'row--pending']
    .filter(Boolean)
    .join(' ')
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={selected}
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
        selectIndex(index)
      }}
    >
      {row
        ? COLUMNS.map((column) => {
            const text = column.text(row)
            if (column.key === 'errorCode') {
              return (
                <span key={column.key} className="cell cell--errorCode" title={text || undefined}>
                  {text ? (
                    <span className="error-badge" data-testid="row-error">
                      <span className="error-badge__icon" aria-hidden="true" />
                      <span className="error-badge__text">{text}</span>
                    </span>
                  ) : null}
                </span>
              )
            }
            const full = column.key === 'eventSource' ? row.eventSource : text
            return (
              <span key={column.key} className={`cell cell--${column.key}`} title={full || undefined}>
                {text || (column.key === 'time' ? '—' : '')}
              </span>
            )
          })
        : COLUMNS.map((column) => (
            <span key={column.key} className={`cell cell--${column.key}`}>
              <span className="skeleton" />
            </span>
          ))}
    </div>
  )
}

export function EventList() {
  const t = useT()
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

  const geometry = virtualWindow(matched, ROW_HEIGHT, scrollTop, height)
  const { first, last } = geometry

  useEffect(() => {
    ensureRows(first, last)
  }, [first, last, viewId])

  const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (matched === 0) return
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
    selectIndex(next)
  }

  const rows = []
  for (let i = first; i < last; i++) {
    const row = rowAt(i)
    const selected = selectedId !== null ? row?.id === selectedId : i === selectedIndex
    rows.push(<Row key={i} index={i} row={row} top={geometry.top(i)} selected={selected} setSize={matched} />)
  }

  const activeDescendant = selectedIndex >= first && selectedIndex < last ? optionId(selectedIndex) : undefined

  return (
    <div className="list" style={{ ['--row-height' as string]: `${ROW_HEIGHT}px` }}>
      <div className="list__header" aria-hidden="true">
        {COLUMNS.map((column) => (
          <span key={column.key} className={`cell cell--${column.key}`} title={t[column.label]}>
            {t[column.label]}
            {column.key === 'time' ? <span className="sort-arrow">↓</span> : null}
          </span>
        ))}
      </div>
      <div
        ref={(element) => {
          scroller.current = element
          registerListBox(element)
        }}
        className="list__scroller"
        role="listbox"
        tabIndex={0}
        aria-label={t.listLabel}
        aria-activedescendant={activeDescendant}
        data-testid="event-list"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
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
            <EmptyState title={t.noMatchesTitle} body={t.noMatchesBody} testId="no-matches" />
          )}
        </div>
      ) : null}
    </div>
  )
}
