// Instants as CloudTrail writes them, shown in a chosen time zone, and how far they are from the
// newest loaded event ("3 days before the newest event"). Pure: the zone and the newest time are
// passed in. Intl does the zone arithmetic (the renderer and Node both ship full ICU data).

import type { Language } from '../i18n'
import { isValidZone, UTC, zonedParts, type ZonedParts } from '../time'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const

/** ISO 8601 as CloudTrail writes it: extended (2020-05-05T03:33:28Z) or basic (20131102T010628Z), Z or an offset. */
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/

/** ms since the epoch of an ISO 8601 instant, or null when the text is not one (no zone: not an instant). */
export function parseInstant(text: string): number | null {
  const m = EXTENDED.exec(text) ?? BASIC.exec(text)
  if (!m) return null
  const [, y, mo, d, h, mi, s, fraction, zone] = m
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0)
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  }
  return Number.isFinite(ms) ? ms : null
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** True for 'UTC' and the IANA names Intl accepts (Asia/Tokyo...). */
export const isValidTimeZone = isValidZone

interface WallClock extends ZonedParts {
  /** Minutes east of UTC. */
  offset: number
}

/** An instant's wall clock in a zone (UTC for an unknown zone), from the shared zone code. */
function wallClock(ms: number, zone: string): WallClock {
  const parts = zonedParts(ms, isValidZone(zone) ? zone : UTC)
  return { ...parts, offset: Math.round(parts.offsetMs / 60_000) }
}

/** "UTC", "UTC+09:00", "UTC-03:30". */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC'
  const sign = offsetMinutes > 0 ? '+' : '-'
  const abs = Math.abs(offsetMinutes)
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * An instant in a zone, for people: "Tue 2020-05-05 03:33:28 UTC" / "2020-05-05 (火) 03:33:28 UTC";
 * in another zone, the zone's name and offset follow: "Tue 2020-05-05 12:33:28 Asia/Tokyo (UTC+09:00)".
 */
export function formatInstant(ms: number, zone: string, language: Language): string {
  const c = wallClock(ms, zone)
  const millis = ((ms % 1000) + 1000) % 1000
  const date = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`
  const time = `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${millis ? `.${pad(millis, 3)}` : ''}`
  const utc = zone === 'UTC' || !isValidTimeZone(zone)
  const zoneText = utc ? 'UTC' : `${zone} (${offsetLabel(c.offset)})`
  return language === 'ja' ? `${date} (${WEEKDAYS_JA[c.weekday]}) ${time} ${zoneText}` : `${WEEKDAYS[c.weekday]} ${date} ${time} ${zoneText}`
}

const UNITS: readonly [number, string, string][] = [
  [365 * 86_400_000, 'year', '年'],
  [30 * 86_400_000, 'month', 'か月'],
  [86_400_000, 'day', '日'],
  [3_600_000, 'hour', '時間'],
  [60_000, 'minute', '分'],
  [1000, 'second', '秒'],
]

/** A coarse length of time: "3 days", "1 hour", "3 日". Under a second is "0 seconds". */
export function describeSpan(spanMs: number, language: Language): string {
  const abs = Math.abs(spanMs)
  for (const [size, en, ja] of UNITS) {
    if (abs >= size || size === 1000) {
      const n = Math.floor(abs / size)
      return language === 'ja' ? `${n} ${ja}` : `${n} ${en}${n === 1 ? '' : 's'}`
    }
  }
  return ''
}

/** Where an instant sits against the newest loaded event: "3 days before the newest event". */
export function relativeToNewest(ms: number, newest: number | null | undefined, language: Language): string | null {
  if (newest === null || newest === undefined || !Number.isFinite(newest)) return null
  const delta = newest - ms
  if (Math.abs(delta) < 1000) return language === 'ja' ? '最新のイベントと同時刻' : 'the time of the newest event'
  const span = describeSpan(delta, language)
  if (delta > 0) return language === 'ja' ? `最新のイベントの ${span}前` : `${span} before the newest event`
  return language === 'ja' ? `最新のイベントの ${span}後` : `${span} after the newest event`
}
