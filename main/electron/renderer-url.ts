// Where the renderer lives in Electron: ashiato://app/, a privileged custom scheme served from
// dist/renderer (app-protocol.ts). A real origin (unlike file://, where every local file shares
// one) lets the CSP's 'self' mean only our files and gives IPC a URL to check senders against.
// Pure, so it is tested directly.

export const APP_SCHEME = 'ashiato'
export const APP_HOST = 'app'
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** True when `url` is a page or file of our renderer. */
export function isRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false // not a URL
  }
}
