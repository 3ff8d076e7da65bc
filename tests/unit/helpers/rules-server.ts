// A local https server for the "Update rules" tests: a self-signed certificate made by `openssl`
// for 127.0.0.1 (trusted by the download through its `ca` option, as the service takes it), and
// tar.gz archives built at run time — real ones with node-tar's `create` from a folder of rules
// copied from ../shared/sigma, hostile ones written header by header with node-tar's Header,
// since `create` itself would never write an absolute path or `..`.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { Header, create } from 'tar'

export interface RulesServer {
  /** https://127.0.0.1:<port> */
  origin: string
  ca: string
  /** What each path answers (a tar.gz); a missing path answers 404. */
  routes: Map<string, Buffer>
  close(): Promise<void>
}

export async function startRulesServer(): Promise<RulesServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-rules-tls-'))
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
  const routes = new Map<string, Buffer>()
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const body = routes.get(req.url ?? '')
    if (!body) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `https://127.0.0.1:${port}`,
    ca: readFileSync(cert, 'utf8'),
    routes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A real tar.gz of `folder` (whose single child is the `<repo>-<branch>` folder, as GitHub's). */
export async function tarGzOf(folder: string, top: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  const stream = create({ gzip: true, cwd: folder, portable: true }, [top])
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

export interface RawEntry {
  path: string
  type?: 'File' | 'SymbolicLink' | 'Link' | 'CharacterDevice' | 'Directory'
  body?: string | Buffer
  linkpath?: string
}

/** A tar.gz written header by header, names exactly as given (hostile archives). */
export function rawTarGz(entries: readonly RawEntry[]): Buffer {
  const blocks: Buffer[] = []
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '')
    const header = new Header({ path: entry.path, type: entry.type ?? 'File', size: entry.type && entry.type !== 'File' ? 0 : body.length, mode: 0o644, mtime: new Date(0), linkpath: entry.linkpath })
    const block = Buffer.alloc(512)
    header.encode(block)
    blocks.push(block)
    if (header.size) {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512))
    }
  }
  blocks.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(blocks))
}
