// The built renderer (dist/renderer) as both shells serve it: the web-mode HTTP server and
// Electron's ashiato:// protocol. URL paths are untrusted, so a path is resolved only when it
// stays inside the renderer folder after decoding and normalising.

import { promises as fs } from 'node:fs'
import path from 'node:path'

/** dist/renderer beside this bundle (dist/main), or the build output when running from sources. */
export function defaultRendererDir(): string {
  const beside = path.resolve(__dirname, '..', 'renderer')
  return path.basename(path.dirname(__dirname)) === 'dist' ? beside : path.resolve(__dirname, '..', '..', 'dist', 'renderer')
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file a URL path names inside `root`, or null when it is malformed or leaves `root`
 * ('/../x', '/%2e%2e/x', '/a/..%2f..%2fx', backslashes, NUL). '/' is index.html.
 */
export function resolveRendererPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null // malformed %-escape
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded.split('/').some((part) => part === '..')) return null
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '')
  const file = path.resolve(root, relative === '' ? 'index.html' : relative)
  const rootWithSep = path.resolve(root) + path.sep
  return file.startsWith(rootWithSep) ? file : null
}

/** A regular file's bytes, or null when there is none (missing, a folder, unreadable). */
export async function readRendererFile(root: string, urlPath: string): Promise<{ file: string; body: Buffer } | null> {
  const file = resolveRendererPath(root, urlPath)
  if (!file) return null
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) return null
    return { file, body: await fs.readFile(file) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // What a request can make the lookup hit (a name too long for the file system, a loop): not found, not a 500.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP' || code === 'EISDIR') return null
    throw error
  }
}

/** The policy in index.html's <meta http-equiv="Content-Security-Policy">, so the header cannot drift from it. */
export function cspFromIndexHtml(html: string): string | null {
  const meta = /<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)
  const content = meta && /content=(["'])(.*?)\1/is.exec(meta[0])
  return content ? content[2].replace(/\s+/g, ' ').trim() : null
}

/** Used when index.html has no meta policy: the model policy for a Monaco app. */
export const FALLBACK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; worker-src 'self'; img-src 'self' data:; connect-src 'self'"

/** The policy to send as a header for the renderer in `root`. */
export async function rendererCsp(root: string): Promise<string> {
  try {
    return cspFromIndexHtml(await fs.readFile(path.join(root, 'index.html'), 'utf8')) ?? FALLBACK_CSP
  } catch (error) {
    throw new Error(`cannot read the built renderer in ${root} (run: node scripts/build.mjs): ${(error as Error).message}`, {
      cause: error,
    })
  }
}
