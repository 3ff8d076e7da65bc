// JSON written inside a string of an event: IAM policy documents (policyDocument,
// assumeRolePolicyDocument, GetFederationToken's policy), KMS key policies, x-amz-* header blobs.
// CloudTrail writes them as they arrived: escaped JSON text, URL-encoded JSON (the IAM API's
// form encoding: %7B%22Version%22...), or base64 (x-amz-server-side-encryption-context). The
// viewer shows the decoded JSON below the string; the event's own bytes are never changed.
//
// Logs are hostile: the string was written by the caller. Nothing here throws; anything that is
// not an object or array after decoding (a plain word, broken JSON, broken %-escapes) is no
// embedded JSON; a string over MAX_EMBEDDED_CHARS is not decoded at all, and a value nested
// deeper than MAX_JSON_DEPTH is not parsed (the pretty printer would show it raw anyway).
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth'

/**
 * The longest string looked into (characters). AWS caps the documents this is for well below it
 * (a managed policy 6,144 characters, a bucket policy 20 KB, a KMS key policy 32 KB).
 */
export const MAX_EMBEDDED_CHARS = 256 * 1024

export type EmbeddedEncoding = 'json' | 'url' | 'base64'

export interface EmbeddedJson {
  /** How the string held it. */
  encoding: EmbeddedEncoding
  /** The JSON text as decoded (not yet re-indented). */
  text: string
  /** What it parses to: an object or an array. */
  value: object
}

const BASE64 = /^[A-Za-z0-9+/]{4,}={0,2}$/

/** The decoded text when it is a JSON object or array nested no deeper than MAX_JSON_DEPTH. */
function parseContainer(text: string): object | null {
  const trimmed = text.trim()
  const first = trimmed[0]
  const last = trimmed[trimmed.length - 1]
  if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) return null
  if (jsonDepth(trimmed, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH) return null
  try {
    const value: unknown = JSON.parse(trimmed)
    return value !== null && typeof value === 'object' ? value : null
  } catch {
    return null // not JSON after all: the string stays a string
  }
}

function urlDecoded(text: string): string | null {
  // Only what starts as an encoded { or [ is tried: a URL or a name with a %20 is not JSON.
  if (!/^\s*%(?:7B|5B)/i.test(text)) return null
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return null // a broken %-escape
  }
}

function base64Decoded(text: string): string | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null
  try {
    // The first bytes decide: only what opens with { or [ is decoded whole.
    if (!/^\s*[{[]/.test(atob(text.slice(0, 4)))) return null
    const binary = atob(text)
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null // not base64, or not UTF-8 inside
  }
}

/** The JSON object or array a string holds (escaped, URL-encoded or base64), or null. */
export function embeddedJson(value: string): EmbeddedJson | null {
  if (value.length < 2 || value.length > MAX_EMBEDDED_CHARS) return null
  const direct = parseContainer(value)
  if (direct) return { encoding: 'json', text: value.trim(), value: direct }
  const url = urlDecoded(value)
  if (url !== null) {
    const parsed = parseContainer(url)
    return parsed ? { encoding: 'url', text: url.trim(), value: parsed } : null
  }
  const base64 = base64Decoded(value)
  if (base64 !== null) {
    const parsed = parseContainer(base64)
    return parsed ? { encoding: 'base64', text: base64.trim(), value: parsed } : null
  }
  return null
}
