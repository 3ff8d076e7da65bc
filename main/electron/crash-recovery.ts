// What to do when a window's renderer process dies (Electron's 'render-process-gone'). The
// loaded set lives in main, so a reload loses nothing: reload the page with a notice of what
// happened (the renderer reads it from the address's #recovered=REASON and shows it translated,
// renderer/state/crash-notice.ts). A page that keeps dying (the same event crashes it on every
// load) is not reloaded forever: after CRASH_LOOP crashes within its window, give up and tell the
// user. Pure, so the decisions are tested in plain Node (tests/unit/web-crash-recovery.test.ts).

import { RENDERER_URL } from './renderer-url'

/** More than `max` crashes within `windowMs`: stop reloading. */
export const CRASH_LOOP = { max: 3, windowMs: 60_000 } as const

/** Electron's RenderProcessGoneDetails reasons that mean the page is gone and should come back. */
const KNOWN_REASONS = new Set(['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction'])

export type CrashDecision =
  | { action: 'ignore' }
  | { action: 'reload'; url: string; reason: string }
  | { action: 'give-up'; reason: string; crashes: number }

/** The renderer's address that carries the notice: RENDERER_URL#recovered=REASON. */
export function recoveredUrl(reason: string): string {
  return `${RENDERER_URL}#recovered=${encodeURIComponent(reason)}`
}

export class CrashRecovery {
  private crashes: number[] = []

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: { max: number; windowMs: number } = CRASH_LOOP,
  ) {}

  decide(reason: string): CrashDecision {
    // clean-exit: the process ended normally (the window is closing): nothing to recover.
    if (reason === 'clean-exit') return { action: 'ignore' }
    const shown = KNOWN_REASONS.has(reason) ? reason : 'unknown'
    const at = this.now()
    this.crashes = this.crashes.filter((t) => at - t < this.limits.windowMs)
    this.crashes.push(at)
    if (this.crashes.length > this.limits.max) return { action: 'give-up', reason: shown, crashes: this.crashes.length }
    return { action: 'reload', url: recoveredUrl(shown), reason: shown }
  }
}
