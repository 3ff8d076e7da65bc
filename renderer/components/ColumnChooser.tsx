// Which columns the list shows (kept across sessions): a checkbox per column in a popover at the
// end of the list's header.
import { useCallback, useRef, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { COLUMN_DEFS, COLUMN_ORDER } from '../list/columns'
import { DEFAULT_COLUMNS, useFindPrefs } from '../state/find-prefs'
import { useT } from '../state/language-store'
import { useTimeZone, UTC } from '../state/time-zone'
import { useDismiss } from './use-dismiss'

export function ColumnChooser() {
  const t = useT()
  const zone = useTimeZone()
  const columns = useFindPrefs((s) => s.columns)
  const toggleColumn = useFindPrefs((s) => s.toggleColumn)
  const setColumns = useFindPrefs((s) => s.setColumns)
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement | null>(null)
  const button = useRef<HTMLButtonElement | null>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(box, open, close, button)
  return (
    <div className="popover-anchor popover-anchor--end list__columns" ref={box}>
      <button
        ref={button}
        type="button"
        className="icon-button list__columns-button"
        aria-label={t.columnsButton}
        title={t.columnsButton}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="columns-button"
        onClick={() => setOpen(!open)}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M1.5 2h13v12h-13V2Zm1.5 1.5v9h2.5v-9H3Zm4 0v9h2v-9H7Zm3.5 0v9H13v-9h-2.5Z" />
        </svg>
      </button>
      {open ? (
        <div className="popover columns-popover" role="dialog" aria-label={t.columnsTitle} data-testid="columns-popover">
          <div className="help__title">{t.columnsTitle}</div>
          {COLUMN_ORDER.map((key) => {
            const on = columns.includes(key)
            const label = key === 'time' ? (zone === UTC ? t.colTime : formatMessage(t.colTimeIn, { zone })) : t[COLUMN_DEFS[key].label]
            return (
              <label key={key} className="columns-popover__item">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && columns.length === 1}
                  data-testid={`column-${key}`}
                  onChange={() => toggleColumn(key)}
                />
                <span>{label}</span>
              </label>
            )
          })}
          <button type="button" className="button button--small columns-popover__reset" onClick={() => setColumns([...DEFAULT_COLUMNS])}>
            {t.columnsReset}
          </button>
        </div>
      ) : null}
    </div>
  )
}
