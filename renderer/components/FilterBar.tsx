// The filter bar: the query text, parsed as it is typed (a syntax error shows at once, underlined
// where it is, and the list keeps the last good result), applied when typing pauses or on Enter;
// Escape empties it. Below it the find toolbar: quick views, the time range, pivots, the zone.
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { applyQuery, clearQuery, editQuery, useFind } from '../state/find-store'
import { focusList, registerFilterInput } from '../state/focus'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { useFilterCompletion } from './FilterCompletions'
import { FindToolbar } from './FindToolbar'
import { HistoryButtons } from './HistoryButtons'
import { QueryHelp } from './QueryHelp'
import { useDismiss } from './use-dismiss'

/** The error to show: the filter text's own (instant), else what the server said. */
function useShownError() {
  const parseError = useFind((s) => s.parseError)
  const serverError = useSessionState((s) => s.error)
  return parseError ?? serverError
}

let input: HTMLInputElement | null = null

/** Puts the caret at a position of the filter text (the error's). */
function caretTo(position: number): void {
  if (!input) return
  input.focus()
  input.setSelectionRange(position, position)
}

function QueryErrorLine() {
  const t = useT()
  const shown = useShownError()
  if (!shown) return null
  const { query, error } = shown
  const at = Math.min(Math.max(0, error.position), query.length)
  return (
    <div className="filter-error" role="alert" data-testid="filter-error" data-position={at}>
      <button type="button" className="filter-error__query" title={t.filterErrorGo} onClick={() => caretTo(at)}>
        <code aria-hidden="true">
          {query.slice(Math.max(0, at - 40), at)}
          <mark>{query.slice(at, at + 1) || ' '}</mark>
          {query.slice(at + 1, at + 40)}
        </code>
      </button>
      <span className="filter-error__message" id="filter-error-message" data-testid="filter-error-message">
        {formatMessage(t.filterErrorAt, { position: at + 1, message: error.message })}
      </span>
      <span className="filter-error__kept">{t.filterKeptLast}</span>
    </div>
  )
}

/** The text again behind the input, transparent, with the character at the error underlined. */
function ErrorMirror({ text, position, scrollLeft }: { text: string; position: number | null; scrollLeft: number }) {
  if (position === null) return null
  const at = Math.min(Math.max(0, position), text.length)
  return (
    <div className="filter__mirror" aria-hidden="true" style={{ transform: `translateX(${-scrollLeft}px)` }}>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + 1) || ' '}</mark>
    </div>
  )
}

export function FilterBar() {
  const t = useT()
  const draft = useFind((s) => s.draft)
  const shown = useShownError()
  const parseError = useFind((s) => s.parseError)
  // A running or cancelled query's text has no timing yet: the last one would be another query's.
  const queryMs = useSessionState((s) => (s.querying || s.cancelled !== null ? undefined : s.info?.queryMs))
  const [scrollLeft, setScrollLeft] = useState(0)
  const [helpOpen, setHelpOpen] = useState(false)
  const helpRef = useRef<HTMLDivElement | null>(null)
  const helpButton = useRef<HTMLButtonElement | null>(null)
  const closeHelp = useCallback(() => setHelpOpen(false), [])
  useDismiss(helpRef, helpOpen, closeHelp, helpButton)
  const inputRef = useRef<HTMLInputElement | null>(null)
  const completion = useFilterCompletion(inputRef)

  const syncScroll = (): void => {
    if (inputRef.current) setScrollLeft(inputRef.current.scrollLeft)
  }
  useLayoutEffect(syncScroll, [draft])

  const errorPosition = parseError && parseError.query === draft ? parseError.error.position : null

  return (
    <div className="filterbar">
      <div className="filterbar__row">
        <HistoryButtons />
        <div className={shown ? 'filter filter--error' : 'filter'}>
          <svg className="filter__icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M6.5 1a5.5 5.5 0 0 1 4.4 8.8l3.7 3.7-1.1 1.1-3.7-3.7A5.5 5.5 0 1 1 6.5 1Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
          </svg>
          <div className="filter__field">
            <ErrorMirror text={draft} position={errorPosition} scrollLeft={scrollLeft} />
            <input
              ref={(element) => {
                inputRef.current = element
                input = element
                registerFilterInput(element)
              }}
              className="filter__input"
              type="text"
              role="searchbox"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              aria-label={t.filterLabel}
              aria-invalid={shown !== null}
              aria-describedby={shown ? 'filter-error-message' : undefined}
              aria-autocomplete="list"
              aria-controls={completion.expanded ? 'filter-completions' : undefined}
              aria-expanded={completion.expanded}
              aria-activedescendant={completion.activeId}
              placeholder={t.filterPlaceholder}
              value={draft}
              data-testid="filter-input"
              onChange={(e) => {
                editQuery(e.target.value)
                completion.update(e.target.value, e.target.selectionStart ?? e.target.value.length)
              }}
              onBlur={completion.close}
              onScroll={syncScroll}
              onSelect={syncScroll}
              onKeyDown={(e) => {
                if (completion.onKeyDown(e)) return
                if (e.key === 'Enter') {
                  e.preventDefault()
                  completion.close()
                  applyQuery()
                } else if (e.key === 'Escape') {
                  e.preventDefault()
                  if (draft !== '') clearQuery()
                  else focusList()
                } else if (e.key === 'ArrowDown') {
                  e.preventDefault()
                  focusList()
                }
              }}
            />
          </div>
          {completion.list}
          {queryMs !== undefined && !shown && draft ? <span className="filter__ms">{formatMessage(t.queryTime, { ms: queryMs })}</span> : null}
          {draft ? (
            <button
              type="button"
              className="filter__clear"
              aria-label={t.filterClear}
              title={t.filterClearTitle}
              data-testid="filter-clear"
              onClick={() => {
                clearQuery()
                inputRef.current?.focus()
              }}
            >
              ×
            </button>
          ) : null}
          <div className="popover-anchor" ref={helpRef}>
            <button
              ref={helpButton}
              type="button"
              className={helpOpen ? 'filter__help is-active' : 'filter__help'}
              aria-label={t.helpButton}
              title={t.helpButton}
              aria-expanded={helpOpen}
              aria-haspopup="dialog"
              data-testid="filter-help-button"
              onClick={() => setHelpOpen(!helpOpen)}
            >
              ?
            </button>
            {helpOpen ? (
              <QueryHelp
                onPick={(example) => {
                  editQuery(example, 0)
                  setHelpOpen(false)
                  inputRef.current?.focus()
                }}
              />
            ) : null}
          </div>
        </div>
      </div>
      <QueryErrorLine />
      <FindToolbar />
    </div>
  )
}
