// Instants as typed in queries: `2024-03-05`, `2024-03-05T14:30Z`, `2024-03-05 14:30:15.250+09:00`.
// Date.parse is not used because it reads a date-time without a zone as local time, and the
// user's local zone must never change what a query matches: no zone means UTC.

export interface Instant {
  /** The instant, ms since the epoch. */
  start: number
  /** The end of the period the text names at its precision (a day, a minute...), exclusive. */
  end: number
}

const INSTANT = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i

const DAY = 86_400_000

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parses an instant, or returns null when the text is not one (or names an impossible date). */
export function parseInstant(text: string): Instant | null {
  const m = INSTANT.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h, mi, s, ms, zone] = m
  const year = Number(y)
  const month = Number(mo)
  if (month < 1 || month > 12) return null
  if (d === undefined) {
    // A month alone: 2024-03 is all of March. A zone only makes sense with a time.
    if (zone) return null
    return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) }
  }
  const day = Number(d)
  if (day < 1 || day > daysInMonth(year, month)) return null
  if (h === undefined) {
    if (zone) return null
    const start = Date.UTC(year, month - 1, day)
    return { start, end: start + DAY }
  }
  const hour = Number(h)
  const minute = Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (hour > 23 || minute > 59 || second > 59) return null
  const millis = ms === undefined ? 0 : Number(ms.padEnd(3, '0'))
  let offset = 0
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const zh = Number(digits.slice(0, 2))
    const zm = Number(digits.slice(2))
    if (zh > 23 || zm > 59) return null
    offset = sign * (zh * 60 + zm) * 60_000
  }
  const start = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset
  const precision = ms !== undefined ? 1 : s !== undefined ? 1000 : 60_000
  return { start, end: start + precision }
}

/** eventTime as CloudTrail writes it (`2024-03-05T14:30:15Z`), for wildcard matches on times. */
export function formatEventTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}
