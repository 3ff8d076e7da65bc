// The rules every web page of the app lives by, whichever webContents shows it (the main window,
// a devtools or PDF viewer, anything Electron creates later): no navigation away from the one
// page, no new windows, no <webview>, no permission but our renderer's clipboard write. Links to
// the AWS documentation go to the system browser instead. Pure, so each decision is unit-tested
// (tests/unit/web-contents-guard.test.ts); web-contents-guard.ts applies them.

import { isAllowedExternalUrl } from './external-links'
import { isRendererUrl } from './renderer-url'
import { permissionAllowed } from './window-options'

/** Where a link the page tried to follow goes instead: the system browser, or nowhere. */
export type LinkFate = 'browser' | 'blocked'

/** A link a page opened or navigated to: https AWS documentation opens in the browser, anything else nowhere. */
export function linkFate(url: string): LinkFate {
  return !isRendererUrl(url) && isAllowedExternalUrl(url) ? 'browser' : 'blocked'
}

/** window.open / target=_blank: never a new window in the app. */
export function windowOpenRule(url: string): { action: 'deny'; fate: LinkFate } {
  return { action: 'deny', fate: linkFate(url) }
}

/**
 * will-navigate: the renderer is one page; nothing it does may replace it (a dropped file's
 * URL, a link, a script setting location). The app's own loads (loadURL, reload) do not pass here.
 */
export function navigationRule(url: string): { prevent: true; fate: LinkFate } {
  return { prevent: true, fate: linkFate(url) }
}

/** will-redirect: only within our renderer. */
export function redirectAllowed(url: string): boolean {
  return isRendererUrl(url)
}

/** will-attach-webview: never (no page of ours uses <webview>). */
export function webviewAllowed(): false {
  return false
}

/** Permission requests and checks, for every session. */
export function permissionRule(permission: string, requestingUrl: string | undefined): boolean {
  return permissionAllowed(permission, requestingUrl)
}
