// The timeline's count scale: linear, or logarithmic so that one burst (a scanner's ten thousand
// calls in a minute) does not flatten the handful of failed calls around it; its labels are
// renderer/format's compactCount, which fits the gutter at any count. Pure.

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
