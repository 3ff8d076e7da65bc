// The count area's word on the query: past QUERY_SLOW_MS it says the query is running, for how
// long, with Cancel (main stops it: cancelView); after a Cancel it says the list shows the result
// before it. The counts beside it are marked as the previous result's meanwhile (Counts reads
// useQueryStale), so an old count never passes for the new query's answer.
import { useEffect, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { useSessionState, useViewSession } from '../session/session-react'
import { useT } from '../state/language-store'

/** A query answered faster than this never shows the indicator (no flicker while typing). */
export const QUERY_SLOW_MS = 150

/** Milliseconds the current query has run, updated while it runs; null when none runs. */
function useRunningFor(): number | null {
  const since = useSessionState((s) => s.querying?.since ?? null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [since])
  return since === null ? null : Math.max(0, now - since)
}

/** Whether the counts shown are not the current query's answer (it runs slowly, or was cancelled). */
export function useQueryStale(): boolean {
  const runningFor = useRunningFor()
  const cancelled = useSessionState((s) => s.cancelled !== null)
  return cancelled || (runningFor !== null && runningFor >= QUERY_SLOW_MS)
}

export function QueryStatus() {
  const t = useT()
  const session = useViewSession()
  const runningFor = useRunningFor()
  const cancelled = useSessionState((s) => s.cancelled)
  if (runningFor !== null && runningFor >= QUERY_SLOW_MS) {
    // Compact (the top bar is full at 1280 px): a spinner and the seconds, the words in its title.
    const time = (runningFor / 1000).toFixed(1)
    return (
      <div className="query-status" role="status" title={formatMessage(t.queryRunningLabel, { time })} aria-label={formatMessage(t.queryRunningLabel, { time })} data-testid="query-running">
        <span className="spinner spinner--small" aria-hidden="true" />
        <span className="query-status__time">{formatMessage(t.queryRunning, { time })}</span>
        <button type="button" className="button button--small" title={t.queryCancelTitle} onClick={() => void session.cancelQuery()} data-testid="query-cancel">
          {t.cancel}
        </button>
      </div>
    )
  }
  if (runningFor === null && cancelled !== null) {
    return (
      <div className="query-status query-status--cancelled" role="status" title={t.queryCancelledNote} data-testid="query-cancelled">
        {t.queryCancelledNote}
      </div>
    )
  }
  return null
}
