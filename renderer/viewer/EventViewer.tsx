// The right pane: the selected event, fetched on selection (getEvent) and pretty-printed from its
// original text, with a note on every known field.
import { useEffect, useMemo, useState } from 'react'
import type { EventDetail } from '../../common/event-row'
import { formatMessage } from '../../common/i18n'
import { describeUtc, parseIsoTime, fileBaseName } from '../format/format'
import { getApi } from '../api/get-api'
import { useLanguage, useT } from '../state/language-store'
import { useUi } from '../state/ui-store'
import { useView } from '../state/view-store'
import { EmptyState } from '../components/EmptyState'
import { noteLines } from './annotate'
import { prettyJson, stringValue } from './pretty-json'
import { JsonEditor } from './JsonEditor'

type Shown = { id: number; detail: EventDetail } | { id: number; error: string } | null

function CopyButton({ text }: { text: string }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1500)
    return () => clearTimeout(timer)
  }, [copied])
  return (
    <button
      type="button"
      className="button button--small button--quiet"
      data-testid="copy-json"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }}
    >
      {copied ? t.copied : t.copyJson}
    </button>
  )
}

export function EventViewer() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const selectedId = useView((s) => s.selectedId)
  const showNotes = useUi((s) => s.showNotes)
  const setShowNotes = useUi((s) => s.setShowNotes)
  const [shown, setShown] = useState<Shown>(null)

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
  const notes = useMemo(() => (pretty ? noteLines(pretty, language) : []), [pretty, language])

  const eventName = pretty ? stringValue(pretty.values.get('eventName')) : null
  const eventTimeText = pretty ? stringValue(pretty.values.get('eventTime')) : null
  const eventTime = eventTimeText ? parseIsoTime(eventTimeText) : null
  const errorCode = pretty ? stringValue(pretty.values.get('errorCode')) : null
  const loadingEvent = selectedId !== null && shown?.id !== selectedId

  return (
    <div className="viewer" data-testid="viewer">
      <div className="viewer__header">
        {detail ? (
          <>
            <div className="viewer__title">
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
              {eventTime !== null ? <span>{describeUtc(eventTime, language)}</span> : null}
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
          {detail ? <CopyButton text={pretty?.text ?? detail.json} /> : null}
        </div>
      </div>
      <div className="viewer__body">
        <JsonEditor text={pretty?.text ?? ''} notes={notes} inline={showNotes} ariaLabel={eventName ?? t.viewerEmptyTitle} />
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
      </div>
    </div>
  )
}
