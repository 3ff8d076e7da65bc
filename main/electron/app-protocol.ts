// Serves the built renderer at ashiato://app/ (see renderer-url.ts for why not file://). Files
// come through the same traversal-safe lookup as web mode, with the CSP as a header too.

import { protocol } from 'electron'
import { contentTypeFor, defaultRendererDir, readRendererFile, rendererCsp } from '../services/renderer-files'
import { APP_HOST, APP_SCHEME } from './renderer-url'

/** Must run before the app is ready: privileges cannot be granted later. */
export function setupAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and an origin; secure: treated like https; supportFetchAPI and
    // corsEnabled: Vite's <script type=module crossorigin> and Monaco's module workers load in
    // CORS mode, which Chromium refuses for schemes not marked CORS-capable (electron#22009).
    // Other origins still get nothing: our responses carry no Access-Control-Allow-Origin.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ])
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** After ready: answer ashiato://app/... from dist/renderer. */
export async function setupAppProtocol(rendererDir = defaultRendererDir()): Promise<void> {
  const csp = await rendererCsp(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound()
    const found = await readRendererFile(rendererDir, url.pathname)
    if (!found) return notFound()
    return new Response(found.body, {
      headers: {
        'Content-Type': contentTypeFor(found.file),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}
