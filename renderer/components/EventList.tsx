// The event list: a virtualized listbox. Only the rows in view (plus a few) are in the DOM, each
// at a fixed height (EventRowView); their data comes a window at a time from the view session,
// and the list re-renders when a window arrives because it selects the session's row cache.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { fieldPathOf, gridMinWidth, gridTemplate } from '../list/columns'
import { scrollToReveal, virtualWindow } from '../list/virtual-window'
import { rowIn } from '../session/row-cache'
import { isInSelection } from '../session/session-state'
import { useSessionState, useViewSession } from '../session/session-react'
import { useFindPrefs } from '../state/find-prefs'
import { ensureFieldValues, useFieldValues } from '../state/field-values'
import { registerListBox } from '../state/focus'
import { useT } from '../state/language-store'
import { useLoad } from '../state/load-store'
import { useTimeZone } from '../state/time-zone'
import { registerReveal } from '../state/reveal'
import { EmptyState } from './EmptyState'
import { ZeroHints } from './ZeroHints'
import { ListHeader } from './ListHeader'
import { EventRowView, optionId } from './EventRowView'
import { onListKey } from './list-keys'

export const ROW_HEIGHT = 26

export function EventList() {
  const t = useT()
  const session = useViewSession()
  const columns = useFindPrefs((s) => s.columns)
  const widths = useFindPrefs((s) => s.widths)
  useFieldValues((s) => s.cells) // re-render when field-column values arrive
  const [scrollLeft, setScrollLeft] = useState(0)
  const zone = useTimeZone()
  const newest = useSessionState((s) => s.info?.newest ?? null)
  const matched = useSessionState((s) => s.info?.matched ?? 0)
  const total = useSessionState((s) => s.info?.total ?? 0)
  const viewId = useSessionState((s) => s.info?.viewId ?? -1)
  const selectedIndex = useSessionState((s) => s.selectedIndex)
  const selectedId = useSessionState((s) => s.selectedId)
  const cache = useSessionState((s) => s.rows) // a new cache when rows arrive
  const ids = useSessionState((s) => s.ids)
  const all = useSessionState((s) => s.all)
  useSessionState((s) => s.members) // a Ctrl/Cmd-A selection seen through another filter: marks arrived
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
  const queryGeneration = useSessionState((s) => s.queryGeneration)
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element || queryGeneration === 0) return
    element.scrollTop = 0
    setScrollTop(0)
  }, [queryGeneration])

  /** Scrolls so that row `index` is in view. */
  const reveal = (index: number): void => {
    const element = scroller.current
    if (!element) return
    const target = scrollToReveal(index, session.store.getState().info?.matched ?? 0, ROW_HEIGHT, element.scrollTop, element.clientHeight)
    if (target !== null) {
      element.scrollTop = target
      setScrollTop(element.scrollTop)
    }
  }
  const revealRef = useRef(reveal)
  revealRef.current = reveal
  // Rows selected from elsewhere (n / Shift+N) are scrolled into view.
  useEffect(() => {
    registerReveal((index) => revealRef.current(index))
    return () => registerReveal(null)
  }, [])

  const geometry = virtualWindow(matched, ROW_HEIGHT, scrollTop, height)
  const { first, last } = geometry

  useEffect(() => {
    session.ensureRows(first, last)
  }, [session, first, last, viewId])

  const shownIds: number[] = []
  for (let i = first; i < last; i++) {
    const id = rowIn(cache, i)?.id
    if (id !== undefined) shownIds.push(id)
  }

  // Field columns: their values for the rows on screen, once those rows are known.
  const fieldPaths = columns.map(fieldPathOf).filter((path): path is string => path !== null)
  useEffect(() => {
    if (fieldPaths.length > 0) ensureFieldValues(shownIds, fieldPaths)
  })

  // A Ctrl/Cmd-A selection seen through another filter: ask which rows on screen it holds.
  useEffect(() => {
    if (all && all.viewId !== viewId) session.noteVisibleRows(viewId, shownIds)
  })

  const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1)
  const marks = new Set(ids)
  const state = session.store.getState()
  const rows = []
  for (let i = first; i < last; i++) {
    const row = rowIn(cache, i)
    const selected = selectedId !== null ? row?.id === selectedId : i === selectedIndex
    const marked = row !== undefined && (all ? isInSelection(state, row.id, viewId) : marks.size > 1 && marks.has(row.id))
    rows.push(<EventRowView key={i} index={i} row={row} top={geometry.top(i)} selected={selected} marked={marked} setSize={matched} columns={columns} zone={zone} gestures={session} />)
  }

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
        onKeyDown={(e) => onListKey(e, { session, pageRows, reveal })}
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
