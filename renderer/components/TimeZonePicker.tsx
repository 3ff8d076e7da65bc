// The time zone: UTC, the machine's local zone, or any IANA zone, found by typing part of its
// name ("tokyo", "new york", "+09:00"). A combobox: arrows move, Enter picks, Escape closes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { filterZones, formatOffset, localZone, zoneOffsetMs, type ZoneOption as Option } from '../../common/time'
import { useT } from '../state/language-store'
import { allZones, LOCAL, setTimeZone, useTimeZone, useTimeZoneChoice, UTC } from '../state/time-zone'
import { useDismiss } from './use-dismiss'

const optionId = (i: number): string => `zone-option-${i}`

function ZoneList({ onClose }: { onClose(): void }) {
  const t = useT()
  const choice = useTimeZoneChoice()
  const [search, setSearch] = useState('')
  const [active, setActive] = useState(0)
  const list = useRef<HTMLUListElement | null>(null)
  const options = useMemo<Option[]>(() => {
    const now = Date.now()
    const local = localZone()
    return [
      { choice: UTC, label: 'UTC', offset: '+00:00' },
      { choice: LOCAL, label: formatMessage(t.zoneLocal, { zone: local }), offset: formatOffset(zoneOffsetMs(now, local)) },
      ...allZones()
        .filter((z) => z !== UTC)
        .map((zone) => ({ choice: zone, label: zone, offset: formatOffset(zoneOffsetMs(now, zone)) })),
    ]
  }, [t])
  const shown = useMemo(() => filterZones(options, search), [options, search])
  const current = Math.min(active, Math.max(0, shown.length - 1))

  useEffect(() => {
    list.current?.querySelector(`#${optionId(current)}`)?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const pick = (option: Option | undefined): void => {
    if (!option) return
    setTimeZone(option.choice)
    onClose()
  }

  return (
    <div className="popover zone-popover" data-testid="zone-popover">
      <input
        className="zone-popover__search"
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="zone-listbox"
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        aria-label={t.zoneSearch}
        placeholder={t.zoneSearch}
        value={search}
        spellCheck={false}
        data-testid="zone-search"
        onChange={(e) => {
          setSearch(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            setActive(Math.max(0, Math.min(shown.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1))))
          } else if (e.key === 'PageDown' || e.key === 'PageUp') {
            e.preventDefault()
            setActive(Math.max(0, Math.min(shown.length - 1, current + (e.key === 'PageDown' ? 10 : -10))))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            pick(shown[current])
          }
        }}
      />
      <ul ref={list} className="zone-popover__list" role="listbox" id="zone-listbox" aria-label={t.zoneLabel}>
        {shown.map((option, i) => (
          <li
            key={option.choice}
            id={optionId(i)}
            role="option"
            aria-selected={option.choice === choice}
            className={[i === current ? 'is-active' : '', option.choice === choice ? 'is-chosen' : ''].filter(Boolean).join(' ')}
            data-testid="zone-option"
            data-zone={option.choice}
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => pick(option)}
            onMouseMove={() => i !== current && setActive(i)}
          >
            <span className="zone-popover__name">{option.label}</span>
            <span className="zone-popover__offset">{option.offset}</span>
          </li>
        ))}
        {shown.length === 0 ? <li className="zone-popover__none">{t.zoneNone}</li> : null}
      </ul>
    </div>
  )
}

export function TimeZonePicker() {
  const t = useT()
  const zone = useTimeZone()
  const choice = useTimeZoneChoice()
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement | null>(null)
  const button = useRef<HTMLButtonElement | null>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(box, open, close, button)
  const label = choice === LOCAL ? formatMessage(t.zoneLocal, { zone }) : zone
  return (
    <div className="popover-anchor popover-anchor--end" ref={box}>
      <button
        ref={button}
        type="button"
        className="button button--small zone-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={formatMessage(t.zoneButton, { zone: label })}
        title={formatMessage(t.zoneButton, { zone: label })}
        data-testid="zone-button"
        onClick={() => setOpen(!open)}
      >
        <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM7.25 4h1.5v3.6l2.6 1.5-.75 1.3-3.35-1.95V4Z"
          />
        </svg>
        <span className="zone-button__label" data-testid="zone-label">
          {label}
        </span>
        <span className="zone-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <ZoneList
          onClose={() => {
            setOpen(false)
            button.current?.focus()
          }}
        />
      ) : null}
    </div>
  )
}
