// The one reading of an event's eventTime. An event is evidence: its time is either an ISO 8601
// instant that names its zone (`2024-03-05T10:21:01Z`, `2024-03-05T19:21:01.250+09:00`) or it is
// "no time". Date.parse is not used: it makes a date of "<img src=x>" or "2001" and reads a
// time without a zone in the machine's own zone, so the same file would sort differently on two
// analysts' machines. An event with no time keeps its raw value in its JSON; the list shows it
// last and labelled, and time filters and the histogram leave it out.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/

const MS_PER_DAY = 86_400_000

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Days from 1970-01-01 to the date, proleptic Gregorian (H. Hinnant's days_from_civil): exact
 * for every four-digit year, where Date.UTC would read years 0-99 as 1900-1999.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/**
 * ms since the epoch of a zoned date-time given as numbers, or NaN when a field is out of range
 * (month 13, 30 February, 24:00, second 60, an offset of 24 hours or more). `fraction` is the
 * digits after the decimal point ('' for none); digits past milliseconds are dropped, as every
 * instant is kept to the millisecond.
 */
export function instantOf(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string, offsetMinutes: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN
  if (hour > 23 || minute > 59 || second > 59) return NaN
  const millis = fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'))
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
}

/** eventTime as ms since the epoch; NaN ("no time") for anything but a zoned ISO 8601 instant. */
export function parseEventTime(value: unknown): number {
  if (typeof value !== 'string' || value.length > 40) return NaN
  const m = INSTANT.exec(value)
  if (m === null) return NaN
  let offset = 0
  if (m[8] !== undefined) {
    const zoneHours = Number(m[9])
    const zoneMinutes = Number(m[10])
    if (zoneHours > 23 || zoneMinutes > 59) return NaN
    offset = (m[8] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
  }
  return instantOf(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ?? '', offset)
}
