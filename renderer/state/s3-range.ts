// The S3 dialog's date range as typed: always UTC (CloudTrail's zone, and the folders' days).
// A date alone is midnight UTC, so "to 2024-03-11" ends the range as 2024-03-11 begins, as the
// CLI reads --to. Pure, so it is unit-tested.

import { parseRangeTime } from '../../common/time'

// The one reading of a range end (common/time), shared with the CLI's --from/--to.
export { parseRangeTime }

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

export type RangePreset = 'today' | 'last24h' | 'last7d'
export const RANGE_PRESETS: readonly RangePreset[] = ['today', 'last24h', 'last7d']

/** A time as the dialog writes it: the date alone at midnight UTC, else to the minute ("…T12:05Z"). */
export function formatRangeTime(ms: number): string {
  const iso = new Date(ms).toISOString()
  if (ms % DAY_MS === 0) return iso.slice(0, 10)
  return ms % 60_000 === 0 ? `${iso.slice(0, 16)}Z` : iso.replace('.000Z', 'Z')
}

/** The from/to text of a preset, at `now`: today = this UTC day; the others end at the next whole minute. */
export function presetRange(preset: RangePreset, now: number): { from: string; to: string } {
  if (preset === 'today') {
    const start = Math.floor(now / DAY_MS) * DAY_MS
    return { from: formatRangeTime(start), to: formatRangeTime(start + DAY_MS) }
  }
  const to = Math.ceil((now + 1) / 60_000) * 60_000
  const from = to - (preset === 'last24h' ? 24 * HOUR_MS : 7 * DAY_MS)
  return { from: formatRangeTime(from), to: formatRangeTime(to) }
}

export type RangeCheck = { ok: true; from: number; to: number } | { ok: false; field: 'from' | 'to' | 'range' }

export function checkRange(fromText: string, toText: string): RangeCheck {
  const from = parseRangeTime(fromText)
  if (from === undefined) return { ok: false, field: 'from' }
  const to = parseRangeTime(toText)
  if (to === undefined) return { ok: false, field: 'to' }
  return to > from ? { ok: true, from, to } : { ok: false, field: 'range' }
}
