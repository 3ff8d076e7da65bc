// The right pane: the current event (its detail fetched by the view session) pretty-printed from its
// original text, with a note on every known field and what its value decodes to; value actions
// (filter, copy, name an account) at the cursor, related events one click away, and the
// multi-selection's Compare button.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { formatInstant, parseZonedInstant } from '../../common/time'
import { apiReferenceUrl } from '../../common/decode/doc-links'
import { formatMessage } from '../../common/i18n'
import { EmptyState } from '../components/EmptyState'
import { IntegrityMark } from '../components/IntegrityMark'
import { fileBaseName } from '../format/format'
import { WhoSection } from '../identity/WhoSection'
import { useSessionState } from '../session/session-react'
import { openAliasEditor, useAccountAliases } from '../state/account-aliases'
import { addClause } from '../state/find-store'
import { useLanguage, useT } from '../state/language-store'
import { useTimeZone } from '../state/time-zone'
import { useUi } from '../state/ui-store'
import { noteLines } from './annotate'
import { EventCard } from './EventCard'
import { embeddedParts, riskNotes, withRiskNotes } from './embedded-children'
import { EventDetections } from './EventDetections'
import { EventNotices } from './EventNotices'
import { JsonEditor, type ValueActions } from './JsonEditor'
import { prettyJson, stringValue } from './pretty-json'
import { RawTextNotice } from './RawTextNotice'
import { copyText, type ValueAt } from './value-actions'
import { DocLinkButton, FieldBar, RelatedBar, SelectionBar } from './ViewerBars'

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

export function EventViewer() {
  const t = useT()
  const shown = useSessionState((s) => s.event)
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  const newest = useSessionState((s) => s.info?.newest ?? null)
  const aliases = useAccountAliases((s) => s.aliases)
  const selectedId = useSessionState((s) => s.selectedId)
  const showNotes = useUi((s) => s.showNotes)
  const setShowNotes = useUi((s) => s.setShowNotes)
  const [cursorValue, setCursorValue] = useState<ValueAt | null>(null)
  const [flash, setFlash] = useFlash()

  const detail = shown && 'detail' in shown ? shown.detail : null
  const pretty = useMemo(() => (detail ? prettyJson(detail.json) : null), [detail])
  // Strings holding JSON (policy documents...) decoded below their line, risky grants noted.
  // Decoding is kept across a language switch; only the notes' words change with it.
  const embedded = useMemo(() => embeddedParts(pretty), [pretty])
  const risks = useMemo(() => riskNotes(embedded.risks, language), [embedded, language])
  const notes = useMemo(
    () => (pretty ? withRiskNotes(noteLines(pretty, { language, timeZone: zone, newest, aliases, now: Date.now() }), risks) : []),
    [pretty, language, zone, newest, aliases, risks],
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
          embedded={embedded.children}
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
        <span className="viewer__keys-long">{t.keyboardHelp}</span>
        <span className="viewer__keys-short">{t.keyboardHelpShort}</span>
      </div>
    </div>
  )
}
