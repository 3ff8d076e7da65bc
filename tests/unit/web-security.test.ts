// Web mode as an attacker's page or local program would drive it, over a real WebSocket to the
// real server and the real services (issue #10, items 8-11): no server path is read, uploads are
// bounded and opened one file at a time, the token never reaches a log line or a 500, and the
// S3 endpoint is the server's, never the page's. S3 checks use a real HTTP listener on 127.0.0.1
// that counts the signed requests reaching it.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { lookup } from 'node:dns/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { CALL_NAMES, callScope } from '../../common/ipc-contract'
import { AshiatoService } from '../../main/services/ashiato-service'
import { startWebServer, type WebServer, type WebServerOptions } from '../../main/web/web-server'
import { createWebApi, type SocketLike } from '../../renderer/api/web-api'
import { TEST_CONFIG, TEST_CREDENTIALS, useTemporaryAwsConfig } from './s3-harness'

let rendererDir: string
let cacheDir: string
let aws: ReturnType<typeof useTemporaryAwsConfig>
const running: { server: WebServer; service: AshiatoService }[] = []

beforeAll(() => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-renderer-sec-'))
  mkdirSync(path.join(rendererDir, 'assets'))
  writeFileSync(path.join(rendererDir, 'index.html'), `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body>app</body></html>`)
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-cache-sec-'))
  aws = useTemporaryAwsConfig(TEST_CONFIG, TEST_CREDENTIALS)
})

afterAll(async () => {
  for (const { server, service } of running) await Promise.all([server.close(), service.dispose()])
  aws.restore()
  rmSync(rendererDir, { recursive: true, force: true })
  rmSync(cacheDir, { recursive: true, force: true })
})

afterEach(() => {
  vi.restoreAllMocks()
})

async function serve(options: Partial<WebServerOptions> = {}) {
  const service = new AshiatoService({ s3: { cacheDir } })
  const server = await startWebServer({ service, port: 0, rendererDir, ...options })
  running.push({ server, service })
  const token = new URL(server.url).searchParams.get('token') ?? ''
  const open = () => new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { origin: `http://127.0.0.1:${server.port}` })
  return { server, service, token, open, api: () => createWebApi(open() as unknown as SocketLike) }
}

/** A plain HTTP listener standing in for an S3 endpoint: it records what reaches it. */
async function listener(): Promise<{ url: string; port: number; hits: { authorization?: string }[]; close(): Promise<void> }> {
  const hits: { authorization?: string }[] = []
  const server: Server = createServer((req, res) => {
    hits.push({ authorization: req.headers.authorization })
    res.writeHead(403, { 'Content-Type': 'application/xml' })
    res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return { url: `http://127.0.0.1:${port}`, port, hits, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

function get(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: target }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('web mode: server paths (item 8)', () => {
  it('marks the path-naming calls, and only them, as server-path', () => {
    expect(CALL_NAMES.filter((name) => callScope(name) === 'server-path').sort()).toEqual(['loadPaths', 'showExportedFile'])
  })

  it('refuses loadPaths of any server file with a code, the same way whether it exists or not, reading nothing', async () => {
    const { api, service } = await serve()
    const client = api()
    const secret = path.join(os.tmpdir(), `ashiato-secret-${process.pid}.json`)
    writeFileSync(secret, '{"Records":[{"eventID":"TOP-SECRET-CONTENT"}]}')
    const errors: { code?: string; message: string }[] = []
    for (const target of ['/etc/passwd', secret, path.join(aws.home, '.aws', 'credentials'), '/no/such/file.json']) {
      const error = (await client.loadPaths([target]).then(
        () => null,
        (e: unknown) => e,
      )) as (Error & { code?: string }) | null
      expect(error, target).not.toBeNull()
      errors.push({ code: error!.code, message: error!.message })
    }
    // One answer for all: nothing of a file's content, and nothing telling which exist.
    expect(new Set(errors.map((e) => JSON.stringify(e))).size).toBe(1)
    expect(errors[0].code).toBe('web-server-path')
    expect(errors[0].message).not.toMatch(/root:|TOP-SECRET|no such file|ENOENT/i)
    expect(await client.fileReports()).toEqual([])
    expect(service.store.size ?? 0).toBe(0)
    await expect(client.showExportedFile('/etc/passwd')).rejects.toMatchObject({ code: 'web-server-path' })
    rmSync(secret)
  })
})

describe('web mode: uploads (item 9)', () => {
  function openFds(): number {
    return readdirSync('/proc/self/fd').length
  }

  it('opens an upload of 20,000 announced files one file at a time', async () => {
    const { open, server } = await serve()
    const socket = open()
    await new Promise((resolve) => socket.once('open', resolve))
    const answers: { id: number; ok: boolean }[] = []
    socket.on('message', (data) => answers.push(JSON.parse(String(data))))
    const before = openFds()
    const files = Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}.json`, size: 2 }))
    socket.send(JSON.stringify({ t: 'upload-begin', uploadId: 1, files }))
    const frame = (index: number) => {
      const bytes = Buffer.alloc(10)
      bytes.writeUInt32BE(1, 0)
      bytes.writeUInt32BE(index, 4)
      bytes.write('[]', 8)
      return bytes
    }
    socket.send(frame(0))
    socket.send(frame(1))
    socket.send(JSON.stringify({ t: 'call', id: 2, name: 'fileReports', args: [] }))
    await expect.poll(() => answers.find((a) => a.id === 2)?.ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 200)) // let any opens that were started land
    expect(openFds() - before).toBeLessThan(20)
    const dirs = readdirSync(server.uploadsDir)
    expect(dirs).toHaveLength(1)
    expect(readdirSync(path.join(server.uploadsDir, dirs[0])).length).toBeLessThanOrEqual(2)
    socket.close()
    await expect.poll(() => readdirSync(server.uploadsDir)).toEqual([])
  })

  it('refuses an upload larger than the cap before writing anything, naming the limit', async () => {
    const { open, server } = await serve()
    const socket = open()
    await new Promise((resolve) => socket.once('open', resolve))
    const answers: { id: number; ok: boolean; error?: string; code?: string }[] = []
    socket.on('message', (data) => answers.push(JSON.parse(String(data))))
    socket.send(JSON.stringify({ t: 'upload-begin', uploadId: 7, files: [{ name: 'huge.json.gz', size: 50 * 1e9 }] }))
    await expect.poll(() => answers.find((a) => a.id === 7)).toBeTruthy()
    const answer = answers.find((a) => a.id === 7)!
    expect(answer).toMatchObject({ ok: false, code: 'upload-too-large' })
    expect(answer.error).toContain('8 GiB')
    expect(answer.error).toContain('--max-upload')
    expect(readdirSync(server.uploadsDir)).toEqual([])
    socket.close()
  })

  it('applies --max-upload to what the page uploads, across its files', async () => {
    const { api, server } = await serve({ maxUploadBytes: 1024 * 1024 })
    const files = [new File([Buffer.alloc(600 * 1024)], 'a.json'), new File([Buffer.alloc(600 * 1024)], 'b.json')]
    await expect(api().uploadFiles?.(files)).rejects.toMatchObject({ code: 'upload-too-large', message: expect.stringContaining('at most 1 MiB') })
    expect(readdirSync(server.uploadsDir)).toEqual([])
  })
})

describe('web mode: the token (item 10)', () => {
  it('answers an over-long path with 404 and logs no token', async () => {
    const { server, token } = await serve()
    const logged: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    const long = await get(server.port, `/${'a'.repeat(5000)}?token=${token}`)
    expect(long.status).toBe(404)
    expect(long.body).not.toContain(token)
    // A refused upgrade with the token in its URL is logged, scrubbed.
    const refused = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { origin: 'http://evil.example' })
    await new Promise((resolve) => refused.on('error', resolve))
    expect(logged.join('\n')).not.toContain(token)
  })
})

describe('web mode: the S3 endpoint (item 11)', () => {
  it('refuses an endpoint named by the page: no request reaches it', async () => {
    const s3 = await listener()
    try {
      const { api } = await serve()
      await expect(api().s3Buckets({ profile: 'ashiato-test', endpointUrl: s3.url })).rejects.toMatchObject({ code: 'web-s3-endpoint' })
      await expect(api().s3Discover({ profile: 'ashiato-test', endpointUrl: s3.url, bucket: 'trail' })).rejects.toMatchObject({ code: 'web-s3-endpoint' })
      await expect(api().openS3Trail({ profile: 'ashiato-test', endpointUrl: `${s3.url}/`, bucket: 'trail', from: 0, to: 86_400_000 })).rejects.toMatchObject({ code: 'web-s3-endpoint' })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(s3.hits).toEqual([])
    } finally {
      await s3.close()
    }
  })

  it("uses the server's --endpoint-url, whether the page names it or leaves it empty", async () => {
    const s3 = await listener()
    try {
      const { api } = await serve({ policy: { s3EndpointUrl: s3.url } })
      await expect(api().s3Buckets({ profile: 'ashiato-test' })).rejects.toThrow()
      expect(s3.hits.length).toBeGreaterThan(0)
      expect(s3.hits[0].authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\//)
      const before = s3.hits.length
      await expect(api().s3Buckets({ profile: 'ashiato-test', endpointUrl: `${s3.url}/` })).rejects.not.toMatchObject({ code: 'web-s3-endpoint' })
      expect(s3.hits.length).toBeGreaterThan(before)
      await expect(api().s3Buckets({ profile: 'ashiato-test', endpointUrl: 'http://127.0.0.2:9' })).rejects.toMatchObject({ code: 'web-s3-endpoint' })
    } finally {
      await s3.close()
    }
  })

  it('refuses plain http to a host that is not loopback by name unless opted in (every mode)', async (context) => {
    // A name for this machine that is not a loopback name: the check goes by the URL, before any
    // connection, so a signed request would otherwise reach the listener.
    const name = os.hostname()
    const address = await lookup(name, { family: 4 }).catch(() => null)
    if (!address?.address.startsWith('127.')) return context.skip(`${name} does not resolve to 127.x here`)
    const s3 = await listener()
    const service = new AshiatoService({ s3: { cacheDir } })
    try {
      const endpointUrl = `http://${name}:${s3.port}`
      await expect(service.s3Buckets({ profile: 'ashiato-test', endpointUrl })).rejects.toMatchObject({ code: 'plain-http-endpoint' })
      await expect(service.s3Discover({ profile: 'ashiato-test', endpointUrl, bucket: 'trail' })).rejects.toMatchObject({ code: 'plain-http-endpoint' })
      await expect(service.openS3Trail({ profile: 'ashiato-test', endpointUrl, bucket: 'trail', from: 0, to: 86_400_000 })).rejects.toMatchObject({ code: 'plain-http-endpoint' })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(s3.hits).toEqual([])
      // With the dialog's confirmation the same call goes out (so the refusal above was the check).
      await expect(service.s3Buckets({ profile: 'ashiato-test', endpointUrl, allowPlainHttp: true })).rejects.toThrow()
      expect(s3.hits.length).toBeGreaterThan(0)
    } finally {
      await Promise.all([s3.close(), service.dispose()])
    }
  })
})
