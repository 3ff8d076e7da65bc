// Times in a chosen zone: UTC (CloudTrail's own), the machine's, or any IANA zone. Pure (Intl
// only); one cached Intl.DateTimeFormat per zone, so formatting a screenful of rows is cheap.
// Queries never depend on the zone (no zone in a query means UTC); only what is shown does, and
// the custom time range inputs, which read a time without an offset as wall time in the zone.

import { parseInstant } from '../query/instant'

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
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall
  return { year, month, day, hour, minute, second, millisecond, weekday: WEEKDAY_INDEX[values.weekday] ?? 0, offsetMs: fixed - (ms - millisecond) }
}

/** The zone's offset from UTC at an instant, ms. */
export function zoneOffsetMs(ms: number, zone: string): number {
  return zone === UTC ? 0 : zonedParts(ms, zone).offsetMs
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function formatYear(year: number): string {
  return year >= 0 && year <= 9999 ? pad(year, 4) : String(year)
}

/** "+09:00", "-05:30", "+00:00". */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000)
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

function valid(ms: number | null | undefined): ms is number {
  return ms !== null && ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
}

/** "2020-05-05 12:33:28" in the zone; an em dash when there is no time. */
export function formatInZone(ms: number | null | undefined, zone: string): string {
  if (!valid(ms)) return '—'
  const p = zonedParts(ms, zone)
  return `${formatYear(p.year)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}

/** "2020-05-05T12:33:28+09:00" (…Z in UTC), with milliseconds when the time has any. */
export function isoInZone(ms: number | null | undefined, zone: string): string {
  if (!valid(ms)) return '—'
  const p = zonedParts(ms, zone)
  const millis = p.millisecond ? `.${pad(p.millisecond, 3)}` : ''
  const offset = zone === UTC ? 'Z' : formatOffset(p.offsetMs)
  return `${formatYear(p.year)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${millis}${offset}`
}

/** The instant whose wall-clock time in `zone` is `wall` (wall fields written as if UTC). */
export function wallToInstant(wall: number, zone: string): number {
  if (zone === UTC) return wall
  // Two passes settle the offset except in a gap (spring forward), where the later offset wins.
  const first = wall - zoneOffsetMs(wall, zone)
  const second = wall - zoneOffsetMs(first, zone)
  return second === first ? first : wall - zoneOffsetMs(second, zone)
}

/**
 * A time typed in a range input: "2024-03-05", "2024-03-05 14:30", "2024-03-05T14:30:15" are
 * wall time in `zone`; with "Z" or an offset ("…+09:00") they are that instant. Null when the
 * text is not a time.
 */
export function parseInZone(text: string, zone: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const instant = parseInstant(trimmed)
  if (!instant) return null
  if (/(?:z|[+-]\d{2}:?\d{2})$/i.test(trimmed) && /[T ]\d/.test(trimmed)) return instant.start
  return wallToInstant(instant.start, zone)
}

/** The zone as a header says it: "UTC", "Asia/Tokyo". */
export function zoneName(zone: string): string {
  return zone === UTC ? UTC : zone
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
