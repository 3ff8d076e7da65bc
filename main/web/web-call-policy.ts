// What a browser tab may ask of the server, on top of the contract's argument checks. The
// server's user is at the desktop; a tab is whoever reached the WebSocket with the token. So a
// tab reaches only what it uploaded and what the server's own command line named:
//   - calls the contract marks 'server-path' (each call's `scope` in common/contract/: a path to
//     load, an export target) are refused before anything touches the disk, so neither a
//     file's content nor its existence leaks;
//   - calls marked 's3' use the S3 endpoint of the command line (--endpoint-url) and its
//     --allow-plain-http, never one the page names, which would receive the signed request.

import { callScope } from '../../common/ipc-contract'
import { CallError } from '../../common/call-errors'
import { dispatchCall, isCallName, type ShellCalls } from '../services/dispatch-call'
import type { ServiceCalls } from '../services/service-types'

export interface WebCallPolicy {
  /** --endpoint-url of `ashiato serve`: the only S3 endpoint web clients use. */
  s3EndpointUrl?: string
  /** --allow-plain-http of `ashiato serve`. */
  allowPlainHttp?: boolean
}

export const SERVER_PATH_REFUSED =
  'Web mode does not open files on the server by path: upload them from the browser (drop them or use Open), ' +
  'or name them on the `ashiato serve` command line.'

function sameEndpoint(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href
  } catch {
    return false
  }
}

/** The S3 call's arguments with the server's endpoint in place of the page's (or a refusal). */
function pinS3Endpoint(args: unknown, policy: WebCallPolicy): unknown {
  if (!Array.isArray(args) || args.length !== 1 || typeof args[0] !== 'object' || args[0] === null) return args // validateArgs says what is wrong
  const asked = (args[0] as { endpointUrl?: unknown }).endpointUrl
  const wanted = typeof asked === 'string' && asked.trim() !== '' ? asked.trim() : undefined
  if (wanted !== undefined && !(policy.s3EndpointUrl && sameEndpoint(wanted, policy.s3EndpointUrl))) {
    throw new CallError(
      'web-s3-endpoint',
      policy.s3EndpointUrl
        ? `Web mode uses only the S3 endpoint the server was started with (${policy.s3EndpointUrl}); clear the endpoint field to use it.`
        : 'Web mode uses only an S3 endpoint given on the server\'s command line (ashiato serve --endpoint-url URL); clear the endpoint field.',
      { endpoint: policy.s3EndpointUrl ?? '' },
    )
  }
  const pinned: Record<string, unknown> = { ...(args[0] as Record<string, unknown>), allowPlainHttp: policy.allowPlainHttp === true }
  if (policy.s3EndpointUrl) pinned.endpointUrl = policy.s3EndpointUrl
  else delete pinned.endpointUrl
  return [pinned]
}

/** dispatchCall for a web client: the contract's scope of the call decides what it may reach. */
export async function dispatchWebCall(service: ServiceCalls, shell: ShellCalls, policy: WebCallPolicy, name: unknown, args: unknown): Promise<unknown> {
  if (isCallName(name)) {
    const scope = callScope(name)
    if (scope === 'server-path') throw new CallError('web-server-path', SERVER_PATH_REFUSED)
    if (scope === 's3') args = pinS3Endpoint(args, policy)
  }
  return dispatchCall(service, shell, name, args)
}
