// The timeline's count scale: linear, or logarithmic so that one burst (a scanner's ten thousand
// calls in a minute) does not flatten the handful of failed calls around it; and its labels in a
// compact form that fits the gutter at any count (",011" was 1,011 cut at the left edge). Pure.

/** 999 -> "999", 1234 -> "1.2k", 12345 -> "12k", 1234567 -> "1.2M", 2e9 -> "2G". */
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

export interface CountScale {
  /** The height (0..height) a count takes. */
  height(count: number): number
  /** The counts labelled on the axis, bottom first. */
  ticks: number[]
}

/**
 * Counts 0..max over `height` pixels. The log scale is log(1 + n), so 0 stays at the bottom and a
 * single event still shows; its ticks are the powers of ten below max, and max itself.
 */
export function countScale(max: number, height: number, log: boolean): CountScale {
  const top = Math.max(1, max)
  if (!log) return { height: (n) => (Math.max(0, n) / top) * height, ticks: [0, top] }
  const span = Math.log1p(top)
  const ticks = [0]
  for (let p = 10; p < top / 3; p *= 10) ticks.push(p)
  ticks.push(top)
  return { height: (n) => (Math.log1p(Math.max(0, n)) / span) * height, ticks }
}

/** Pixels the labels need at the left, at the axis font's widest digit (a compact label is at most 4 characters). */
export function gutterFor(labels: readonly string[], charPx = 6): number {
  const longest = Math.max(1, ...labels.map((label) => label.length))
  return Math.max(22, Math.ceil(longest * charPx) + 8)
}
