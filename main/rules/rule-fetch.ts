// The download of one rule set's tar.gz: https only (also after a redirect, which GitHub's
// archive links use), a bounded number of redirects, and the compressed bytes counted as they
// arrive so an endless answer stops at its named limit. Tests trust their own self-signed
// server through `ca`, never by turning certificate checks off.

import { get } from 'node:https'
import type { IncomingMessage } from 'node:http'
import { PassThrough, type Readable } from 'node:stream'
import { CallError } from '../../common/call-errors'
import { overLimit } from './rule-archive'

const MAX_REDIRECTS = 5
/** A server that stops sending for this long has failed (a download of a few MB takes seconds). */
const IDLE_TIMEOUT_MS = 60_000

export interface FetchOptions {
  /** The only certificate authority trusted (PEM), in place of Node's default roots (Node's `ca` replaces them): tests' local servers. */
  ca?: string | Buffer
  maxCompressedBytes: number
  /** Compressed bytes so far, for progress. */
  onBytes?: (bytes: number) => void
}

export function requireHttps(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new CallError('rules-download-failed', `The rule download failed: ${url} is not a URL.`, { url, problem: 'not a URL' })
  }
  if (parsed.protocol !== 'https:') throw new CallError('rules-https-only', `Rules are downloaded over https only, not from ${url}.`, { url })
  return parsed
}

function failed(url: string, problem: string): CallError {
  return new CallError('rules-download-failed', `The rule download from ${url} failed: ${problem}.`, { url, problem })
}

function request(url: string, options: FetchOptions, redirects: number): Promise<IncomingMessage> {
  const parsed = requireHttps(url)
  return new Promise((resolve, reject) => {
    const req = get(parsed, { ca: options.ca, timeout: IDLE_TIMEOUT_MS, headers: { 'user-agent': 'Ashiato rules update' } }, (res) => {
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume()
        if (redirects >= MAX_REDIRECTS) return reject(failed(url, 'too many redirects'))
        return resolve(request(new URL(res.headers.location, parsed).href, options, redirects + 1))
      }
      if (status !== 200) {
        res.resume()
        return reject(failed(url, `HTTP ${status}`))
      }
      resolve(res)
    })
    req.on('timeout', () => req.destroy(new Error('no answer')))
    req.on('error', (error: NodeJS.ErrnoException) => reject(failed(url, error.code ?? error.message)))
  })
}

/** The tar.gz's bytes as a stream that errors (with a CallError) when over its limit or cut off. */
export async function fetchRuleArchive(url: string, options: FetchOptions): Promise<Readable> {
  const res = await request(url, options, 0)
  const declared = Number(res.headers['content-length'])
  if (Number.isFinite(declared) && declared > options.maxCompressedBytes) {
    res.destroy()
    throw overLimit('compressedBytes', options.maxCompressedBytes)
  }
  const out = new PassThrough()
  let bytes = 0
  res.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (bytes > options.maxCompressedBytes) {
      // out first: destroying res says 'aborted', which must not be taken for the cause.
      out.destroy(overLimit('compressedBytes', options.maxCompressedBytes))
      res.destroy()
      return
    }
    options.onBytes?.(bytes)
    out.write(chunk)
  })
  res.on('end', () => out.end())
  res.on('error', (error: NodeJS.ErrnoException) => out.destroy(failed(url, error.code ?? error.message)))
  res.on('aborted', () => out.destroyed || out.destroy(failed(url, 'the connection closed early')))
  out.on('close', () => res.destroy())
  return out
}
