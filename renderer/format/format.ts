// Formatting for the list and the viewer: sizes, counts, file names. Pure. Times are common/time's;
// formatUtc is its UTC form, for the S3 dialog, which always speaks UTC (CloudTrail's folders).

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

/** The last part of a path, s3:// key or file name ("a/b/c.json.gz" -> "c.json.gz"). */
export function fileBaseName(file: string): string {
  const parts = file.split(/[\\/]/)
  return parts[parts.length - 1] || file
}
