// The count area's word on the query: once the session marks it slow (querying.slow, past
// QUERY_SLOW_MS) it says the query is running, for how long, with Cancel (main stops it:
// cancelView); after a Cancel it says the list shows the result before it. The counts beside it
// are marked as the previous result's meanwhile (Counts reads useQueryStale), so an old count
// never passes for the new query's answer. Only the seconds shown tick, and only while shown.
import { useEffect, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { useSessionState, useViewSession } from '../session/session-react'
import { useT } from '../state/language-store'

/** Whether the counts shown are not the current query's answer (it runs slowly, or was cancelled). */
export function useQueryStale(): boolean {
  return useSessionState((s) => s.cancelled !== null || s.querying?.slow === true)
}

/** A slow query: a spinner and the seconds it has run (ticking while shown), and Cancel. */
function SlowQuery({ since }: { since: number }) {
  const t = useT()
  const session = useViewSession()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [since])
  const time = (Math.max(0, now - since) / 1000).toFixed(1)
  // Compact (the top bar is full at 1280 px): the seconds, the words in its title.
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

export function QueryStatus() {
  const t = useT()
  const slowSince = useSessionState((s) => (s.querying?.slow ? s.querying.since : null))
  const running = useSessionState((s) => s.querying !== null)
  const cancelled = useSessionState((s) => s.cancelled)
  if (slowSince !== null) return <SlowQuery since={slowSince} />
  if (!running && cancelled !== null) {
    return (
      <div className="query-status query-status--cancelled" role="status" title={t.queryCancelledNote} data-testid="query-cancelled">
        {t.queryCancelledNote}
      </div>
    )
  }
  return null
}
