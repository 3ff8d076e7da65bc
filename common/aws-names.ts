// AWS names and the addresses Ashiato will talk to or open, checked in one place: regions,
// bucket names, account IDs, ARNs, S3 endpoint URLs and AWS documentation links. Every value
// checked here may come from a log, a web client or a command line, so each check is exact
// (anchored patterns, WHATWG URL parsing, no look-alikes) and bounded in length. Pure: no Node.

import { parseArn } from './decode/arn'

/** A region code as AWS writes them: us-east-1, ap-northeast-3, us-gov-west-1, il-central-1. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

/** The shape of a bucket name; S3-compatible servers are laxer than AWS's 3-63 lower-case rule. */
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/

export const isRegion = (text: string): boolean => text.length <= 64 && REGION.test(text)

export const isBucketName = (text: string): boolean => BUCKET.test(text)

/** A 12-digit AWS account ID. */
export const isAccountId = (text: string): boolean => /^\d{12}$/.test(text)

/** arn:partition:service:region:account:resource (see decode/arn.ts for its parts). */
export const isArn = (text: string): boolean => parseArn(text) !== null

// ---------------------------------------------------------------------------------------------
// S3 endpoints. The SDK signs every request with the credentials (the access key ID, a session
// token in a header); over plain http that crosses the network readable by anyone on the path.
// Loopback never leaves the machine (a local MinIO or s3rver); any other host needs https, or an
// explicit opt-in (--allow-plain-http, the S3 dialog's confirmation).

/**
 * localhost, 127.0.0.0/8, ::1 and IPv4-mapped 127.x. Takes a WHATWG URL's hostname, which is
 * already normalised ('0x7f.1' -> '127.0.0.1', '[0:0::1]' -> '[::1]').
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  // Not *.localhost: Node resolves those through DNS, which may answer any address.
  if (host === 'localhost') return true
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  return host === '[::1]' || /^\[::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})\]$/.test(host)
}

/** What is wrong with an endpoint URL: not an http(s) URL, or plain http to another host; null when fine. */
export type EndpointProblem = { kind: 'not-http-url' } | { kind: 'plain-http'; host: string }

/** The one check of an S3 endpoint URL; `allowPlainHttp` is the user's explicit opt-in. */
export function endpointProblem(endpointUrl: string, allowPlainHttp = false): EndpointProblem | null {
  let url: URL
  try {
    url = new URL(endpointUrl)
  } catch {
    return { kind: 'not-http-url' }
  }
  if (url.protocol === 'https:') return null
  if (url.protocol !== 'http:') return { kind: 'not-http-url' }
  return isLoopbackHostname(url.hostname) || allowPlainHttp ? null : { kind: 'plain-http', host: url.host }
}

/** An http:// or https:// URL (the shape an endpoint option must have, before the plain-http rule). */
export const isHttpUrl = (text: string): boolean => endpointProblem(text, true) === null

/** True for http:// to a non-loopback host (the dialog then asks); false for https, loopback, or text that is not a URL. */
export function isPlainHttpToNetwork(endpointUrl: string): boolean {
  return endpointProblem(endpointUrl.trim())?.kind === 'plain-http'
}

// ---------------------------------------------------------------------------------------------
// Links out. shell.openExternal hands a URL to the OS, which will also run file:, smb: or
// custom-scheme handlers, and in web mode the page URL holds the session token: only https links
// to the AWS documentation the UI links to may leave the app.

/** Hosts the viewer links to: the CloudTrail and service documentation. */
export const DOCS_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'aws.amazon.com']

const MAX_URL_LENGTH = 2048

/** True for an https URL on a documentation host, with no credentials and no explicit port. */
export function isDocsUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    // 'https://docs.aws.amazon.com@evil.example/' has username 'docs.aws.amazon.com'.
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    // Exact names: 'docs.aws.amazon.com.evil.example' and 'evil-aws.amazon.com' do not pass.
    DOCS_HOSTS.includes(parsed.hostname)
  )
}
