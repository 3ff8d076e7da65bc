// The timeline of the current result: events per time bucket, errors stacked on successes, axis
// labels in the chosen zone. Dragging across it (a brush) sets a custom time range, snapped to
// whole bars, and the result narrows to it (the timeline then zooms in); a double-click, the
// reset button, or Escape / Backspace while it has focus goes back to all times.
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { formatMessage } from '../../common/i18n'
import type { Histogram } from '../../common/ipc-contract'
import { formatCount } from '../format/format'
import { formatInZone } from '../../common/time'
import { bucketLabel, timeTicks } from '../list/time-ticks'
import { setRange, useFind } from '../state/find-store'
import { setHistogramBuckets, useInsights } from '../state/insights-store'
import { useLanguage, useT } from '../state/language-store'
import { useTimeZone } from '../state/time-zone'
import { ALL_TIME, customRange } from '../state/view-spec'

const BARS_HEIGHT = 44
const AXIS_HEIGHT = 15
/** Pixels per bucket the timeline asks for. */
const BUCKET_PX = 12
/** Room at the left for the count scale. */
const GUTTER = 30
/** A press that moves less than this is a click, not a brush. */
const MIN_BRUSH_PX = 4

interface Brush {
  x0: number
  x1: number
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const v of values) total += v
  return total
}

function Chart({ histogram, width: outerWidth, zone }: { histogram: Histogram; width: number; zone: string }) {
  const t = useT()
  const width = Math.max(10, outerWidth - GUTTER)
  const [brush, setBrush] = useState<Brush | null>(null)
  const [hover, setHover] = useState<number | null>(null)
  const n = histogram.errors.length
  const bw = width / n
  const totals = histogram.errors.map((e, i) => e + histogram.successes[i])
  const max = Math.max(1, ...totals)
  const end = histogram.start + n * histogram.bucketMs
  const ticks = timeTicks(histogram.start, end, zone, Math.max(2, Math.floor(width / 95)))
  const xOf = (ms: number): number => ((ms - histogram.start) / (end - histogram.start)) * width
  const bucketAt = (x: number): number => Math.max(0, Math.min(n - 1, Math.floor(x / bw)))
  const localX = (e: PointerEvent<SVGSVGElement>): number => {
    const box = e.currentTarget.getBoundingClientRect()
    return Math.max(0, Math.min(width, e.clientX - box.left - GUTTER))
  }
  const gap = bw > 4 ? 1 : 0

  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    if (e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const x = localX(e)
    setBrush({ x0: x, x1: x })
  }
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    const x = localX(e)
    if (brush) setBrush({ ...brush, x1: x })
    else setHover(bucketAt(x))
  }
  const onPointerUp = (e: PointerEvent<SVGSVGElement>): void => {
    if (!brush) return
    e.currentTarget.releasePointerCapture(e.pointerId)
    const x1 = localX(e)
    setBrush(null)
    if (Math.abs(x1 - brush.x0) < MIN_BRUSH_PX) return
    const first = bucketAt(Math.min(brush.x0, x1))
    const last = bucketAt(Math.max(brush.x0, x1) - 0.5)
    setRange(customRange(histogram.start + first * histogram.bucketMs, histogram.start + (last + 1) * histogram.bucketMs))
  }

  const brushRect = brush && Math.abs(brush.x1 - brush.x0) >= MIN_BRUSH_PX ? { x: Math.min(brush.x0, brush.x1), w: Math.abs(brush.x1 - brush.x0) } : null
  const tip = hover !== null && !brush && hover < n ? hover : null

  return (
    <div className="timeline__chart">
      <svg
        width={outerWidth}
        height={BARS_HEIGHT + AXIS_HEIGHT}
        className="timeline__svg"
        data-testid="timeline-svg"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        onDoubleClick={() => setRange(ALL_TIME)}
      >
        <text x={GUTTER - 5} y={8} textAnchor="end" className="timeline__max">
          {formatCount(max)}
        </text>
        <text x={GUTTER - 5} y={BARS_HEIGHT} textAnchor="end" className="timeline__max">
          0
        </text>
        <line x1={GUTTER - 2} x2={outerWidth} y1={0.5} y2={0.5} className="timeline__grid" />
        <g transform={`translate(${GUTTER} 0)`}>
          <line x1={0} x2={width} y1={BARS_HEIGHT + 0.5} y2={BARS_HEIGHT + 0.5} className="timeline__baseline" />
          {totals.map((total, i) => {
            if (total === 0) return null
            const x = i * bw
            const w = Math.max(1, bw - gap)
            const hs = (histogram.successes[i] / max) * BARS_HEIGHT
            const he = (histogram.errors[i] / max) * BARS_HEIGHT
            return (
              <g key={i} className={i === tip ? 'timeline__bar is-hover' : 'timeline__bar'} data-testid="timeline-bar" data-index={i}>
                {hs > 0 ? <rect x={x} y={BARS_HEIGHT - hs} width={w} height={hs} className="timeline__ok" /> : null}
                {he > 0 ? <rect x={x} y={BARS_HEIGHT - hs - he} width={w} height={he} className="timeline__err" /> : null}
              </g>
            )
          })}
          {ticks.map((tick) => {
            const x = xOf(tick.ms)
            const anchor = x < 30 ? 'start' : x > width - 30 ? 'end' : 'middle'
            return (
              <g key={tick.ms}>
                <line x1={x + 0.5} x2={x + 0.5} y1={BARS_HEIGHT} y2={BARS_HEIGHT + 3} className="timeline__tick" />
                <text x={x} y={BARS_HEIGHT + 13} textAnchor={anchor} className={tick.major ? 'timeline__label is-major' : 'timeline__label'} data-testid="timeline-label">
                  {tick.label}
                </text>
              </g>
            )
          })}
          {brushRect ? <rect x={brushRect.x} y={0} width={brushRect.w} height={BARS_HEIGHT} className="timeline__brush" data-testid="timeline-brush" /> : null}
        </g>
      </svg>
      {tip !== null ? (
        <div className="timeline__tip" style={{ left: GUTTER + Math.min(Math.max(0, tip * bw + bw / 2 - 105), width - 210) }} role="status">
          <div>
            {formatInZone(histogram.start + tip * histogram.bucketMs, zone)} – {formatInZone(histogram.start + (tip + 1) * histogram.bucketMs, zone).slice(11)}
          </div>
          <div>
            {formatMessage(t.timelineTip, { n: formatCount(totals[tip]), errors: formatCount(histogram.errors[tip]) })}
          </div>
        </div>
      ) : null}
    </div>
  )
}

export function Timeline() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  const histogram = useInsights((s) => s.histogram)
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
          {histogram && histogram.untimed > 0 ? <span className="muted"> · {formatMessage(t.timelineUntimed, { n: formatCount(histogram.untimed) })}</span> : null}
        </span>
        <span className="timeline__spacer" />
        <span className="timeline__hint">{t.timelineHint}</span>
        {zoomed ? (
          <button type="button" className="button button--small" onClick={() => setRange(ALL_TIME)} data-testid="timeline-reset">
            {t.timelineReset}
          </button>
        ) : null}
      </div>
      <div
        ref={box}
        className="timeline__body"
        tabIndex={0}
        role="group"
        aria-label={t.timelineKeyboard}
        onKeyDown={onKeyDown}
      >
        {histogram && n > 0 && width > 0 ? <Chart histogram={histogram} width={width} zone={zone} /> : <div className="timeline__empty">{t.timelineEmpty}</div>}
      </div>
    </section>
  )
}
