// The S3 dialog's run: the phase, a progress bar, objects / bytes / events counted, what came
// from the cache, Cancel while running, and every problem named with its s3:// key.
import { formatMessage, type Messages } from '../../common/i18n'
import type { S3OpenProgress } from '../../common/ipc-contract'
import { formatBytes, formatCount } from '../format/format'
import { problemWords } from '../format/problem-words'
import { errorText } from '../api/error-text'
import { useT } from '../state/language-store'
import { cancelS3Open, runFinished, useS3 } from '../state/s3-store'
import { WithCode } from './S3Fields'

/** An open that found no object to read: said in the UI's language (main's `notice` says it in English). */
function nothingInRange(p: S3OpenProgress): boolean {
  return p.done && !p.cancelled && !p.error && !p.offline && p.objectsTotal === 0
}

/** The failure that ended the open, in the UI's language when main gave it a code. */
function failureText(p: S3OpenProgress & { error: string }): string {
  return errorText(Object.assign(new Error(p.error), { code: p.errorCode, values: p.errorValues }))
}

function phaseText(t: Messages, p: S3OpenProgress | null): string {
  if (!p) return t.s3PhaseDiscovering
  if (p.done) return p.error ? t.s3FailedWhole : p.cancelled ? t.s3PhaseCancelled : t.s3PhaseDone
  return { discovering: t.s3PhaseDiscovering, listing: t.s3PhaseListing, downloading: t.s3PhaseDownloading, loading: t.s3PhaseLoading, done: t.s3PhaseDone }[p.phase]
}

export function RunView() {
  const t = useT()
  const run = useS3((s) => s.run)
  if (!run) return null
  const p = run.progress
  const finished = runFinished(run)
  const fraction = p && p.objectsTotal > 0 ? (p.objectsDone + p.failed) / p.objectsTotal : null
  // The open's failure also comes as a problem report, in main's words: listed once, as the failure.
  const fatalReason = run.error ?? p?.error ?? null
  const fatal = run.error ?? (p?.error ? failureText({ ...p, error: p.error }) : null)
  const problems = run.problems.filter((r) => r.reason !== fatalReason)
  return (
    <section className="s3-run" data-testid="s3-progress" data-done={finished ? 'true' : 'false'} aria-live="polite">
      <div className="s3-run__head">
        <strong className="s3-run__phase" data-testid="s3-phase">
          {run.error ? t.s3FailedWhole : phaseText(t, p)}
        </strong>
        {!finished ? (
          <button type="button" className="button button--small" title={t.s3CancelTitle} onClick={cancelS3Open} data-testid="s3-cancel">
            {t.cancel}
          </button>
        ) : null}
      </div>
      {!finished ? (
        <div className="progress__bar s3-run__bar" aria-hidden="true">
          <div
            className={fraction === null ? 'progress__fill progress__fill--indeterminate' : 'progress__fill'}
            style={fraction === null ? undefined : { width: `${Math.round(Math.min(1, fraction) * 100)}%` }}
          />
        </div>
      ) : null}
      {p && !fatal ? (
        <div className="s3-run__stats">
          <span data-testid="s3-objects">{formatMessage(t.s3Objects, { done: formatCount(p.objectsDone), total: formatCount(p.objectsTotal) + (p.listingDone ? '' : '+') })}</span>
          <span>{formatMessage(t.s3Bytes, { done: formatBytes(p.bytesDone), total: formatBytes(p.bytesTotal) })}</span>
          <span data-testid="s3-events">{formatMessage(t.s3Events, { n: formatCount(p.events) })}</span>
          {p.fromCache > 0 ? <span className="muted">{formatMessage(t.s3FromCache, { n: formatCount(p.fromCache) })}</span> : null}
          {p.failed > 0 ? <span className="s3-run__failed">{formatMessage(t.s3Failed, { n: formatCount(p.failed) })}</span> : null}
        </div>
      ) : null}
      {p?.offline ? <p className="s3-note">{t.s3Offline}</p> : null}
      {p && nothingInRange(p) ? (
        <p className="s3-note" data-testid="s3-notice">
          {t.s3NothingInRange}
        </p>
      ) : null}
      {fatal ? (
        <p className="s3-error" role="alert" data-testid="s3-error">
          <WithCode text={fatal} />
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="s3-problems">
          <div className="s3-problems__title">{formatMessage(t.s3Problems, { n: formatCount(Math.max(problems.length, p?.failed ?? 0)) })}</div>
          <ul className="s3-problems__list">
            {problems.map((r, i) => (
              <li key={`${r.file}\u0000${i}`} className="s3-problem" data-testid="s3-problem">
                <span className="s3-problem__file" title={r.file}>
                  {r.file}
                </span>
                <span className="s3-problem__reason">
                  <WithCode text={problemWords(r.reason, t)} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
