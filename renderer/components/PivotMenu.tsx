// Pivots from one event: "everything this access key / session / user / source IP / request
// did" replaces the filter (and widens the time range to all, without quick views). Opened from
// a row's context menu (right-click, the Menu key or Shift+F10 on the list) or the toolbar button
// for the selected event. Values come from the row and the event's JSON (getEvent).
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { create } from 'zustand'
import type { EventRow } from '../../common/event-row'
import type { MessageKey } from '../../common/i18n'
import { getApi } from '../api/get-api'
import { clearQuickViews, replaceQuery, setRange } from '../state/find-store'
import { focusList } from '../state/focus'
import { useT } from '../state/language-store'
import { ALL_TIME, PIVOTS, pivotQuery, pivotValues, type PivotKind } from '../state/view-spec'
import { useSessionState, useViewSession } from '../session/session-react'
import { rowAt } from '../session/session-state'
import { useDismiss } from './use-dismiss'

interface MenuRequest {
  x: number
  y: number
  eventId: number
  row: EventRow | null
  /** Where focus goes back when the menu closes without a choice. */
  returnFocus: HTMLElement | null
}

const usePivotMenu = create<{ request: MenuRequest | null }>(() => ({ request: null }))

export function openPivotMenu(request: MenuRequest): void {
  usePivotMenu.setState({ request })
}

function closePivotMenu(): void {
  usePivotMenu.setState({ request: null })
}

const LABELS: Readonly<Record<PivotKind, MessageKey>> = {
  accessKey: 'pivotAccessKey',
  session: 'pivotSession',
  user: 'pivotUser',
  ip: 'pivotIp',
  requestId: 'pivotRequestId',
}

function Menu({ request }: { request: MenuRequest }) {
  const t = useT()
  const box = useRef<HTMLDivElement | null>(null)
  const returnFocus = useRef<HTMLElement | null>(request.returnFocus)
  const [json, setJson] = useState<string | null>(null)
  const [position, setPosition] = useState({ left: request.x, top: request.y })
  useDismiss(box, true, closePivotMenu, returnFocus)

  useEffect(() => {
    let live = true
    getApi()
      .getEvent(request.eventId)
      .then(
        (detail) => live && setJson(detail.json),
        () => live && setJson(''),
      )
    return () => {
      live = false
    }
  }, [request.eventId])

  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    const { width, height } = element.getBoundingClientRect()
    setPosition({
      left: Math.max(4, Math.min(request.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(request.y, window.innerHeight - height - 4)),
    })
  }, [request.x, request.y, json])

  const values = pivotValues(request.row, json)
  const loaded = json !== null

  useEffect(() => {
    if (!loaded) return
    box.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not([disabled])')?.focus()
  }, [loaded])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not([disabled])') ?? [])]
    if (items.length === 0) return
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    let next: number | null = null
    if (e.key === 'ArrowDown') next = (at + 1) % items.length
    else if (e.key === 'ArrowUp') next = (at - 1 + items.length) % items.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = items.length - 1
    else if (e.key === 'Tab') {
      e.preventDefault()
      closePivotMenu()
      returnFocus.current?.focus()
      return
    }
    if (next !== null) {
      e.preventDefault()
      items[next].focus()
    }
  }

  const pick = (kind: PivotKind): void => {
    const value = values[kind]
    if (!value) return
    closePivotMenu()
    clearQuickViews()
    setRange(ALL_TIME)
    replaceQuery(pivotQuery(kind, value))
    focusList()
  }

  return (
    <div ref={box} className="menu" role="menu" aria-label={t.pivotTitle} style={position} data-testid="pivot-menu" onKeyDown={onKeyDown}>
      <div className="menu__title">{t.pivotTitle}</div>
      {PIVOTS.map((kind) => {
        const value = values[kind]
        const pending = !value && !loaded && (kind === 'session' || kind === 'requestId')
        return (
          <button
            key={kind}
            type="button"
            role="menuitem"
            className="menu__item"
            disabled={!value}
            data-testid={`pivot-${kind}`}
            onClick={() => pick(kind)}
          >
            <span className="menu__label">{t[LABELS[kind]]}</span>
            <span className="menu__value">{pending ? '…' : value || t.pivotNone}</span>
          </button>
        )
      })}
    </div>
  )
}

/** Renders the open pivot menu (once, in App). */
export function PivotMenuHost() {
  const request = usePivotMenu((s) => s.request)
  // Keyed by the request, so a new one starts fresh.
  return request ? <Menu key={`${request.eventId} ${request.x} ${request.y}`} request={request} /> : null
}

/** The toolbar button: pivots from the selected event. */
export function PivotButton() {
  const t = useT()
  const selectedId = useSessionState((s) => s.selectedId)
  const selectedIndex = useSessionState((s) => s.selectedIndex)
  const open = usePivotMenu((s) => s.request !== null)
  const session = useViewSession()
  return (
    <button
      type="button"
      className="button button--small button--quiet pivot-button"
      disabled={selectedId === null}
      aria-haspopup="menu"
      aria-expanded={open}
      title={selectedId === null ? t.pivotNeedsSelection : t.pivotButtonTitle}
      data-testid="pivot-button"
      onClick={(e) => {
        if (selectedId === null) return
        const box = e.currentTarget.getBoundingClientRect()
        const row = rowAt(session.store.getState(), selectedIndex) ?? null
        openPivotMenu({ x: box.left, y: box.bottom + 4, eventId: selectedId, row: row?.id === selectedId ? row : null, returnFocus: e.currentTarget })
      }}
    >
      <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M3 2h1.5v6.5A2.5 2.5 0 0 0 7 11h4.1L9 8.9 10 7.8l4 4-4 4-1-1.1 2.1-2.1H7a4 4 0 0 1-4-4V2Z" />
      </svg>
      {t.pivotButton}
      <span aria-hidden="true">▾</span>
    </button>
  )
}
