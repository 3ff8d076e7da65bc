// Where a signed S3 request may go. The SDK signs every request with the credentials (access key
// ID, session token in a header); over plain http that crosses the network readable by anyone on
// the path. Loopback never leaves the machine (a local MinIO or s3rver); any other host needs
// https, or an explicit opt-in (--allow-plain-http on the command line, the S3 dialog's
// confirmation). Checked where every S3 client is made (s3-bucket.ts), so no mode skips it.

import { CallError } from '../../common/call-errors'
import { isLoopbackHostname } from '../../common/endpoint-url'

export interface EndpointChoice {
  endpointUrl?: string
  allowPlainHttp?: boolean
}

/** Throws a CallError('plain-http-endpoint') for plain http to a non-loopback host without the opt-in. */
export function checkEndpoint({ endpointUrl, allowPlainHttp }: EndpointChoice): void {
  if (!endpointUrl) return // AWS's own endpoints: always https
  let url: URL
  try {
    url = new URL(endpointUrl)
  } catch {
    throw new Error(`the endpoint URL must be an http:// or https:// URL, not ${JSON.stringify(endpointUrl)}`)
  }
  if (url.protocol === 'https:') return
  if (url.protocol !== 'http:') throw new Error(`the endpoint URL must be an http:// or https:// URL, not ${JSON.stringify(endpointUrl)}`)
  if (isLoopbackHostname(url.hostname) || allowPlainHttp === true) return
  throw new CallError(
    'plain-http-endpoint',
    `Refused to send signed S3 requests over plain http to ${url.host}: the credentials would cross the network in clear. ` +
      'Use https, or confirm plain http explicitly (--allow-plain-http, or the checkbox in the S3 dialog).',
    { host: url.host },
  )
}
