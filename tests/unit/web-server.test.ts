// Web mode in-process, with a fake service: the token and cookie, static files, the WebSocket
// transport and uploads, driven through the renderer's own client (renderer/api/web-api.ts) on
// top of the ws package's WebSocket.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { Writable } from 'node:stream'
import type { AshiatoPushes, EventSelection, ExportDone, ExportDownload, LoadStarted, PushName } from '../../common/ipc-contract'
import { UPLOAD_CHUNK_BYTES } from '../../common/web-protocol'
import { startWebServer, type WebServer } from '../../main/web/web-server'
import type { WebService } from '../../main/web/ws-session'
import type { InputPath, PushListener } from '../../main/services/service-types'
import { createWebApi, webSocketUrl, type SocketLike } from '../../renderer/api/web-api'

const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'"

class FakeService implements WebService {
  listeners = new Set<PushListener>()
  loaded: { displayName?: string; bytes: Buffer }[] = []
  onPush(listener: PushListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  push<K extends PushName>(name: K, payload: AshiatoPushes[K]): void {
    for (const listener of this.listeners) listener(name, payload)
  }
  async loadInputs(inputs: InputPath[]): Promise<LoadStarted> {
    for (const input of inputs) this.loaded.push({ displayName: input.displayName, bytes: readFileSync(input.path) })
    return { loadId: 42 }
  }
  async whenLoadDone(): Promise<void> {}
  async loadPaths(paths: string[]): Promise<LoadStarted> {
    return this.loadInputs(paths.map((p) => ({ path: p })))
  }
  async cancelLoad(): Promise<void> {}
  async clearAll(): Promise<void> {}
  async fileReports() {
    return []
  }
  async setView() {
    return { viewId: 1, matched: 0, total: 0, newest: null, oldest: null, queryMs: 0 }
  }
  async cancelView() {
    return { cancelled: false }
  }
  async listSources() {
    return []
  }
  async setSourceHidden() {}
  async startWithout() {}
  async getRows() {
    return { viewId: 1, start: 0, rows: [] }
  }
  async getEvent(id: number) {
    if (id > 10) throw new Error(`No event ${id} is loaded.`)
    return { id, json: '{"eventID":"x"}', file: 'a.json' }
  }
  async s3Profiles() {
    return []
  }
  async fieldValues() {
    return []
  }
  async fieldCatalogue() {
    return { fields: [], sampled: 0, total: 0 }
  }
  async getFacetValues() {
    return { field: '', values: [], distinct: 0, matching: 0, missing: 0, scanned: 0, total: 0 }
  }
  async s3Buckets() {
    return []
  }
  async s3Discover() {
    return { orgIds: [], accounts: [], regions: [], hasInsight: false, hasDigest: false }
  }
  async openS3Trail() {
    return { loadId: 43 }
  }
  async clearS3Cache() {
    return { objects: 0, bytes: 0 }
  }
  async getFacets() {
    return []
  }
  async getHistogram() {
    return { start: 0, bucketMs: 60_000, errors: [], successes: [], untimed: 0 }
  }
  async credentialChain(id: number) {
    return { eventId: id, hops: [], truncated: false }
  }
  async principalDossier(): Promise<never> {
    throw new Error('not in this test')
  }
  async credentialGraph() {
    return { nodes: [], edges: [], omittedNodes: 0 }
  }
  async selectView() {
    return { count: 0 }
  }
  async countHidden() {
    return { selected: 0, hidden: 0 }
  }
  async selectionMembers() {
    return []
  }
  async cancelExport(): Promise<void> {}
  async integrityReport(): Promise<never> {
    throw new Error('not used here')
  }
  async addPublicKeys(): Promise<{ keys: number }> {
    return { keys: 0 }
  }
  async fetchPublicKeys(): Promise<{ keys: number }> {
    return { keys: 0 }
  }
  async eventIntegrity(): Promise<never[]> {
    return []
  }
  async detectionsSummary() {
    return { rules: [], rulesRun: 0, unsupported: [], eventsChecked: 0, detectMs: 0 }
  }
  async eventDetectionLevels(): Promise<never[]> {
    return []
  }
  async eventDetections(): Promise<never[]> {
    return []
  }
  async ruleFolders() {
    return { folders: [], choices: [], problems: [], downloaded: [], canUpdateRules: false }
  }
  async setRuleFolders(folders: string[]) {
    return { folders, choices: [], problems: [], downloaded: [], canUpdateRules: false }
  }
  async updateRules(): Promise<never> {
    throw new Error('not asked in these tests')
  }
  resolveSelection(selection: EventSelection): Uint32Array {
    return Uint32Array.from('ids' in selection ? selection.ids : [])
  }
  /** Writes one line per id: enough to see the route stream what exportEvents prepared. */
  async exportToStream(ids: Uint32Array, _shape: unknown, name: string, destination: Writable): Promise<ExportDone> {
    const text = Array.from(ids, (id) => `event ${id}\n`).join('')
    await new Promise<void>((resolve) => destination.end(text, () => resolve()))
    return { events: ids.length, bytes: text.length, path: name }
  }
  copyText(request: { selection: EventSelection }) {
    const ids = this.resolveSelection(request.selection)
    return { events: ids.length, text: Array.from(ids, (id) => `{"id":${id}}\n`).join('') }
  }
}

let rendererDir: string
let server: WebServer
let service: FakeService
let origin: string
let token: string

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-renderer-test-'))
  mkdirSync(path.join(rendererDir, 'assets'))
  writeFileSync(path.join(rendererDir, 'index.html'), `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head><body>app</body></html>`)
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(path.join(rendererDir, 'assets', 'codicon.ttf'), 'ttf')
  writeFileSync(path.join(rendererDir, 'assets', 'x.wasm'), 'wasm')
  writeFileSync(path.join(os.tmpdir(), 'ashiato-outside.txt'), 'secret')
  service = new FakeService()
  server = await startWebServer({ service, port: 0, rendererDir })
  origin = `http://127.0.0.1:${server.port}`
  token = new URL(server.url).searchParams.get('token') ?? ''
})

afterAll(async () => {
  await server?.close()
  rmSync(rendererDir, { recursive: true, force: true })
})

/** A raw GET, so paths reach the server exactly as written (fetch would normalise '..'). */
function get(target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: target, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const cookie = () => `ashiato-${server.port}=${token}`

function connect(options: { withToken?: boolean; origin?: string; cookie?: string } = {}): WebSocket {
  const query = options.withToken === false ? '' : `?token=${token}`
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {}
  return new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { origin: options.origin ?? origin, headers })
}

function refusedStatus(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.on('open', () => reject(new Error('the upgrade was accepted')))
    socket.on('error', () => undefined)
  })
}

describe('web server: access', () => {
  it('serves the tokened page with the CSP header and a strict, HttpOnly, per-port cookie', async () => {
    const page = await get(`/?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('app')
    expect(page.headers['content-security-policy']).toBe(`${CSP}; frame-ancestors 'none'`)
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['set-cookie']).toEqual([`ashiato-${server.port}=${token}; HttpOnly; SameSite=Strict; Path=/`])
    expect(server.url).toBe(`${origin}/?token=${token}`)
  })

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(401)
    expect((await get('/?token=wrong')).status).toBe(401)
    expect((await get(`/?token=${token}x`)).status).toBe(401)
    expect((await get('/assets/index-abc.js')).status).toBe(401)
    expect((await get('/', { cookie: `ashiato-${server.port}=wrong` })).status).toBe(401)
    // Another server's cookie (cookies are per host, not per port) does not count.
    expect((await get('/', { cookie: `ashiato-1=${token}` })).status).toBe(401)
  })

  it("serves the page's assets to the cookie, with their content types", async () => {
    const js = await get('/assets/index-abc.js', { cookie: cookie() })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['set-cookie']).toBeUndefined()
    expect((await get('/assets/codicon.ttf', { cookie: cookie() })).headers['content-type']).toBe('font/ttf')
    expect((await get('/assets/x.wasm', { cookie: cookie() })).headers['content-type']).toBe('application/wasm')
    expect((await get('/assets/missing.js', { cookie: cookie() })).status).toBe(404)
  })

  it('refuses a Host that is not ours (DNS rebinding), even with the token', async () => {
    const rebound = await get(`/?token=${token}`, { host: `evil.example:${server.port}` })
    expect(rebound.status).toBe(403)
    expect((await get(`/?token=${token}`, { host: `localhost:${server.port}` })).status).toBe(200)
  })

  it('never serves files outside the renderer', async () => {
    for (const target of [
      '/../ashiato-outside.txt',
      '/assets/../../ashiato-outside.txt',
      '/..%2fashiato-outside.txt',
      '/assets/..%2f..%2fashiato-outside.txt',
      '/%2e%2e/ashiato-outside.txt',
      '/assets/%2e%2e%2f%2e%2e%2fashiato-outside.txt',
      '/..%5cashiato-outside.txt',
      '/%00index.html',
      '/%E0%A4%A',
      `/${encodeURIComponent(path.join(os.tmpdir(), 'ashiato-outside.txt'))}`,
    ]) {
      const response = await get(target, { cookie: cookie() })
      expect(response.status, target).toBeGreaterThanOrEqual(400)
      expect(response.body, target).not.toContain('secret')
    }
  })

  it('refuses WebSocket upgrades without the token, from another origin, or for another host', async () => {
    expect(await refusedStatus(connect({ withToken: false }))).toBe(401)
    expect(await refusedStatus(connect({ origin: 'http://evil.example' }))).toBe(403)
    expect(await refusedStatus(connect({ origin: 'null' }))).toBe(403)
    const rebound = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, {
      origin: `http://evil.example:${server.port}`,
      headers: { host: `evil.example:${server.port}` },
    })
    expect(await refusedStatus(rebound)).toBe(403)
  })
})

function apiOver(socket: WebSocket) {
  return createWebApi(socket as unknown as SocketLike)
}

describe('web server: the contract over the WebSocket', () => {
  it('builds the WebSocket URL from the page URL', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4780', search: '?token=Ab-_9&x=1' })).toBe('ws://127.0.0.1:4780/ws?token=Ab-_9')
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:1', search: '' })).toBe('ws://localhost:1/ws')
  })

  it('answers calls (queued until the socket opens), with readable errors', async () => {
    const api = apiOver(connect({ withToken: false, cookie: cookie() }))
    await expect(api.fileReports()).resolves.toEqual([])
    await expect(api.getEvent(3)).resolves.toEqual({ id: 3, json: '{"eventID":"x"}', file: 'a.json' })
    await expect(api.getEvent(11)).rejects.toThrow('No event 11 is loaded.')
    // The code and its values cross the WebSocket for the page to translate.
    await expect(api.getEvent(-1)).rejects.toMatchObject({ message: 'getEvent: id must be at least 0, not -1', code: 'bad-argument', values: { call: 'getEvent', argument: 'id' } })
    await expect(api.chooseLogPaths('files')).resolves.toBeNull()
    // The refusal crosses as a code the page says in its language (renderer/api/call-error-text.ts).
    await expect(api.openExternal('https://docs.aws.amazon.com/')).rejects.toMatchObject({ message: 'In web mode the browser opens links itself.', code: 'desktop-only', values: { call: 'openExternal' } })
  })

  it('delivers pushes to listeners until they unsubscribe', async () => {
    const api = apiOver(connect())
    await api.fileReports() // connected and subscribed
    const seen: number[] = []
    const stop = api.onEventsChanged(({ total }) => seen.push(total))
    service.push('eventsChanged', { total: 5 })
    await api.fileReports() // the push was sent before this answer
    stop()
    service.push('eventsChanged', { total: 6 })
    await api.fileReports()
    expect(seen).toEqual([5])
  })

  it('uploads files in chunks, loads them under their own names, and removes the copies', async () => {
    const big = Buffer.alloc(UPLOAD_CHUNK_BYTES * 2 + 123, 7)
    const files = [new File([big], 'big.json.gz'), new File(['{"Records":[]}'], '../../evil name.json'), new File([], 'empty.json')]
    const api = apiOver(connect())
    service.loaded = []
    await expect(api.uploadFiles?.(files)).resolves.toEqual({ loadId: 42 })
    expect(service.loaded.map((f) => f.displayName)).toEqual(['big.json.gz', '../../evil name.json', 'empty.json'])
    expect(service.loaded[0].bytes.equals(big)).toBe(true)
    expect(service.loaded[1].bytes.toString()).toBe('{"Records":[]}')
    expect(service.loaded[2].bytes.length).toBe(0)
    // The copies go once the load is done (the loaded set keeps the events' text).
    await expect.poll(() => readdirSync(server.uploadsDir)).toEqual([])
    // The socket paused for the full write buffers reads again (ended streams never drain).
    await expect(api.fileReports()).resolves.toEqual([])
  })

  it('fails an upload that sends more bytes than it announced', async () => {
    const liar = { name: 'liar.json', size: 3, slice: () => new Blob(['123456']) }
    const api = apiOver(connect())
    await expect(api.uploadFiles?.([liar as unknown as File])).rejects.toThrow('liar.json: more bytes than announced')
    await expect(api.fileReports()).resolves.toEqual([]) // the connection lives on
  })

  it('turns a lost or refused connection into a clear error for every call', async () => {
    const refused = apiOver(connect({ withToken: false }))
    await expect(refused.fileReports()).rejects.toThrow(/Could not connect to the Ashiato server/)

    const socket = connect()
    const api = apiOver(socket)
    await api.fileReports()
    const lost = new Promise((resolve) => socket.once('close', resolve))
    socket.terminate()
    await lost
    await expect(api.fileReports()).rejects.toThrow(/Lost the connection to the Ashiato server/)
  })

  it('closes a connection that breaks the protocol', async () => {
    const socket = connect()
    await new Promise((resolve) => socket.once('open', resolve))
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send('not json')
    expect(await closed).toBe(1008)
  })
})

describe('web server: export downloads', () => {
  it('streams an export once, by its ticket, only to a request with the token or cookie', async () => {
    const api = apiOver(connect())
    const ready = (await api.exportEvents({ selection: { ids: [3, 1] }, format: 'jsonl', gzip: false })) as ExportDownload
    expect(ready.events).toBe(2)
    expect(ready.fileName).toMatch(/^ashiato-export-\d{8}-\d{4}\.jsonl$/)
    expect(ready.download).toMatch(/^\/export\?id=[\w-]{32}$/)
    // Without the cookie or token: refused like any request, and the ticket is not spent.
    expect((await get(ready.download)).status).toBe(401)
    expect((await get(ready.download, { host: `evil.example:${server.port}`, cookie: cookie() })).status).toBe(403)
    const download = await get(ready.download, { cookie: cookie() })
    expect(download.status).toBe(200)
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${ready.fileName}"`)
    expect(download.headers['content-type']).toBe('application/x-ndjson')
    expect(download.headers['cache-control']).toBe('no-store')
    expect(download.body).toBe('event 3\nevent 1\n')
    // One download per ticket; a made-up ticket finds nothing.
    expect((await get(ready.download, { cookie: cookie() })).status).toBe(404)
    expect((await get('/export?id=nope', { cookie: cookie() })).status).toBe(404)
  })

  it('gives web mode the copied text and refuses to show files', async () => {
    const api = apiOver(connect())
    await expect(api.copyEvents({ selection: { ids: [2] } })).resolves.toEqual({ events: 1, text: '{"id":2}\n' })
    await expect(api.showExportedFile('/etc/passwd')).rejects.toMatchObject({ code: 'web-server-path' })
    await expect(api.exportEvents({ selection: { ids: [1] }, format: 'xml' as never, gzip: false })).rejects.toThrow('exportEvents: request.format must be one of')
  })
})

describe('web server: shutdown', () => {
  it('removes its upload folder when closed', async () => {
    const other = await startWebServer({ service: new FakeService(), port: 0, rendererDir })
    expect(existsSync(other.uploadsDir)).toBe(true)
    await other.close()
    expect(existsSync(other.uploadsDir)).toBe(false)
  })
})
