// Formatting for the list, the viewer, the timeline and the load: sizes, counts (grouped, or
// compact for the timeline's gutter), durations (a load's time left), file names. Pure. Times are
// common/time's; formatUtc is its UTC form, for the S3 dialog, which always speaks UTC
// (CloudTrail's folders).

import { formatMessage, type Messages } from '../../common/i18n'
import { formatInZone, UTC } from '../../common/time'

/** ms since the epoch -> "2020-05-05 03:33:28" in UTC; an em dash when there is no time. */
export function formatUtc(ms: number | null | undefined): string {
  return formatInZone(ms, UTC)
}

/** 1536 -> "1.5 KB"; binary units, one decimal. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`
}

/** 1234567 -> "1,234,567" (the same grouping in both UI languages). */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * 999 -> "999", 1234 -> "1.2k", 12345 -> "12k", 1234567 -> "1.2M", 2e9 -> "2G": at most four
 * characters, so a timeline label fits its gutter at any count (",011" was 1,011 cut at the left).
 */
export function compactCount(n: number): string {
  const value = Math.max(0, Math.round(n))
  if (value < 1000) return String(value)
  const units = ['k', 'M', 'G', 'T']
  let scaled = value
  let unit = -1
  while (scaled >= 999.5 && unit < units.length - 1) {
    scaled /= 1000
    unit++
  }
  // One decimal below 10 (1.2k), none above (12k, 120k), never "10.0k".
  const text = scaled < 9.95 ? scaled.toFixed(1).replace(/\.0$/, '') : String(Math.round(scaled))
  return `${text}${units[unit]}`
}

/** A duration rounded as a person would say it: whole seconds, minutes and seconds, or hours and minutes. */
export function durationParts(ms: number): { h: number; min: number; s: number } {
  const total = Math.max(1, Math.round(ms / 1000))
  if (total >= 3600) return { h: Math.floor(total / 3600), min: Math.round((total % 3600) / 60), s: 0 }
  if (total >= 60) return { h: 0, min: Math.floor(total / 60), s: total % 60 }
  return { h: 0, min: 0, s: total }
}

/** "12 s", "3 min 20 s", "1 h 5 min" (or "1 時間 5 分"): a duration in the language of `t`. */
export function formatDuration(ms: number, t: Messages): string {
  const { h, min, s } = durationParts(ms)
  if (h > 0) return formatMessage(t.durationHours, { h, min })
  return min > 0 ? formatMessage(t.durationMinutes, { min, s }) : formatMessage(t.durationSeconds, { s })
}

/** The last part of a path, s3:// key or file name ("a/b/c.json.gz" -> "c.json.gz"). */
export function fileBaseName(file: string): string {
  const parts = file.split(/[\\/]/)
  return parts[parts.length - 1] || file
}
