// Where a signed S3 request may go: the one check (common/aws-names.ts endpointProblem) turned
// into the error main raises. Plain http to a host other than this machine would carry the
// credentials in clear, so it needs the user's explicit opt-in (--allow-plain-http on the command
// line, the S3 dialog's confirmation). Checked where every S3 client is made (s3-bucket.ts), so
// no mode skips it, and again at start-up by the command lines that name an endpoint.

import { CallError } from '../../common/call-errors'
import { endpointProblem } from '../../common/aws-names'

export interface EndpointChoice {
  endpointUrl?: string
  allowPlainHttp?: boolean
}

/** Throws a CallError('plain-http-endpoint') for plain http to a non-loopback host without the opt-in. */
export function checkEndpoint({ endpointUrl, allowPlainHttp }: EndpointChoice): void {
  if (!endpointUrl) return // AWS's own endpoints: always https
  const problem = endpointProblem(endpointUrl, allowPlainHttp === true)
  if (problem === null) return
  if (problem.kind === 'not-http-url') throw new Error(`the endpoint URL must be an http:// or https:// URL, not ${JSON.stringify(endpointUrl)}`)
  throw new CallError(
    'plain-http-endpoint',
    `Refused to send signed S3 requests over plain http to ${problem.host}: the credentials would cross the network in clear. ` +
      'Use https, or confirm plain http explicitly (--allow-plain-http, or the checkbox in the S3 dialog).',
    { host: problem.host },
  )
}
