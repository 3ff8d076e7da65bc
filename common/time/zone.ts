// Time zones: UTC (CloudTrail's own), the machine's, or any IANA zone, through Intl (the renderer
// and Node both ship full ICU data). One cached Intl.DateTimeFormat per zone, so reading the wall
// clock of a screenful of rows is cheap. Queries never depend on the zone (no zone in a query
// means UTC); only what is shown does, and the range inputs, which read wall time in the zone.

import { wallMs } from './calendar'

export const UTC = 'UTC'

export interface ZonedParts {
  year: number
  /** 1-12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** 0 = Sunday */
  weekday: number
  /** The zone's offset from UTC at that instant, ms (Tokyo: +9 h). */
  offsetMs: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    })
    formatters.set(zone, f)
  }
  return f
}

/** Whether Intl knows the zone (an IANA name such as Asia/Tokyo, or UTC). */
export function isValidZone(zone: string): boolean {
  if (zone === UTC) return true
  try {
    formatter(zone)
    return true
  } catch {
    return false
  }
}

/** The machine's own zone (IANA name; UTC when the platform cannot say). */
export function localZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || UTC
  } catch {
    return UTC
  }
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(ms: number, zone: string): ZonedParts {
  const millisecond = ((ms % 1000) + 1000) % 1000
  if (zone === UTC) {
    const d = new Date(ms)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond,
      weekday: d.getUTCDay(),
      offsetMs: 0,
    }
  }
  const values: Record<string, string> = {}
  for (const part of formatter(zone).formatToParts(ms)) values[part.type] = part.value
  let year = Number(values.year)
  if (values.era === 'BC' || values.era === 'B') year = 1 - year
  const month = Number(values.month)
  const day = Number(values.day)
  const hour = Number(values.hour) % 24
  const minute = Number(values.minute)
  const second = Number(values.second)
  const wall = wallMs(year, month, day, hour, minute, second)
  return { year, month, day, hour, minute, second, millisecond, weekday: WEEKDAY_INDEX[values.weekday] ?? 0, offsetMs: wall - (ms - millisecond) }
}

/** The zone's offset from UTC at an instant, ms. */
export function zoneOffsetMs(ms: number, zone: string): number {
  return zone === UTC ? 0 : zonedParts(ms, zone).offsetMs
}

/** The instant whose wall-clock time in `zone` is `wall` (wall fields written as if UTC). */
export function wallToInstant(wall: number, zone: string): number {
  if (zone === UTC) return wall
  // Two passes settle the offset except in a gap (spring forward), where the later offset wins.
  const first = wall - zoneOffsetMs(wall, zone)
  const second = wall - zoneOffsetMs(first, zone)
  return second === first ? first : wall - zoneOffsetMs(second, zone)
}

/** The wall-clock fields of `parts` as if they were UTC (the inverse of wallToInstant's input). */
export function wallOf(parts: ZonedParts): number {
  return wallMs(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
}

/** An entry of the zone picker. */
export interface ZoneOption {
  /** What is stored: 'UTC', 'local' or an IANA name. */
  choice: string
  label: string
  /** "+09:00" (now). */
  offset: string
}

/** Options whose name (or offset) contains every word typed; spaces match underscores. */
export function filterZones(options: readonly ZoneOption[], search: string): ZoneOption[] {
  const words = search.trim().toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...options]
  return options.filter((o) => {
    const hay = `${o.label} ${o.choice} utc${o.offset}`.toLowerCase().replace(/_/g, ' ')
    return words.every((w) => hay.includes(w))
  })
}
