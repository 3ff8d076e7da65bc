// Which columns the list shows (kept across sessions): a checkbox per row column, then every field
// seen in the loaded set (errorMessage, userAgent, requestParameters.*...) with a search box, in a
// popover at the end of the list's header. Order and widths are set in the header itself.
import { useCallback, useEffect, useRef, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { COLUMN_DEFS, COLUMN_ORDER, fieldColumn, fieldPathOf, isFieldPath } from '../list/columns'
import { DEFAULT_COLUMNS, useFindPrefs } from '../state/find-prefs'
import { loadCatalogue, useFieldValues } from '../state/field-values'
import { useT } from '../state/language-store'
import { useTimeZone, UTC } from '../state/time-zone'
import { formatCount } from '../format/format'
import { useDismiss } from './use-dismiss'

/** Fields listed at once in the chooser (the search box reaches the others). */
const FIELDS_SHOWN = 60
/** Offered first: what a responder asks for most, when the set has it. */
const SUGGESTED = ['errorMessage', 'userAgent', 'sourceIPAddress', 'userIdentity.arn', 'userIdentity.accessKeyId', 'requestParameters.bucketName']

function FieldList() {
  const t = useT()
  const columns = useFindPrefs((s) => s.columns)
  const toggleColumn = useFindPrefs((s) => s.toggleColumn)
  const catalogue = useFieldValues((s) => s.catalogue)
  const [search, setSearch] = useState('')
  useEffect(() => {
    void loadCatalogue()
  }, [])
  const shownFields = new Set(columns.map(fieldPathOf).filter((p): p is string => p !== null))
  const needle = search.trim().toLowerCase()
  const all = catalogue?.fields ?? []
  const byPath = new Map(all.map((f) => [f.path, f]))
  const ordered = [...SUGGESTED.filter((p) => byPath.has(p)).map((p) => byPath.get(p)!), ...all.filter((f) => !SUGGESTED.includes(f.path))]
  const matching = ordered.filter((f) => isFieldPath(f.path) && (needle === '' || f.path.toLowerCase().includes(needle)))
  return (
    <div className="columns-popover__fields">
      <div className="help__title">{t.columnsFields}</div>
      <input
        type="search"
        className="columns-popover__search"
        placeholder={t.columnsFieldsSearch}
        aria-label={t.columnsFieldsSearch}
        value={search}
        data-testid="columns-field-search"
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="columns-popover__field-list" data-testid="columns-fields">
        {matching.slice(0, FIELDS_SHOWN).map((field) => (
          <label key={field.path} className="columns-popover__item" title={field.path}>
            <input type="checkbox" checked={shownFields.has(field.path)} data-testid={`column-field-${field.path}`} onChange={() => toggleColumn(fieldColumn(field.path))} />
            <span className="columns-popover__path">{field.path}</span>
            <span className="columns-popover__count">{formatCount(field.count)}</span>
          </label>
        ))}
        {catalogue && matching.length === 0 ? <div className="columns-popover__none">{t.columnsFieldsNone}</div> : null}
        {matching.length > FIELDS_SHOWN ? <div className="columns-popover__none">{formatMessage(t.facetNotShown, { n: formatCount(matching.length - FIELDS_SHOWN) })}</div> : null}
      </div>
      {catalogue && catalogue.sampled < catalogue.total ? (
        <div className="columns-popover__note">{formatMessage(t.columnsFieldsSampled, { sampled: formatCount(catalogue.sampled), total: formatCount(catalogue.total) })}</div>
      ) : null}
      {catalogue?.capped ? <div className="columns-popover__note">{formatMessage(t.columnsFieldsCapped, { n: formatCount(catalogue.capped) })}</div> : null}
    </div>
  )
}

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
          <div className="columns-popover__grid">
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
          </div>
          <FieldList />
          <button type="button" className="button button--small columns-popover__reset" onClick={() => setColumns([...DEFAULT_COLUMNS])}>
            {t.columnsReset}
          </button>
        </div>
      ) : null}
    </div>
  )
}
