// Why a window's page went away, in the user's language. Electron names it with a code
// (RenderProcessGoneDetails.reason: 'oom', 'crashed'...); main/electron/crash-recovery.ts passes
// the known ones on (anything else as 'unknown'), and both the page's notice after a reload
// (renderer/components/CrashNotice.tsx) and main's message box after a crash loop
// (main/electron/window.ts) say it with these words instead of the raw code.
import type { MessageKey, Messages } from './en'

const REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  'abnormal-exit': 'crashReasonAbnormalExit',
  killed: 'crashReasonKilled',
  crashed: 'crashReasonCrashed',
  oom: 'crashReasonOom',
  'launch-failed': 'crashReasonLaunchFailed',
  'integrity-failure': 'crashReasonIntegrityFailure',
  'memory-eviction': 'crashReasonMemoryEviction',
}

/** The words for Electron's reason code; an unknown code is said as an unknown cause. */
export function crashReasonText(reason: string, t: Messages): string {
  const key = Object.hasOwn(REASON_KEYS, reason) ? REASON_KEYS[reason] : 'crashReasonUnknown'
  return t[key]
}
