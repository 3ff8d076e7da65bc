// Export ▸ the selected events or the whole current result: scope, format, gzip, the CSV's extra
// columns (the list's), how many selected events the filter hides, then progress with Cancel.
// A Modal: focus stays inside, Escape closes it (and stops a running export).
// Also the note that says what was written or copied, with Show in folder in the desktop app.
import { useEffect, useId } from 'react'
import type { ExportFormat } from '../../common/ipc-contract'
import { formatMessage, type Messages } from '../../common/i18n'
import { extraCsvColumns } from '../../common/csv-columns'
import { COLUMN_DEFS, rowColumnsOf } from '../list/columns'
import { formatCount } from '../format/format'
import { useFindPrefs } from '../state/find-prefs'
import { useT } from '../state/language-store'
import { useSessionState, useViewSession } from '../session/session-react'
import { scopeCount, type ExportScope } from '../session/session-state'
import { EXPORT_FORMATS, setExportChoice, useExportPrefs } from '../state/export-prefs'
import { Modal } from './Modal'

const FORMAT_LABEL: Record<ExportFormat, keyof Messages> = { records: 'exportFormatRecords', jsonl: 'exportFormatJsonl', csv: 'exportFormatCsv' }
const FORMAT_HINT: Record<ExportFormat, keyof Messages> = { records: 'exportFormatRecordsHint', jsonl: 'exportFormatJsonlHint', csv: 'exportFormatCsvHint' }

function Progress({ t }: { t: Messages }) {
  const running = useSessionState((s) => s.running)
  if (!running) return null
  const progress = running.progress
  const fraction = progress && progress.total > 0 ? progress.done / progress.total : null
  return (
    <div className="export-progress" role="status" data-testid="export-progress">
      <div className="progress__bar" aria-hidden="true">
        <div
          className={fraction === null ? 'progress__fill progress__fill--indeterminate' : 'progress__fill'}
          style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
        />
      </div>
      <span>{progress ? formatMessage(t.exportProgress, { done: formatCount(progress.done), total: formatCount(progress.total) }) : t.exportPreparing}</span>
    </div>
  )
}

function DialogBody() {
  const t = useT()
  const { startExport, cancelExport, closeExportDialog, setExportScope } = useViewSession()
  const scope = useSessionState((s) => s.exportScope)
  const format = useExportPrefs((s) => s.format)
  const gzip = useExportPrefs((s) => s.gzip)
  const counts = useSessionState((s) => s.counts)
  const running = useSessionState((s) => s.running)
  const matched = useSessionState((s) => s.info?.matched ?? 0)
  const columns = rowColumnsOf(useFindPrefs((s) => s.columns))
  const id = useId()
  const selected = useSessionState((s) => scopeCount(s, 'selected'))
  const hidden = counts?.hidden ?? 0
  const busy = running !== null
  const count = scope === 'result' ? matched : selected
  const scopes: { value: ExportScope; label: string; disabled: boolean }[] = [
    { value: 'selected', label: formatMessage(t.exportScopeSelected, { n: formatCount(selected) }), disabled: selected === 0 },
    { value: 'result', label: formatMessage(t.exportScopeResult, { n: formatCount(matched) }), disabled: matched === 0 },
  ]
  return (
    <form
      method="dialog"
      className="modal__form"
      onSubmit={(e) => {
        e.preventDefault()
        void startExport()
      }}
    >
      <div className="modal__content">
        <fieldset className="export-fieldset" disabled={busy}>
          <legend>{t.exportScope}</legend>
          {scopes.map((option) => (
            <label key={option.value} className="export-choice">
              <input
                type="radio"
                name={`${id}-scope`}
                value={option.value}
                checked={scope === option.value}
                disabled={option.disabled}
                data-testid={`export-scope-${option.value}`}
                onChange={() => setExportScope(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
          {scope === 'selected' && hidden > 0 ? (
            <p className="export-note export-note--warn" data-testid="export-hidden">
              {formatMessage(t.exportHiddenSelected, { n: formatCount(hidden) })}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="export-fieldset" disabled={busy}>
          <legend>{t.exportFormat}</legend>
          {EXPORT_FORMATS.map((value) => (
            <label key={value} className="export-choice">
              <input type="radio" name={`${id}-format`} value={value} checked={format === value} data-testid={`export-format-${value}`} onChange={() => setExportChoice({ format: value })} />
              <span>
                {t[FORMAT_LABEL[value]]} <span className="muted">— {t[FORMAT_HINT[value]]}</span>
              </span>
            </label>
          ))}
          {format === 'csv' ? (
            <p className="export-note" data-testid="export-csv-columns">
              {extraCsvColumns(columns).length > 0
                ? formatMessage(t.exportCsvColumns, { columns: extraCsvColumns(columns).map((c) => t[COLUMN_DEFS[c].label]).join(', ') })
                : t.exportCsvConsoleOnly}
            </p>
          ) : null}
          <label className="export-choice">
            <input type="checkbox" checked={gzip} data-testid="export-gzip" onChange={(e) => setExportChoice({ gzip: e.currentTarget.checked })} />
            <span>{t.exportGzip}</span>
          </label>
        </fieldset>
        <p className="export-note muted">{format === 'csv' ? t.exportCsvNote : t.exportLossless}</p>
        <Progress t={t} />
      </div>
      <footer className="modal__footer">
        <span className="modal__spacer" />
        {busy ? (
          <button type="button" className="button" onClick={() => void cancelExport()} data-testid="export-cancel">
            {t.exportCancel}
          </button>
        ) : (
          <button type="button" className="button" onClick={closeExportDialog} data-testid="export-close">
            {t.exportClose}
          </button>
        )}
        {/* Focused when the dialog opens (Modal): Ctrl/Cmd+E, then Enter, exports with the last choices. */}
        <button type="submit" className="button button--primary" disabled={busy || count === 0} data-autofocus data-testid="export-start">
          {formatMessage(t.exportStart, { n: formatCount(count) })}
        </button>
      </footer>
    </form>
  )
}

export function ExportDialog() {
  const t = useT()
  const { closeExportDialog } = useViewSession()
  const open = useSessionState((s) => s.exportOpen)
  return (
    // However it closes (Escape included), closeExportDialog runs: it stops a running export.
    <Modal open={open} onClose={closeExportDialog} title={t.exportTitle} className="export-dialog" testId="export-dialog">
      <DialogBody />
    </Modal>
  )
}

/** What was written or copied (or why not), until dismissed or replaced. */
export function ExportNotice() {
  const t = useT()
  const { dismissNotice, showExportedFile } = useViewSession()
  const notice = useSessionState((s) => s.notice)
  useEffect(() => {
    if (!notice || notice.kind === 'error' || notice.path) return
    const timer = setTimeout(dismissNotice, 6000)
    return () => clearTimeout(timer)
  }, [notice, dismissNotice])
  if (!notice) return null
  return (
    <div className={`export-notice export-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="export-notice">
      <span className="export-notice__text">{notice.text}</span>
      {notice.path ? (
        <button type="button" className="button button--small" onClick={() => showExportedFile(notice.path!)} data-testid="export-show-in-folder">
          {t.exportShowInFolder}
        </button>
      ) : null}
      <button type="button" className="icon-button" aria-label={t.noticeDismiss} title={t.noticeDismiss} onClick={dismissNotice}>
        ×
      </button>
    </div>
  )
}
