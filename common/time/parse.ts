// The one reading of a time a person typed or an event holds, beside the strict eventTime reader
// (event-time.ts): queries (`2024-03-05`, `2024-03-05T14:30Z`), the time range inputs (wall time
// in the chosen zone), the S3 range (dialog and --from/--to) and time-looking values in the
// viewer. Date.parse is not used: it reads a time without a zone in the machine's zone (the
// user's zone must never change what a query matches) and rolls 30 February into March.
//
// Forms: YYYY-MM (a month), YYYY-MM-DD (a day), then T or a space and hh:mm, hh:mm:ss or
// hh:mm:ss.fff..., then optionally Z or an offset (+09:00, +0900). With `basic`, also the
// compact ISO 8601 form some fields use (20131102T010628Z). A zone only follows a time.

import { addMonths, instantOf, MS_PER_DAY, wallMs } from './calendar'
import { UTC, wallToInstant } from './zone'

export type TimePrecision = 'month' | 'day' | 'minute' | 'second' | 'millisecond'

export interface Instant {
  /** The instant, ms since the epoch. */
  start: number
  /** The end of the period the text names at its precision (a day, a minute...), exclusive. */
  end: number
}

export interface ParsedTime extends Instant {
  precision: TimePrecision
  /** The text named its zone (Z or an offset): it is that instant whatever zone was asked for. */
  zoned: boolean
}

export interface ParseTimeOptions {
  /** The zone of a time without Z or an offset (an IANA name; default UTC, CloudTrail's own). */
  zone?: string
  /** Also accept ISO 8601's basic form, 20131102T010628Z. */
  basic?: boolean
}

const EXTENDED = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i

/** Minutes east of UTC of "Z", "+09:00" or "-0530"; NaN for an offset of 24 hours or more. */
function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2))
  if (hours > 23 || minutes > 59) return NaN
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** A typed or written time, or null when the text is not one or names a date that does not exist. */
export function parseTime(text: string, options: ParseTimeOptions = {}): ParsedTime | null {
  const trimmed = text.trim()
  const m = EXTENDED.exec(trimmed) ?? (options.basic ? BASIC.exec(trimmed) : null)
  if (!m) return null
  const [, y, mo, d, h, mi, s, fraction, zoneText] = m
  const year = Number(y)
  const month = Number(mo)
  // A zone only makes sense with a time of day.
  if (zoneText !== undefined && h === undefined) return null
  const offset = zoneText === undefined ? 0 : offsetMinutes(zoneText)
  const first = instantOf(year, month, d === undefined ? 1 : Number(d), h === undefined ? 0 : Number(h), mi === undefined ? 0 : Number(mi), s === undefined ? 0 : Number(s), fraction ?? '', offset)
  if (Number.isNaN(first)) return null
  const precision: TimePrecision = d === undefined ? 'month' : h === undefined ? 'day' : s === undefined ? 'minute' : fraction === undefined ? 'second' : 'millisecond'
  const zoned = zoneText !== undefined
  const zone = zoned ? UTC : (options.zone ?? UTC)
  if (precision === 'month') {
    const next = addMonths(year, month, 1)
    return { start: wallToInstant(first, zone), end: wallToInstant(wallMs(next.year, next.month, 1), zone), precision, zoned }
  }
  const length = precision === 'day' ? MS_PER_DAY : precision === 'minute' ? 60_000 : precision === 'second' ? 1000 : 1
  // Wall time in a zone: the end is found in the zone too (a day across a DST change is 23 or 25 h).
  return { start: wallToInstant(first, zone), end: wallToInstant(first + length, zone), precision, zoned }
}

/** An instant as typed in a query (no zone means UTC), or null. */
export function parseInstant(text: string): Instant | null {
  const parsed = parseTime(text)
  return parsed && { start: parsed.start, end: parsed.end }
}

/**
 * A time typed in a range input: "2024-03-05", "2024-03-05 14:30", "2024-03-05T14:30:15" are
 * wall time in `zone`; with "Z" or an offset ("…+09:00") they are that instant. Null when the
 * text is not a time.
 */
export function parseInZone(text: string, zone: string): number | null {
  return parseTime(text, { zone })?.start ?? null
}

/**
 * The S3 range as typed (the dialog, --from/--to): a date alone is midnight UTC, a date-time is
 * UTC unless it has an offset; undefined otherwise (a month alone is not a range end).
 */
export function parseRangeTime(text: string): number | undefined {
  const parsed = parseTime(text)
  return parsed && parsed.precision !== 'month' ? parsed.start : undefined
}

/**
 * An instant written in an event, to the second, that names its zone: extended
 * (2020-05-05T03:33:28Z) or basic (20131102T010628Z) ISO 8601. Null for anything else, so a
 * date or a time without a zone is never given a zone it did not have.
 */
export function parseZonedInstant(text: string): number | null {
  if (!/^\d{4}-?\d{2}-?\d{2}T/.test(text)) return null
  const parsed = parseTime(text, { basic: true })
  return parsed && parsed.zoned && (parsed.precision === 'second' || parsed.precision === 'millisecond') ? parsed.start : null
}
