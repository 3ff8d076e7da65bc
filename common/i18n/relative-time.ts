// "3 days ago" / "3 日前": a time relative to now, in the UI's language, through
// Intl.RelativeTimeFormat, so plurals and word order are the platform's, not ours.

import type { Language } from './index'

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
]

const formatters = new Map<Language, Intl.RelativeTimeFormat>()
function formatter(language: Language): Intl.RelativeTimeFormat {
  let format = formatters.get(language)
  if (!format) {
    // numeric 'always': "1 day ago", never "yesterday", which would hide the count a reader
    // compares between events.
    format = new Intl.RelativeTimeFormat(language, { numeric: 'always' })
    formatters.set(language, format)
  }
  return format
}

/**
 * `then` relative to `now` (both ms), in the largest whole unit that fits, rounded towards zero
 * ("3 days ago" for 3.9 days): coarse on purpose, the exact time is always shown beside it.
 */
export function formatRelativeTime(then: number, now: number, language: Language): string {
  const delta = then - now
  const size = Math.abs(delta)
  for (const [unit, ms] of UNITS) {
    // -0 for now itself: "0 seconds ago", not "in 0 seconds".
    if (size >= ms || unit === 'second') return formatter(language).format(Math.trunc(size / ms) * (delta > 0 ? 1 : -1), unit)
  }
  return ''
}
