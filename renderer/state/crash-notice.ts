// After the desktop app's renderer died, main reloads the page at #recovered=REASON
// (main/electron/crash-recovery.ts); the page says what happened once and drops the fragment, so
// a later reload does not repeat it.

/** The reason in a '#recovered=REASON' fragment (letters and dashes only), or null. */
export function recoveredReason(hash: string): string | null {
  const match = /^#recovered=([a-z-]{1,40})$/.exec(hash)
  return match ? match[1] : null
}

/** Reads and removes the notice from this page's address (once per page load). */
export function takeCrashNotice(
  location: { hash: string; pathname: string; search: string },
  history: { state: unknown; replaceState(state: unknown, unused: string, url?: string | null): void },
): string | null {
  const reason = recoveredReason(location.hash)
  if (reason !== null) history.replaceState(history.state, '', `${location.pathname}${location.search}`)
  return reason
}
