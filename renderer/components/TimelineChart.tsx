// The timeline's chart: bars of events per bucket (errors stacked on successes) on a linear or
// log count scale, a band of events with a detection per bucket coloured by the highest level
// among them, the time axis, the brush, and the tooltip of the bucket under the pointer. The
// tooltip goes as soon as the pointer leaves the bars (or a brush starts, or the window loses it).
import { useEffect, useState, type PointerEvent } from 'react'
import { DETECTION_LEVELS } from '../../common/detections'
import { formatMessage } from '../../common/i18n'
import type { Histogram } from '../../common/ipc-contract'
import { formatInZone } from '../../common/time'
import { formatCount } from '../format/format'
import { timeTicks } from '../list/time-ticks'
import { setRange } from '../state/find-store'
import { useT } from '../state/language-store'
import { customRange, ALL_TIME } from '../state/view-spec'
import { levelLabel } from './DetectionMark'
import { compactCount } from '../format/format'
import { countScale, gutterFor } from './timeline-scale'

export const BARS_HEIGHT = 44
const LEVEL_BAND = 12
const BAND_GAP = 3
const AXIS_HEIGHT = 15
/** A press that moves less than this is a click, not a brush. */
const MIN_BRUSH_PX = 4
const TIP_WIDTH = 230

interface Brush {
  x0: number
  x1: number
}

/** Per bucket: events with a detection, and the highest level's rank among them (-1: none). */
function levelSummary(levels: number[][] | undefined, n: number): { counts: number[]; top: number[] } | null {
  if (!levels) return null
  const counts = new Array<number>(n).fill(0)
  const top = new Array<number>(n).fill(-1)
  levels.forEach((series, rank) => {
    for (let i = 0; i < n; i++) {
      if (!series[i]) continue
      counts[i] += series[i]
      top[i] = rank
    }
  })
  return { counts, top }
}

export function TimelineChart({ histogram, width: outerWidth, zone, log }: { histogram: Histogram; width: number; zone: string; log: boolean }) {
  const t = useT()
  const [brush, setBrush] = useState<Brush | null>(null)
  const [hover, setHover] = useState<number | null>(null)
  const n = histogram.errors.length
  const totals = histogram.errors.map((e, i) => e + histogram.successes[i])
  const scale = countScale(Math.max(1, ...totals), BARS_HEIGHT, log)
  const labels = scale.ticks.map(compactCount)
  const gutter = gutterFor(labels)
  const width = Math.max(10, outerWidth - gutter)
  const bw = width / n
  const detections = levelSummary(histogram.levels, n)
  const bandScale = detections ? countScale(Math.max(1, ...detections.counts), LEVEL_BAND, log) : null
  const bandTop = BARS_HEIGHT + BAND_GAP
  const axisTop = detections ? bandTop + LEVEL_BAND : BARS_HEIGHT
  const end = histogram.start + n * histogram.bucketMs
  const ticks = timeTicks(histogram.start, end, zone, Math.max(2, Math.floor(width / 95)))
  const xOf = (ms: number): number => ((ms - histogram.start) / (end - histogram.start)) * width
  const bucketAt = (x: number): number => Math.max(0, Math.min(n - 1, Math.floor(x / bw)))
  const localX = (e: PointerEvent<SVGSVGElement>): number => {
    const box = e.currentTarget.getBoundingClientRect()
    return Math.max(0, Math.min(width, e.clientX - box.left - gutter))
  }
  const gap = bw > 4 ? 1 : 0

  // A pointer that leaves the window (or a window that loses focus) takes no pointerleave with it.
  useEffect(() => {
    const hide = (): void => setHover(null)
    window.addEventListener('blur', hide)
    document.documentElement.addEventListener('pointerleave', hide)
    return () => {
      window.removeEventListener('blur', hide)
      document.documentElement.removeEventListener('pointerleave', hide)
    }
  }, [])

  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    if (e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const x = localX(e)
    setHover(null)
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
    // Released outside the chart: no pointerleave follows a captured pointer, so no tooltip either.
    const box = e.currentTarget.getBoundingClientRect()
    if (e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom) setHover(null)
    if (Math.abs(x1 - brush.x0) < MIN_BRUSH_PX) return
    const first = bucketAt(Math.min(brush.x0, x1))
    const last = bucketAt(Math.max(brush.x0, x1) - 0.5)
    setRange(customRange(histogram.start + first * histogram.bucketMs, histogram.start + (last + 1) * histogram.bucketMs))
  }

  const brushRect = brush && Math.abs(brush.x1 - brush.x0) >= MIN_BRUSH_PX ? { x: Math.min(brush.x0, brush.x1), w: Math.abs(brush.x1 - brush.x0) } : null
  const tip = hover !== null && !brush && hover < n ? hover : null

  return (
    <div className="timeline__chart" onPointerLeave={() => setHover(null)}>
      <svg
        width={outerWidth}
        height={axisTop + AXIS_HEIGHT}
        className="timeline__svg"
        data-testid="timeline-svg"
        data-scale={log ? 'log' : 'linear'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (setBrush(null), setHover(null))}
        onPointerLeave={() => setHover(null)}
        onDoubleClick={() => setRange(ALL_TIME)}
      >
        {scale.ticks.map((count, i) => {
          const y = BARS_HEIGHT - scale.height(count)
          return (
            <g key={count}>
              <text x={gutter - 5} y={Math.min(BARS_HEIGHT, Math.max(8, y + 3))} textAnchor="end" className="timeline__max" data-testid="timeline-count">
                {labels[i]}
              </text>
              {i > 0 ? <line x1={gutter - 2} x2={outerWidth} y1={Math.round(y) + 0.5} y2={Math.round(y) + 0.5} className="timeline__grid" /> : null}
            </g>
          )
        })}
        <g transform={`translate(${gutter} 0)`}>
          <line x1={0} x2={width} y1={BARS_HEIGHT + 0.5} y2={BARS_HEIGHT + 0.5} className="timeline__baseline" />
          {totals.map((total, i) => {
            if (total === 0) return null
            const x = i * bw
            const w = Math.max(1, bw - gap)
            // Heights of the stack's top and of its successes: on a log scale the parts are not additive.
            const whole = scale.height(total)
            const hs = total === 0 ? 0 : whole * (histogram.successes[i] / total)
            const he = whole - hs
            return (
              <g key={i} className={i === tip ? 'timeline__bar is-hover' : 'timeline__bar'} data-testid="timeline-bar" data-index={i}>
                {hs > 0 ? <rect x={x} y={BARS_HEIGHT - hs} width={w} height={hs} className="timeline__ok" /> : null}
                {he > 0 ? <rect x={x} y={BARS_HEIGHT - hs - he} width={w} height={he} className="timeline__err" data-testid="timeline-err" /> : null}
              </g>
            )
          })}
          {detections && bandScale
            ? detections.counts.map((count, i) => {
                if (count === 0) return null
                const h = Math.max(2, bandScale.height(count))
                const level = DETECTION_LEVELS[detections.top[i]]
                return <rect key={i} x={i * bw} y={bandTop + LEVEL_BAND - h} width={Math.max(1, bw - gap)} height={h} className={`timeline__level timeline__level--${level}`} data-testid="timeline-level" data-level={level} data-index={i} />
              })
            : null}
          {ticks.map((tick) => {
            const x = xOf(tick.ms)
            const anchor = x < 30 ? 'start' : x > width - 30 ? 'end' : 'middle'
            return (
              <g key={tick.ms}>
                <line x1={x + 0.5} x2={x + 0.5} y1={axisTop} y2={axisTop + 3} className="timeline__tick" />
                <text x={x} y={axisTop + 13} textAnchor={anchor} className={tick.major ? 'timeline__label is-major' : 'timeline__label'} data-testid="timeline-label">
                  {tick.label}
                </text>
              </g>
            )
          })}
          {brushRect ? <rect x={brushRect.x} y={0} width={brushRect.w} height={axisTop} className="timeline__brush" data-testid="timeline-brush" /> : null}
        </g>
      </svg>
      {tip !== null ? (
        <div className="timeline__tip" style={{ left: gutter + Math.min(Math.max(0, tip * bw + bw / 2 - TIP_WIDTH / 2), width - TIP_WIDTH) }} role="status" data-testid="timeline-tip">
          <div>
            {formatInZone(histogram.start + tip * histogram.bucketMs, zone)} – {formatInZone(histogram.start + (tip + 1) * histogram.bucketMs, zone).slice(11)}
          </div>
          <div>{formatMessage(t.timelineTip, { n: formatCount(totals[tip]), errors: formatCount(histogram.errors[tip]) })}</div>
          {detections && detections.counts[tip] > 0 ? (
            <div>{formatMessage(t.timelineTipDetections, { n: formatCount(detections.counts[tip]), level: levelLabel(t, DETECTION_LEVELS[detections.top[tip]]) })}</div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
