// The right pane: the selected event, fetched on selection (getEvent) and pretty-printed from its
// original text, with a note on every known field and what its value decodes to; value actions
// (filter, copy, name an account) at the cursor, related events one click away, and the
// multi-selection's Compare button.
import { IntegrityMark } from '../components/IntegrityMark'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { formatInstant, parseZonedInstant } from '../../common/time'
import { apiReferenceUrl } from '../../common/decode/doc-links'
import type { EventDetail } from '../../common/event-row'
import { EventNotices } from './EventNotices'
import { formatMessage, type Messages } from '../../common/i18n'
import { fieldClause } from '../../common/query/facet-query'
import { fileBaseName } from '../format/format'
import { getApi } from '../api/get-api'
import { openAliasEditor, useAccountAliases } from '../state/account-aliases'
import { addClause, clearQuickViews, replaceQuery, setRange } from '../state/find-store'
import { useLanguage, useT } from '../state/language-store'
import { collapseSelection, MAX_COMPARE, useSelection } from '../state/selection'
import { useTimeZone } from '../state/time-zone'
import { useUi } from '../state/ui-store'
import { ALL_TIME } from '../state/view-spec'
import { useView } from '../state/view-store'
import { EmptyState } from '../components/EmptyState'
import { addColumnForPath, columnForPath } from '../state/column-actions'
import { EventCard } from './EventCard'
import { noteLines } from './annotate'
import { openCompare } from './compare-store'
import { JsonEditor, type ValueActions } from './JsonEditor'
import { linksOpenInShell, openDocLink } from './open-link'
import { prettyJson, scalarText, stringValue, type PrettyJson } from './pretty-json'
import { RawTextNotice } from './RawTextNotice'
import { accountIn, clauseFor, copyText, queryField, type ValueAt } from './value-actions'
import { WhoSection } from '../identity/WhoSection'
import { EventDetections } from './EventDetections'

type Shown = { id: number; detail: EventDetail } | { id: number; error: string } | null

/** A short message after a copy, read out by screen readers. */
function useFlash(): [string | null, (message: string) => void] {
  const [flash, setFlash] = useState<string | null>(null)
  useEffect(() => {
    if (!flash) return
    const timer = setTimeout(() => setFlash(null), 1600)
    return () => clearTimeout(timer)
  }, [flash])
  return [flash, setFlash]
}

/** Replaces the filter with a clause over all time (as the list's pivots do). */
function showRelated(clause: string): void {
  clearQuickViews()
  setRange(ALL_TIME)
  replaceQuery(clause)
}

/** A documentation link: a normal link in web mode, the system browser through the shell in Electron. */
function DocLinkButton({ url, label, title }: { url: string; label: string; title: string }) {
  return (
    <a
      className="button button--small button--quiet"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      title={title}
      data-testid="api-docs"
      onClick={(e) => {
        if (!linksOpenInShell()) return // the browser opens it in a new tab
        e.preventDefault()
        openDocLink(url)
      }}
    >
      {label} <span aria-hidden="true">↗</span>
    </a>
  )
}

function RelatedBar({ pretty, t }: { pretty: PrettyJson; t: Messages }) {
  const value = (path: string): string | null => scalarText(pretty.values.get(path)) || null
  const related: { key: string; label: string; clause: string }[] = []
  const add = (key: string, label: string, field: string, path: string) => {
    const v = value(path)
    if (v) related.push({ key, label, clause: fieldClause(field, v) })
  }
  add('request', t.relatedRequest, 'requestID', 'requestID')
  add('shared', t.relatedShared, 'sharedEventID', 'sharedEventID')
  add('session', t.relatedSession, 'userIdentity.principalId', 'userIdentity.principalId')
  add('accessKey', t.relatedAccessKey, 'accessKey', 'userIdentity.accessKeyId')
  if (related.length === 0) return null
  return (
    <div className="viewer__related" role="group" aria-label={t.relatedLabel} data-testid="related">
      <span className="viewer__related-label">{t.relatedLabel}</span>
      {related.map((r) => (
        <button
          key={r.key}
          type="button"
          className="viewer__chip"
          title={formatMessage(t.relatedTitle, { clause: r.clause })}
          data-testid={`related-${r.key}`}
          onClick={() => showRelated(r.clause)}
        >
          {r.label}
        </button>
      ))}
    </div>
  )
}

function SelectionBar({ t }: { t: Messages }) {
  const ids = useSelection((s) => s.ids)
  if (ids.length < 2) return null
  const canCompare = ids.length <= MAX_COMPARE
  return (
    <div className="viewer__selection" data-testid="selection-bar">
      <span className="viewer__selection-count">{formatMessage(t.selectionCount, { n: ids.length })}</span>
      {canCompare ? (
        <button type="button" className="button button--small button--primary" title={t.compareButtonTitle} data-testid="compare-button" onClick={() => openCompare(ids)}>
          {formatMessage(t.compareButton, { n: ids.length })}
        </button>
      ) : (
        <span className="muted">{t.compareLimit}</span>
      )}
      <button type="button" className="button button--small button--quiet" onClick={collapseSelection} data-testid="selection-clear">
        {t.selectionClear}
      </button>
    </div>
  )
}

function FieldBar({ value, pretty, t, actions }: { value: ValueAt | null; pretty: PrettyJson | null; t: Messages; actions: ValueActions }) {
  if (!value || !pretty) {
    return (
      <div className="viewer__field viewer__field--empty" data-testid="field-bar">
        {t.viewerFieldNone}
      </div>
    )
  }
  const include = clauseFor(value, false)
  const exclude = clauseFor(value, true)
  const account = accountIn(value)
  const shown = actions.valueText(value)
  return (
    <div className="viewer__field" role="group" aria-label={t.viewerFieldLabel} data-testid="field-bar">
      <code className="viewer__field-path" title={value.path} data-testid="field-path">
        {queryField(value.path) ?? value.path}
      </code>
      <span className="viewer__field-value" title={shown}>
        {shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}
      </span>
      <span className="viewer__field-actions">
        {include ? (
          <button type="button" className="button button--small" title={formatMessage(t.viewerFilterValueTitle, { clause: include })} data-testid="field-filter" onClick={() => actions.filter(include)}>
            {t.viewerFilterValue}
          </button>
        ) : null}
        {exclude ? (
          <button type="button" className="button button--small button--quiet" title={formatMessage(t.viewerExcludeValueTitle, { clause: exclude })} data-testid="field-exclude" onClick={() => actions.filter(exclude)}>
            {t.viewerExcludeValue}
          </button>
        ) : null}
        <button type="button" className="button button--small button--quiet" data-testid="field-copy-value" onClick={() => actions.copy(shown, 'value')}>
          {t.viewerCopyValue}
        </button>
        <button type="button" className="button button--small button--quiet" data-testid="field-copy-path" onClick={() => actions.copy(value.path, 'path')}>
          {t.viewerCopyPath}
        </button>
        {columnForPath(value.path) ? (
          <button type="button" className="button button--small button--quiet" data-testid="field-add-column" onClick={() => addColumnForPath(value.path)}>
            {t.addAsColumn}
          </button>
        ) : null}
        {account ? (
          <button type="button" className="button button--small button--quiet" data-testid="field-name-account" onClick={() => actions.nameAccount(account)}>
            {t.viewerNameAccount}
          </button>
        ) : null}
      </span>
    </div>
  )
}

export function EventViewer() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  const newest = useView((s) => s.info?.newest ?? null)
  const aliases = useAccountAliases((s) => s.aliases)
  const selectedId = useView((s) => s.selectedId)
  const showNotes = useUi((s) => s.showNotes)
  const setShowNotes = useUi((s) => s.setShowNotes)
  const [shown, setShown] = useState<Shown>(null)
  const [cursorValue, setCursorValue] = useState<ValueAt | null>(null)
  const [flash, setFlash] = useFlash()

  useEffect(() => {
    if (selectedId === null) {
      setShown(null)
      return
    }
    let live = true
    getApi()
      .getEvent(selectedId)
      .then(
        (detail) => live && setShown({ id: selectedId, detail }),
        (error: unknown) => live && setShown({ id: selectedId, error: error instanceof Error ? error.message : String(error) }),
      )
    return () => {
      live = false
    }
  }, [selectedId])

  const detail = shown && 'detail' in shown ? shown.detail : null
  const pretty = useMemo(() => (detail ? prettyJson(detail.json) : null), [detail])
  const notes = useMemo(
    () => (pretty ? noteLines(pretty, { language, timeZone: zone, newest, aliases, now: Date.now() }) : []),
    [pretty, language, zone, newest, aliases],
  )
  // A new event: the cursor starts on its first line, with no field yet.
  useEffect(() => setCursorValue(null), [pretty])

  const eventName = pretty ? stringValue(pretty.values.get('eventName')) : null
  const eventSource = pretty ? stringValue(pretty.values.get('eventSource')) : null
  const eventTimeText = pretty ? stringValue(pretty.values.get('eventTime')) : null
  // The header shows a time only where the list does (an eventTime without a zone is no time).
  const eventTime = eventTimeText && !detail?.noTime ? parseZonedInstant(eventTimeText) : null
  const errorCode = pretty ? stringValue(pretty.values.get('errorCode')) : null
  const apiUrl = eventName ? apiReferenceUrl(eventSource ?? '', eventName) : null
  const loadingEvent = selectedId !== null && shown?.id !== selectedId

  const copy = useCallback(
    (text: string, what: 'value' | 'path' | 'event') => {
      const done = { value: t.viewerCopiedValue, path: t.viewerCopiedPath, event: t.viewerCopiedEvent }[what]
      navigator.clipboard.writeText(text).then(
        () => setFlash(done),
        (error: unknown) => setFlash(formatMessage(t.viewerCopyFailed, { message: error instanceof Error ? error.message : String(error) })),
      )
    },
    [t, setFlash],
  )

  const actions = useMemo<ValueActions>(
    () => ({
      filter: (clause) => addClause(clause),
      copy,
      nameAccount: (account) => openAliasEditor(account),
      valueText: (value) => (pretty ? copyText(value, pretty) : ''),
      eventText: () => pretty?.text ?? detail?.json ?? '',
    }),
    [copy, pretty, detail],
  )

  return (
    <div className="viewer" data-testid="viewer">
      <div className="viewer__header">
        {detail ? (
          <>
            <div className="viewer__title">
              <IntegrityMark id={detail.id} large />
              <span className="viewer__name" data-testid="viewer-event-name">
                {eventName ?? '—'}
              </span>
              {errorCode ? (
                <span className="error-badge error-badge--large" data-testid="viewer-error" title={errorCode}>
                  <span className="error-badge__icon" aria-hidden="true" />
                  <span className="error-badge__text">{errorCode}</span>
                </span>
              ) : null}
            </div>
            <div className="viewer__meta">
              {eventTime !== null ? <span data-testid="viewer-time">{formatInstant(eventTime, zone, language)}</span> : null}
              <span className="viewer__file" title={detail.file} data-testid="viewer-file">
                {formatMessage(t.viewerFile, { file: fileBaseName(detail.file) })}
              </span>
            </div>
          </>
        ) : (
          <div className="viewer__title viewer__title--muted" />
        )}
        <div className="viewer__tools">
          <label className="toggle" title={t.annotationsTitle}>
            <input type="checkbox" checked={showNotes} onChange={(e) => setShowNotes(e.target.checked)} data-testid="toggle-notes" />
            <span>{t.annotationsOn}</span>
          </label>
          {detail && apiUrl && eventName ? <DocLinkButton url={apiUrl} label={t.apiDocs} title={formatMessage(t.apiDocsTitle, { action: eventName })} /> : null}
          {detail ? (
            <button type="button" className="button button--small button--quiet" data-testid="copy-json" onClick={() => copy(pretty?.text ?? detail.json, 'event')}>
              {t.copyJson}
            </button>
          ) : null}
        </div>
      </div>
      <SelectionBar t={t} />
      {pretty && detail ? <RelatedBar pretty={pretty} t={t} /> : null}
      {pretty && detail ? <RawTextNotice pretty={pretty} t={t} /> : null}
      {detail ? <EventNotices detail={detail} /> : null}
      {pretty?.ok && detail ? <EventCard pretty={pretty} ctx={{ language, timeZone: zone, newest, aliases, now: Date.now() }} t={t} /> : null}
      <WhoSection eventId={detail ? detail.id : null} eventTime={eventTime} />
      <EventDetections eventId={detail ? detail.id : null} />
      <div className="viewer__body">
        <JsonEditor
          text={pretty?.text ?? ''}
          pretty={pretty}
          notes={notes}
          inline={showNotes}
          ariaLabel={eventName ?? t.viewerEmptyTitle}
          t={t}
          actions={actions}
          onCursorValue={setCursorValue}
        />
        {!detail ? (
          <div className="viewer__overlay">
            {shown && 'error' in shown ? (
              <EmptyState title={formatMessage(t.viewerError, { message: shown.error })} body="" />
            ) : loadingEvent ? (
              <EmptyState title={t.viewerLoading} body="" loading />
            ) : (
              <EmptyState title={t.viewerEmptyTitle} body={t.viewerEmptyBody} testId="viewer-empty" />
            )}
          </div>
        ) : null}
        <div className={flash ? 'viewer__flash is-shown' : 'viewer__flash'} role="status" aria-live="polite" data-testid="viewer-flash">
          {flash}
        </div>
      </div>
      {detail ? <FieldBar value={cursorValue} pretty={pretty} t={t} actions={actions} /> : null}
      <div className="viewer__keys" data-testid="keyboard-help" title={t.keyboardHelp}>
        {t.keyboardHelp}
      </div>
    </div>
  )
}
