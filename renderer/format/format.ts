// Formatting for the list and the viewer. Pure: times are always shown in UTC here (CloudTrail's
// own zone), so the same event reads the same on every machine.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** ms since the epoch -> "2020-05-05 03:33:28" in UTC; an em dash when there is no time. */
export function formatUtc(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return '—'
  const year = d.getUTCFullYear()
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : String(year)
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** Like formatUtc, with milliseconds when the time has any. */
export function formatUtcPrecise(ms: number): string {
  const base = formatUtc(ms)
  const millis = ((ms % 1000) + 1000) % 1000
  return millis && base !== '—' ? `${base}.${pad(millis, 3)}` : base
}

/** Parses an ISO 8601 time as CloudTrail writes it (2020-05-05T03:33:28Z); null when it is not one. */
export function parseIsoTime(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : ms
}

/** A readable UTC form of an ISO time for the viewer: "Tue 2020-05-05 03:33:28 UTC" / "2020-05-05 (火) 03:33:28 UTC". */
export function describeUtc(ms: number, language: 'en' | 'ja'): string {
  const d = new Date(ms)
  const [date, time] = formatUtcPrecise(ms).split(' ')
  return language === 'ja' ? `${date} (${WEEKDAYS_JA[d.getUTCDay()]}) ${time} UTC` : `${WEEKDAYS[d.getUTCDay()]} ${date} ${time} UTC`
}

/** How long ago, coarse: "5 years ago" / "5 年前". `now` is passed in to keep this pure. */
export function describeAge(ms: number, now: number, language: 'en' | 'ja'): string {
  const seconds = Math.round((now - ms) / 1000)
  const future = seconds < 0
  const s = Math.abs(seconds)
  const units: [number, string, string][] = [
    [365 * 86400, 'year', '年'],
    [30 * 86400, 'month', 'か月'],
    [86400, 'day', '日'],
    [3600, 'hour', '時間'],
    [60, 'minute', '分'],
    [1, 'second', '秒'],
  ]
  for (const [size, en, ja] of units) {
    if (s >= size || size === 1) {
      const n = Math.floor(s / size)
      if (language === 'ja') return `${n} ${ja}${future ? '後' : '前'}`
      return `${n} ${en}${n === 1 ? '' : 's'} ${future ? 'from now' : 'ago'}`
    }
  }
  return ''
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
