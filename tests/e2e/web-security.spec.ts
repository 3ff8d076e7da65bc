// Web mode's access rules against the real built server (see main/web/auth.ts): the token, the
// cookie the tokened page sets for its assets, the WebSocket's token and Origin checks, the Host
// check against DNS rebinding, path traversal, and the CSP header.
import { readFileSync } from 'node:fs'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { WebSocket as WsClient, type ClientOptions } from 'ws'
import { REPO_ROOT, expect, test, type ServerHandle } from './fixtures'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw GET: paths reach the server exactly as written (browsers and fetch normalise '..'). */
function rawGet(server: ServerHandle, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: target, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const cookieOf = (server: ServerHandle) => `ashiato-${server.port}=${server.token}`

/** The policy in the built index.html's meta tag. */
function metaCsp(): string {
  const html = readFileSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'), 'utf8')
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1]
  if (!content) throw new Error('the built index.html has no CSP meta tag')
  return content
}

/** The first script the built page loads, e.g. /assets/index-abc.js. */
function firstScript(): string {
  const html = readFileSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'), 'utf8')
  const src = /<script[^>]+src="\.?(\/[^"]+)"/.exec(html)?.[1]
  if (!src) throw new Error('the built index.html loads no script')
  return src
}

/** The HTTP status a refused upgrade answered with; fails if the upgrade was accepted. */
function upgradeStatus(url: string, options: ClientOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WsClient(url, options)
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    socket.on('open', () => {
      socket.close()
      reject(new Error(`the upgrade to ${url} was accepted`))
    })
    socket.on('error', () => undefined) // the refusal also surfaces as an error; the status says enough
  })
}

test.describe('web mode refuses who has no token', () => {
  test('no token: the page is refused', async ({ startServer }) => {
    const server = await startServer()
    const response = await rawGet(server, '/')
    expect([401, 403]).toContain(response.status)
    expect(response.body).not.toContain('<div id="root">')
  })

  test('wrong token: the page is refused', async ({ startServer }) => {
    const server = await startServer()
    for (const token of ['wrong', `${server.token}x`, server.token.slice(0, -1), '']) {
      const response = await rawGet(server, `/?token=${encodeURIComponent(token)}`)
      expect([401, 403], token).toContain(response.status)
      expect(response.body).not.toContain('<div id="root">')
    }
    expect((await rawGet(server, '/', { cookie: `ashiato-${server.port}=wrong` })).status).toBe(401)
  })

  test("the page's assets need the cookie that the tokened page load sets", async ({ startServer }) => {
    const server = await startServer()
    const script = firstScript()
    expect((await rawGet(server, script)).status).toBe(401)
    const page = await rawGet(server, `/?token=${server.token}`)
    expect(page.status).toBe(200)
    const setCookie = String(page.headers['set-cookie'])
    expect(setCookie).toContain(`ashiato-${server.port}=${server.token}`)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    const asset = await rawGet(server, script, { cookie: cookieOf(server) })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  test('a WebSocket without the token, or from another origin, is refused', async ({ startServer }) => {
    const server = await startServer()
    const ws = `ws://127.0.0.1:${server.port}/ws`
    expect(await upgradeStatus(ws, { origin: server.origin })).toBe(401)
    expect(await upgradeStatus(`${ws}?token=wrong`, { origin: server.origin })).toBe(401)
    // Even with the token: a page of another site cannot open it.
    expect(await upgradeStatus(`${ws}?token=${server.token}`, { origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(`${ws}?token=${server.token}`, {})).toBe(403)
    // The positive control: with the token, from our own origin, it opens.
    await new Promise<void>((resolve, reject) => {
      const socket = new WsClient(`${ws}?token=${server.token}`, { origin: server.origin })
      socket.on('open', () => {
        socket.close()
        resolve()
      })
      socket.on('error', reject)
    })
  })

  test('a DNS-rebound Host is refused, even with the token', async ({ startServer }) => {
    const server = await startServer()
    const page = await rawGet(server, `/?token=${server.token}`, { host: `evil.example:${server.port}` })
    expect(page.status).toBe(403)
    const ws = `ws://127.0.0.1:${server.port}/ws?token=${server.token}`
    const evil = `http://evil.example:${server.port}`
    expect(await upgradeStatus(ws, { origin: evil, headers: { host: `evil.example:${server.port}` } })).toBe(403)
  })

  test('paths outside the renderer are refused', async ({ startServer }) => {
    const server = await startServer()
    const headers = { cookie: cookieOf(server) }
    for (const target of [
      '/../package.json',
      '/../../package.json',
      '/assets/../../../package.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2F..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%5c..%5cpackage.json',
      `/${encodeURIComponent(path.join(REPO_ROOT, 'package.json'))}`,
      '/%00/etc/passwd',
      '/../../../../../../etc/passwd',
    ]) {
      const response = await rawGet(server, target, headers)
      expect(response.status, target).toBeGreaterThanOrEqual(400)
      expect(response.body, target).not.toContain('"name": "ashiato"')
      expect(response.body, target).not.toContain('root:')
    }
  })

  test("the page has index.html's CSP as a header", async ({ startServer }) => {
    const server = await startServer()
    const response = await rawGet(server, `/?token=${server.token}`)
    expect(response.headers['content-security-policy']).toBe(`${metaCsp()}; frame-ancestors 'none'`)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })
})

test.describe('web mode in a browser', () => {
  test('the tokened URL loads the app and every asset, with an HttpOnly cookie', async ({ page, startServer }) => {
    const server = await startServer()
    const failures: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`)
    })
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`))
    const loaded = await page.goto(server.url)
    expect(loaded?.headers()['content-security-policy']).toContain("default-src 'none'")
    await page.locator('body[data-app-state="ready"]').waitFor()
    expect(failures).toEqual([])
    expect(await page.evaluate(() => document.cookie)).not.toContain(server.token)
    const [cookie] = await page.context().cookies(server.origin)
    expect(cookie).toMatchObject({ name: `ashiato-${server.port}`, httpOnly: true, sameSite: 'Strict' })
  })

  test("another local site's page cannot open the WebSocket, even knowing the token", async ({ page, startServer }) => {
    const server = await startServer()
    // Another web server on this machine (a dev server, say): browsers let its pages reach
    // loopback, so only our Origin check stands in the way. (A public site's page is already
    // stopped by Chromium's local-network protection, which would hide whether ours works.)
    const other = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' })
      response.end('<!doctype html><title>another site</title>')
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    try {
      const otherPort = (other.address() as AddressInfo).port
      await page.goto(`http://127.0.0.1:${otherPort}/`)
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url)
            socket.onopen = () => resolve('open')
            socket.onclose = (event) => resolve(`closed ${event.code}`)
          }),
        `ws://127.0.0.1:${server.port}/ws?token=${server.token}`,
      )
      expect(outcome).toBe('closed 1006')
      await expect.poll(() => server.output()).toContain(`[web] refused a WebSocket: WebSocket from another origin ("http://127.0.0.1:${otherPort}")`)
    } finally {
      other.close()
    }
  })
})

/** Opens a WebSocket from the page itself (as injected script would) and makes one call. */
async function callFromPage(page: import('@playwright/test').Page, name: string, args: unknown[]): Promise<{ ok: boolean; error?: string; code?: string }> {
  return page.evaluate(
    ([callName, callArgs]) =>
      new Promise<{ ok: boolean; error?: string; code?: string }>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/ws`)
        socket.onopen = () => socket.send(JSON.stringify({ t: 'call', id: 1, name: callName, args: callArgs }))
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data))
          if (message.t === 'result' && message.id === 1) {
            socket.close()
            resolve(message)
          }
        }
        socket.onclose = (event) => reject(new Error(`closed ${event.code}`))
      }),
    [name, args] as const,
  )
}

test.describe('web mode reaches only what the user chose (issue #10)', () => {
  test('the token leaves the address bar and history once the cookie is set; a reload still works', async ({ page, startServer }) => {
    const server = await startServer()
    await page.goto(server.url)
    await page.locator('body[data-app-state="ready"]').waitFor()
    expect(page.url()).toBe(`${server.origin}/`)
    expect(await page.evaluate(() => location.href)).not.toContain(server.token)
    // Going back leaves the app: no history entry keeps the tokened address.
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2)
    await page.goBack()
    expect(page.url()).not.toContain(server.token)
    await page.goForward()
    expect(page.url()).toBe(`${server.origin}/`)
    await page.reload()
    await page.locator('body[data-app-state="ready"]').waitFor()
    await expect(page.getByTestId('call-error')).toHaveCount(0)
  })

  test('an over-long path answers 404 and the server logs no token', async ({ startServer }) => {
    const server = await startServer()
    const response = await rawGet(server, `/${'x'.repeat(4000)}?token=${server.token}`)
    expect(response.status).toBe(404)
    await rawGet(server, `/ws?token=${server.token}`, { host: 'evil.example' })
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { origin: 'http://evil.example' })).toBe(403)
    await expect.poll(() => server.output()).toContain('refused a WebSocket')
    // The printed URL is the one line that carries it, on stdout; stderr never does.
    expect(server.output().split(server.token).length - 1).toBe(1)
  })

  test('a page cannot load a server file by path: refused with a code, nothing read', async ({ page, startServer }) => {
    const server = await startServer()
    await page.goto(server.url)
    await page.locator('body[data-app-state="ready"]').waitFor()
    const passwd = await callFromPage(page, 'loadPaths', [['/etc/passwd']])
    const missing = await callFromPage(page, 'loadPaths', [['/no/such/file.json']])
    expect(passwd).toMatchObject({ ok: false, code: 'web-server-path' })
    expect(missing).toEqual(passwd) // existence does not leak either
    expect(passwd.error).not.toContain('root:')
    expect(await callFromPage(page, 'fileReports', [])).toMatchObject({ ok: true, value: [] })
  })

  test('an upload over --max-upload is refused before anything is written, in the UI language', async ({ page, startServer }) => {
    const server = await startServer([], { args: ['--max-upload', '1KiB'] })
    await page.goto(server.url)
    await page.locator('body[data-app-state="ready"]').waitFor()
    await page.getByTestId('file-input').setInputFiles([{ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(4096, 32) }])
    await expect(page.getByTestId('call-error')).toContainText('at most 1 KiB per upload')
  })

  test("a page cannot point S3 at its own endpoint: no request reaches it", async ({ page, startServer }) => {
    let hits = 0
    const listener = createServer((_request, response) => {
      hits++
      response.writeHead(403).end()
    })
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    try {
      const endpointUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`
      const server = await startServer()
      await page.goto(server.url)
      await page.locator('body[data-app-state="ready"]').waitFor()
      expect(await callFromPage(page, 's3Buckets', [{ endpointUrl }])).toMatchObject({ ok: false, code: 'web-s3-endpoint' })
      expect(await callFromPage(page, 'openS3Trail', [{ endpointUrl, bucket: 'trail', from: 0, to: 86_400_000 }])).toMatchObject({ ok: false, code: 'web-s3-endpoint' })
      expect(hits).toBe(0)
    } finally {
      await new Promise((resolve) => listener.close(resolve))
    }
  })
})
