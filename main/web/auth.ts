// Who may use a web-mode server. It listens on 127.0.0.1 only, but any local program, and any web
// page the user visits, can still reach 127.0.0.1. So:
//   - a random token is printed with the URL; the tokened page load sets an HttpOnly,
//     SameSite=Strict cookie holding it, which the page's own assets (loaded by relative URL,
//     without the token) then carry; every request needs the token in its query or that cookie;
//   - the Host header must name the loopback address we listen on: a DNS-rebinding page
//     (evil.example resolving to 127.0.0.1) sends Host: evil.example;
//   - the WebSocket upgrade must also come from our own origin (a cross-site page cannot set
//     Origin), since browsers do not apply the same-origin policy to WebSockets.

import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Cookies are shared by every port of a host, so two servers on 127.0.0.1 would overwrite one
 * another's cookie under a single name: the name carries the port.
 */
export function cookieName(port: number): string {
  return `ashiato-${port}`
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return null
}

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The Host values that mean us: the address we listen on, or localhost, with our port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export type Refusal = { status: 401 | 403; reason: string }

export interface AuthContext {
  port: number
  token: string
}

/** How a request presented the token, or why it is refused. */
export function checkRequest(request: IncomingMessage, url: URL, auth: AuthContext): { via: 'query' | 'cookie' } | Refusal {
  const host = request.headers.host ?? ''
  if (!allowedHosts(auth.port).includes(host.toLowerCase())) {
    return { status: 403, reason: `unexpected Host header ${JSON.stringify(host)}` }
  }
  if (sameToken(url.searchParams.get('token'), auth.token)) return { via: 'query' }
  if (sameToken(readCookie(request.headers.cookie, cookieName(auth.port)), auth.token)) return { via: 'cookie' }
  return { status: 401, reason: 'missing or wrong token: open the URL that ashiato serve printed' }
}

/** As checkRequest, and the upgrade must come from a page of our own origin. */
export function checkUpgrade(request: IncomingMessage, url: URL, auth: AuthContext): Refusal | null {
  const checked = checkRequest(request, url, auth)
  if ('status' in checked) return checked
  const origin = request.headers.origin
  if (origin !== `http://${(request.headers.host ?? '').toLowerCase()}`) {
    return { status: 403, reason: `WebSocket from another origin (${JSON.stringify(origin ?? null)})` }
  }
  return null
}
