// Applies contents-rules.ts to every webContents the app ever gets, app-wide: the
// 'web-contents-created' event fires for the main window, devtools, and any contents created
// later (a future window, a <webview> that somehow attached), so no page escapes the rules
// because a code path forgot them. Set up once, before the first window.

import { app, shell, type Session, type WebContents } from 'electron'
import { navigationRule, permissionRule, redirectAllowed, webviewAllowed, windowOpenRule, type LinkFate } from './contents-rules'
import { isAllowedExternalUrl } from './external-links'

function follow(url: string, fate: LinkFate): void {
  if (fate === 'browser' && isAllowedExternalUrl(url)) {
    shell.openExternal(url).catch((error: Error) => console.error(`[contents] opening ${url}: ${error.message}`))
  } else {
    console.warn(`[contents] blocked ${url.slice(0, 200)}`)
  }
}

const guardedSessions = new WeakSet<Session>()

function guardSession(session: Session): void {
  if (guardedSessions.has(session)) return
  guardedSessions.add(session)
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionRule(permission, details.requestingUrl)))
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionRule(permission, requestingOrigin))
}

export function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const rule = windowOpenRule(url)
    follow(url, rule.fate)
    return { action: rule.action }
  })
  contents.on('will-navigate', (event, url) => {
    const rule = navigationRule(url)
    if (rule.prevent) event.preventDefault()
    follow(url, rule.fate)
  })
  contents.on('will-redirect', (event, url) => {
    if (!redirectAllowed(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    if (!webviewAllowed()) event.preventDefault()
  })
  guardSession(contents.session)
}

/** Once, at start-up (before 'ready' is fine: the event is the app's). */
export function setupWebContentsGuard(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
}
