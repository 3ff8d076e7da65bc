// The web-mode server: the built renderer over HTTP and the contract over a WebSocket, on
// 127.0.0.1 only, behind the token described in auth.ts.

import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import { CallError } from '../../common/call-errors'
import { EXPORT_PATH, UPLOAD_CHUNK_BYTES, UPLOAD_FRAME_HEADER_BYTES, WEB_SOCKET_PATH } from '../../common/web-protocol'
import { defaultExportName, exportContentType } from '../export/file-name'
import { ExportCancelled } from '../services/export-runner'
import { DownloadTickets } from './downloads'
import type { ShellCalls } from '../services/dispatch-call'
import { contentTypeFor, defaultRendererDir, readRendererFile, rendererCsp } from '../services/renderer-files'
import { checkRequest, checkUpgrade, newToken, sessionCookie, type AuthContext } from './auth'
import { runSession, type WebService } from './ws-session'
import { registerSecret, webLog } from './log-scrub'
import type { WebCallPolicy } from './web-call-policy'

export interface WebServerOptions {
  service: WebService
  /** 0 picks a free port. */
  port: number
  rendererDir?: string
  token?: string
  /** The S3 endpoint web clients use, and whether it may be plain http (serve's flags). */
  policy?: WebCallPolicy
  /** Largest upload, its files together (serve --max-upload; default DEFAULT_MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number
}

export interface WebServer {
  /** The page to open, token included. */
  url: string
  port: number
  /** Where uploads are written while they load; removed on close. */
  uploadsDir: string
  close(): Promise<void>
}

function webShell(service: WebService, downloads: DownloadTickets): ShellCalls {
  return {
    // The browser has no menu of ours to translate.
    setShellLanguage: async () => undefined,
    // The page picks files with an <input type=file> and uploads them.
    chooseLogPaths: async () => null,
    // Web clients choose among the server's --rules folders (ruleFolders' choices).
    chooseRuleFolder: async () => null,
    openExternal: async () => {
      throw new CallError('desktop-only', 'In web mode the browser opens links itself.', { call: 'openExternal' })
    },
    // The selection is resolved now (a view may expire); the browser then downloads it by ticket.
    exportEvents: async (request) => {
      const ids = service.resolveSelection(request.selection, request.viewId)
      const fileName = defaultExportName(request.format, request.gzip)
      const shape = { format: request.format, gzip: request.gzip, ...(request.extraColumns ? { extraColumns: request.extraColumns } : {}) }
      const ticket = downloads.add({ ids, shape, fileName })
      return { download: `${EXPORT_PATH}?id=${ticket}`, fileName, events: ids.length }
    },
    showExportedFile: async () => {
      throw new CallError('desktop-only', 'In web mode the browser keeps the downloaded file.', { call: 'showExportedFile' })
    },
    copyEvents: async (request) => service.copyText(request),
  }
}

function baseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    // The page URL holds the token: never send it on in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(`${text}\n`)
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/** Parses a request target; only origin-form ('/path?query') is accepted. */
function requestUrl(request: IncomingMessage): URL | null {
  const target = request.url ?? ''
  // Prefixing a fixed origin keeps '//other.host/x' a path rather than a new authority.
  return target.startsWith('/') ? new URL(`http://127.0.0.1${target}`) : null
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const rendererDir = options.rendererDir ?? defaultRendererDir()
  const csp = await rendererCsp(rendererDir) // fails early, with a hint, when the renderer is not built
  const token = options.token ?? newToken()
  const forgetToken = registerSecret(token)
  const uploadsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ashiato-uploads-'))
  const auth: AuthContext = { port: 0, token }
  const headers = baseHeaders(csp)
  const downloads = new DownloadTickets()

  /** GET /export?id=TICKET: the export streamed as a download (the request passed the same checks as any). */
  const serveExport = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (request.method !== 'GET') return plain(response, 405, 'method not allowed', { ...headers, Allow: 'GET' })
    const ticket = downloads.take(url.searchParams.get('id'))
    if (!ticket) return plain(response, 404, 'This export is no longer available: export it again from Ashiato.', headers)
    response.writeHead(200, {
      ...headers,
      'Content-Type': exportContentType(ticket.shape.format, ticket.shape.gzip),
      // Our own name (letters, digits, dashes, dots): nothing to escape.
      'Content-Disposition': `attachment; filename="${ticket.fileName}"`,
      'Cache-Control': 'no-store',
    })
    // The browser cancelled the download (or the tab went): stop writing.
    const gone = new AbortController()
    response.on('close', () => {
      if (!response.writableFinished) gone.abort()
    })
    try {
      await options.service.exportToStream(ticket.ids, ticket.shape, ticket.fileName, response, gone.signal)
    } catch (error) {
      if (!(error instanceof ExportCancelled)) webLog(`[web] export ${ticket.fileName}: ${(error as Error).message}`)
      response.destroy() // a broken download, never a short file that looks whole
    }
  }

  const serveFile = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request)
    if (!url) return plain(response, 400, 'bad request target')
    const access = checkRequest(request, url, auth)
    if ('status' in access) return plain(response, access.status, access.reason, headers)
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'method not allowed', { ...headers, Allow: 'GET, HEAD' })
    if (url.pathname === WEB_SOCKET_PATH) return plain(response, 426, 'WebSocket only', headers)
    if (url.pathname === EXPORT_PATH) return serveExport(request, response, url)
    const found = await readRendererFile(rendererDir, url.pathname)
    if (!found) return plain(response, 404, 'not found', headers)
    const isHtml = found.file.endsWith('.html')
    response.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeFor(found.file),
      'Content-Length': String(found.body.length),
      // Vite's assets carry a content hash in their names; the page itself must never be stale.
      'Cache-Control': isHtml ? 'no-store' : url.pathname.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-cache',
      ...(access.via === 'query' ? { 'Set-Cookie': sessionCookie(auth.port, token) } : {}),
    })
    response.end(request.method === 'HEAD' ? undefined : found.body)
  }

  const server = createServer((request, response) => {
    serveFile(request, response).catch((error: unknown) => {
      webLog(`[web] ${request.method} ${request.url}: ${(error as Error).message}`)
      if (!response.headersSent) plain(response, 500, 'internal error')
      else response.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: UPLOAD_CHUNK_BYTES + UPLOAD_FRAME_HEADER_BYTES + 4 * 1024 * 1024 })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => webLog(`[web] upgrade socket: ${error.message}`))
    const url = requestUrl(request)
    if (!url || url.pathname !== WEB_SOCKET_PATH) return refuseUpgrade(socket, 404, 'not found')
    const refusal = checkUpgrade(request, url, auth)
    if (refusal) {
      webLog(`[web] refused a WebSocket: ${refusal.reason}`)
      return refuseUpgrade(socket, refusal.status, refusal.reason)
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const shell = webShell(options.service, downloads)
      runSession(ws, { service: options.service, shell, uploadsDir, policy: options.policy, maxUploadBytes: options.maxUploadBytes })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  auth.port = typeof address === 'object' && address ? address.port : options.port
  server.on('error', (error) => webLog(`[web] server error: ${error.message}`))

  return {
    url: `http://127.0.0.1:${auth.port}/?token=${token}`,
    port: auth.port,
    uploadsDir,
    close: async () => {
      for (const client of wss.clients) client.close(1001, 'server shutting down')
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        // Tabs that do not answer the close handshake are dropped.
        setTimeout(() => wss.clients.forEach((client) => client.terminate()), 500).unref()
      })
      wss.close()
      await fs.rm(uploadsDir, { recursive: true, force: true })
      forgetToken()
    },
  }
}
