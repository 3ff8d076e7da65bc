// The filter bar: its text goes to setView as it is typed (debounced). A query that does not
// parse shows its error under the bar, pointing at the position, while the list keeps the last
// good result.
import { useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { focusList, registerFilterInput } from '../state/focus'
import { setQuery, useView } from '../state/view-store'

function QueryError() {
  const t = useT()
  const error = useView((s) => s.error)
  if (!error) return null
  const { query, error: e } = error
  const at = Math.min(Math.max(0, e.position), query.length)
  return (
    <div className="filter-error" role="alert" data-testid="filter-error">
      <code className="filter-error__query" aria-hidden="true">
        {query.slice(0, at)}
        <mark>{query.slice(at, at + 1) || ' '}</mark>
        {query.slice(at + 1)}
      </code>
      <span className="filter-error__message">
        {formatMessage(t.filterErrorAt, { position: at + 1, message: e.message })} · {t.filterKeptLast}
      </span>
    </div>
  )
}

export function FilterBar() {
  const t = useT()
  const [text, setText] = useState(() => useView.getState().query)
  const hasError = useView((s) => s.error !== null)
  const queryMs = useView((s) => s.info?.queryMs)
  return (
    <div className="filterbar">
      <div className={hasError ? 'filter filter--error' : 'filter'}>
        <svg className="filter__icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M6.5 1a5.5 5.5 0 0 1 4.4 8.8l3.7 3.7-1.1 1.1-3.7-3.7A5.5 5.5 0 1 1 6.5 1Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        <input
          ref={registerFilterInput}
          className="filter__input"
          type="search"
          spellCheck={false}
          autoComplete="off"
          aria-label={t.filterLabel}
          aria-invalid={hasError}
          placeholder={t.filterPlaceholder}
          value={text}
          data-testid="filter-input"
          onChange={(e) => {
            setText(e.target.value)
            setQuery(e.target.value)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              setQuery(text, 0)
            } else if (e.key === 'Escape' || e.key === 'ArrowDown') {
              e.preventDefault()
              focusList()
            }
          }}
        />
        {queryMs !== undefined && !hasError && text ? <span className="filter__ms">{formatMessage(t.queryTime, { ms: queryMs })}</span> : null}
      </div>
      <QueryError />
    </div>
  )
}

