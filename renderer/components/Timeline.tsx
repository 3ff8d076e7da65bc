// The timeline of the current result: events per time bucket, errors stacked on successes, events
// with a detection by level, axis labels in the chosen zone (the chart: TimelineChart.tsx).
// Dragging across it (a brush) sets a custom time range, snapped to whole bars, and the result
// narrows to it (the timeline then zooms in); a double-click, the reset button, or Escape /
// Backspace while it has focus goes back to all times. The count scale is linear or logarithmic
// (a kept choice, state/timeline-prefs.ts).
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { formatInZone } from '../../common/time'
import { bucketLabel } from '../list/time-ticks'
import { setRange, useFind } from '../state/find-store'
import { setHistogramBuckets, useInsights } from '../state/insights-store'
import { useLanguage, useT } from '../state/language-store'
import { useTimelinePrefs } from '../state/timeline-prefs'
import { useTimeZone } from '../state/time-zone'
import { ALL_TIME } from '../state/view-spec'
import { TimelineChart } from './TimelineChart'

/** Pixels per bucket the timeline asks for. */
const BUCKET_PX = 12

function sum(values: readonly number[]): number {
  let total = 0
  for (const v of values) total += v
  return total
}

export function Timeline() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  const histogram = useInsights((s) => s.histogram)
  const logScale = useTimelinePrefs((s) => s.logScale)
  const range = useFind((s) => s.range)
  const box = useRef<HTMLDivElement | null>(null)
  const [width, setWidth] = useState(0)

  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    const measure = (): void => {
      const w = Math.floor(element.clientWidth)
      setWidth(w)
      if (w > 0) setHistogramBuckets(w / BUCKET_PX)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const n = histogram?.errors.length ?? 0
  const errors = histogram ? sum(histogram.errors) : 0
  const timed = histogram ? errors + sum(histogram.successes) : 0
  const detected = histogram?.levels ? sum(histogram.levels.map(sum)) : 0
  const zoomed = range.kind !== 'all'

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if ((e.key === 'Escape' || e.key === 'Backspace' || e.key === 'Delete') && zoomed) {
      e.preventDefault()
      setRange(ALL_TIME)
    }
  }

  return (
    <section className="timeline" aria-label={t.timelineTitle} data-testid="timeline">
      <div className="timeline__header">
        <span className="timeline__title">{t.timelineTitle}</span>
        {histogram && n > 0 ? (
          <span className="timeline__summary" data-testid="timeline-summary">
            {formatMessage(t.timelineSummary, {
              first: formatInZone(histogram.start, zone),
              last: formatInZone(histogram.start + n * histogram.bucketMs, zone),
              zone,
              bucket: bucketLabel(histogram.bucketMs, language),
            })}
          </span>
        ) : null}
        <span className="timeline__legend">
          <span className="legend legend--ok" aria-hidden="true" />
          {formatMessage(t.timelineSuccesses, { n: formatCount(timed - errors) })}
          <span className="legend legend--err" aria-hidden="true" />
          {formatMessage(t.timelineErrors, { n: formatCount(errors) })}
          {detected > 0 ? (
            <>
              <span className="legend legend--level" aria-hidden="true" />
              <span data-testid="timeline-detected">{formatMessage(t.timelineDetected, { n: formatCount(detected) })}</span>
            </>
          ) : null}
          {histogram && histogram.untimed > 0 ? <span className="muted" data-testid="timeline-untimed"> · {histogram.untimedLevels ? formatMessage(t.timelineUntimedDetected, { n: formatCount(histogram.untimed), m: formatCount(sum(histogram.untimedLevels)) }) : formatMessage(t.timelineUntimed, { n: formatCount(histogram.untimed) })}</span> : null}
        </span>
        <span className="timeline__spacer" />
        <span className="timeline__hint">{t.timelineHint}</span>
        <label className="toggle timeline__log" title={t.timelineLogTitle}>
          <input type="checkbox" checked={logScale} data-testid="timeline-log" onChange={(e) => useTimelinePrefs.getState().setLogScale(e.currentTarget.checked)} />
          <span>{t.timelineLog}</span>
        </label>
        {zoomed ? (
          <button type="button" className="button button--small" onClick={() => setRange(ALL_TIME)} data-testid="timeline-reset">
            {t.timelineReset}
          </button>
        ) : null}
      </div>
      <div
        ref={box}
        className={histogram?.levels ? 'timeline__body has-levels' : 'timeline__body'}
        tabIndex={0}
        role="group"
        aria-label={t.timelineKeyboard}
        onKeyDown={onKeyDown}
      >
        {histogram && n > 0 && width > 0 ? <TimelineChart histogram={histogram} width={width} zone={zone} log={logScale} /> : <div className="timeline__empty">{t.timelineEmpty}</div>}
      </div>
    </section>
  )
}
