// Axis ticks for the timeline in the chosen zone: round wall-clock times (every 15 minutes, every
// hour, each midnight...) at the spacing that fits, labelled the way a person reads them. Pure.

import { wallMs, wallOf, wallToInstant, zonedParts, type ZonedParts } from '../../common/time'

export interface Tick {
  ms: number
  label: string
  /** The first tick of a new day (or year, for daily ticks): its label carries the date. */
  major: boolean
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Steps below a month are fixed lengths of wall time; months and years are calendar steps. */
const STEPS: readonly ({ ms: number } | { months: number })[] = [
  ...[1, 5, 10, 15, 30].map((n) => ({ ms: n * SECOND })),
  ...[1, 5, 10, 15, 30].map((n) => ({ ms: n * MINUTE })),
  ...[1, 2, 3, 6, 12].map((n) => ({ ms: n * HOUR })),
  ...[1, 2, 7, 14].map((n) => ({ ms: n * DAY })),
  ...[1, 3, 6, 12, 24, 60, 120].map((n) => ({ months: n })),
]

const pad = (n: number): string => String(n).padStart(2, '0')

function stepLength(step: { ms: number } | { months: number }): number {
  return 'ms' in step ? step.ms : step.months * 30.44 * DAY
}

/** The step a span needs for at most `maxTicks` ticks. */
export function tickStep(spanMs: number, maxTicks: number): { ms: number } | { months: number } {
  const wanted = Math.max(1, maxTicks)
  return STEPS.find((step) => spanMs / stepLength(step) <= wanted) ?? STEPS[STEPS.length - 1]
}

function label(p: ZonedParts, step: { ms: number } | { months: number }, major: boolean): string {
  const date = `${pad(p.month)}-${pad(p.day)}`
  if ('months' in step) return `${p.year}-${pad(p.month)}`
  if (step.ms >= DAY) return major ? `${p.year}-${date}` : date
  const time = step.ms < MINUTE ? `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` : `${pad(p.hour)}:${pad(p.minute)}`
  return major ? `${date} ${time}` : time
}

/** Ticks in [start, end], at most about `maxTicks`, at round wall-clock times in `zone`. */
export function timeTicks(start: number, end: number, zone: string, maxTicks: number): Tick[] {
  if (!(end > start) || !Number.isFinite(start) || !Number.isFinite(end)) return []
  const step = tickStep(end - start, maxTicks)
  const ticks: Tick[] = []
  const startWall = wallOf(zonedParts(start, zone))
  let wall: number
  // Month steps walk the calendar (months since year 0), not a fixed length.
  let monthIndex = 0
  if ('months' in step) {
    const p = zonedParts(start, zone)
    const index = p.year * 12 + (p.month - 1)
    const first = Math.ceil((index + (wallOf(p) > wallMs(p.year, p.month, 1) ? 1 : 0)) / step.months) * step.months
    monthIndex = first
    wall = wallMs(Math.floor(first / 12), (first % 12) + 1, 1)
  } else if (step.ms >= DAY) {
    // Whole days from the first wall-clock midnight (weeks from it too).
    const midnight = Math.ceil(startWall / DAY) * DAY
    wall = step.ms === DAY ? midnight : Math.ceil(midnight / step.ms) * step.ms
  } else {
    wall = Math.ceil(startWall / step.ms) * step.ms
  }
  let previous: ZonedParts | null = null
  for (let guard = 0; guard < 1000; guard++) {
    const ms = wallToInstant(wall, zone)
    if (ms > end) break
    if (ms >= start) {
      const p = zonedParts(ms, zone)
      const major =
        previous === null ||
        ('ms' in step && step.ms >= DAY ? p.year !== previous.year : p.day !== previous.day || p.month !== previous.month || p.year !== previous.year)
      // A DST change can land two wall times on one instant: keep the first.
      if (ticks.length === 0 || ticks[ticks.length - 1].ms !== ms) ticks.push({ ms, label: label(p, step, major), major })
      previous = p
    }
    if ('months' in step) {
      monthIndex += step.months
      wall = wallMs(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1)
    } else {
      wall += step.ms
    }
  }
  return ticks
}

/** "5 min", "1 h", "1 d"; "5分", "1時間", "1日". */
export function bucketLabel(ms: number, language: 'en' | 'ja'): string {
  const units: [number, string, string][] = [
    [DAY, 'd', '日'],
    [HOUR, 'h', '時間'],
    [MINUTE, 'min', '分'],
    [SECOND, 's', '秒'],
  ]
  for (const [size, en, ja] of units) {
    if (ms >= size && ms % size === 0) return language === 'ja' ? `${ms / size}${ja}` : `${ms / size} ${en}`
  }
  return `${ms} ms`
}
