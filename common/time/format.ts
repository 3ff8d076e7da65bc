// Every way a time is shown, from one reading of the wall clock (zonedParts, Intl): the list's
// "2020-05-05 12:33:28", ISO with the zone's offset, the viewer's "Tue 2020-05-05 12:33:28
// Asia/Tokyo (UTC+09:00)" and eventTime as CloudTrail writes it. Years outside 0-9999 are
// written with as many digits as they need.

import type { Language } from '../i18n'
import { isValidZone, UTC, zonedParts, type ZonedParts } from './zone'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function formatYear(year: number): string {
  return year >= 0 && year <= 9999 ? pad(year, 4) : String(year)
}

function valid(ms: number | null | undefined): ms is number {
  return ms !== null && ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
}

const dateOf = (p: ZonedParts): string => `${formatYear(p.year)}-${pad(p.month)}-${pad(p.day)}`
const timeOf = (p: ZonedParts): string => `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
const millisOf = (p: ZonedParts): string => (p.millisecond ? `.${pad(p.millisecond, 3)}` : '')

/** "+09:00", "-05:30", "+00:00". */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000)
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** "UTC", "UTC+09:00", "UTC-03:30". */
export function offsetLabel(offsetMinutes: number): string {
  return offsetMinutes === 0 ? 'UTC' : `UTC${formatOffset(offsetMinutes * 60_000)}`
}

/** "2020-05-05 12:33:28" in the zone; an em dash when there is no time. */
export function formatInZone(ms: number | null | undefined, zone: string): string {
  if (!valid(ms)) return '—'
  const p = zonedParts(ms, zone)
  return `${dateOf(p)} ${timeOf(p)}`
}

/** "2020-05-05T12:33:28+09:00" (…Z in UTC), with milliseconds when the time has any. */
export function isoInZone(ms: number | null | undefined, zone: string): string {
  if (!valid(ms)) return '—'
  const p = zonedParts(ms, zone)
  return `${dateOf(p)}T${timeOf(p)}${millisOf(p)}${zone === UTC ? 'Z' : formatOffset(p.offsetMs)}`
}

/** eventTime as CloudTrail writes it (`2024-03-05T14:30:15Z`), for wildcard matches on times. */
export function formatEventTime(ms: number): string {
  return isoInZone(ms, UTC)
}

/**
 * An instant in a zone, for people: "Tue 2020-05-05 03:33:28 UTC" / "2020-05-05 (火) 03:33:28 UTC";
 * in another zone, the zone's name and offset follow: "Tue 2020-05-05 12:33:28 Asia/Tokyo (UTC+09:00)".
 * An unknown zone is shown as UTC.
 */
export function formatInstant(ms: number, zone: string, language: Language): string {
  const known = isValidZone(zone) ? zone : UTC
  const p = zonedParts(ms, known)
  const date = dateOf(p)
  const time = `${timeOf(p)}${millisOf(p)}`
  const zoneText = known === UTC ? UTC : `${zone} (${offsetLabel(Math.round(p.offsetMs / 60_000))})`
  return language === 'ja' ? `${date} (${WEEKDAYS_JA[p.weekday]}) ${time} ${zoneText}` : `${WEEKDAYS[p.weekday]} ${date} ${time} ${zoneText}`
}
