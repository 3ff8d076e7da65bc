// Calendar arithmetic, proleptic Gregorian, without Date: Date.UTC reads years 0-99 as 1900-1999
// and rolls 30 February over into March, and an event's time must be read exactly or not at all.
// Every parser in common/time turns its fields into an instant here, so they agree on which
// dates exist.

export const MS_PER_DAY = 86_400_000

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

/** Milliseconds from a fraction's digits ('' for none); digits past milliseconds are dropped. */
export function fractionMs(fraction: string): number {
  return fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'))
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
  if (Math.abs(offsetMinutes) >= 24 * 60) return NaN
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fractionMs(fraction)
}

/**
 * The wall-clock fields as if they were UTC: what zone arithmetic (wallToInstant) starts from.
 * No range check: callers pass fields read from Intl or already checked by instantOf.
 */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000
}

/** The month `months` after (year, month): calendar stepping without Date. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 }
}
