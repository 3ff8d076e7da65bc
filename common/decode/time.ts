// How far apart two instants are, in words ("3 days before the newest event"). Pure: the newest
// time is passed in. Reading and showing the instants themselves is common/time's.

import type { Language } from '../i18n'

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
