// Turns what the SDK throws (service errors, credential-chain errors, socket errors) into one
// sentence a user can act on: which action on which key failed, and what to do about it.
// It also decides what is worth retrying, and reads a bucket's real region out of a redirect.
// The failures a user can act on also get a code (s3CallError), so the UI says them in its language.

import { CallError } from '../../common/call-errors'
import { credentialProblem, credentialsTried, isNothingFound, NO_CREDENTIALS } from './credential-hint'

export type S3Action = 's3:GetObject' | 's3:ListBucket' | 's3:ListAllMyBuckets' | 's3:GetBucketLocation'

export type S3FailureKind =
  | 'access-denied'
  | 'kms'
  | 'sso-expired'
  | 'credentials'
  | 'no-bucket'
  | 'not-found'
  | 'wrong-region'
  | 'throttled'
  | 'network'
  | 'server'
  | 'aborted'
  | 'other'

export interface S3Failure {
  kind: S3FailureKind
  retryable: boolean
  reason: string
}

export interface ErrorContext {
  action: S3Action
  bucket: string
  key?: string
  profile?: string
}

/** A failure that stops a whole open: nothing could be listed and nothing is cached. */
export class S3OpenError extends Error {
  constructor(
    message: string,
    readonly kind: S3FailureKind | 'invalid' | 'empty',
  ) {
    super(message)
    this.name = 'S3OpenError'
  }
}

interface SdkError {
  name?: string
  code?: string
  Code?: string
  message?: string
  attempts?: number
  Region?: string
  BucketRegion?: string
  $metadata?: { httpStatusCode?: number }
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE',
  'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET',
])
const THROTTLE_CODES = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'TooManyRequests', 'RequestLimitExceeded', 'TooManyRequestsException'])
const SERVER_CODES = new Set(['InternalError', 'ServiceUnavailable', 'RequestTimeout', 'RequestTimeoutException', 'TruncatedBody'])
const REGION_CODES = new Set(['PermanentRedirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException', 'TemporaryRedirect'])

const errCode = (e: SdkError): string => e.Code ?? e.code ?? e.name ?? 'Error'
const statusOf = (e: SdkError): number | undefined => e.$metadata?.httpStatusCode ?? e.$response?.statusCode

/** Whether the error is our own cancellation, not a failure. */
export function isAbortError(err: unknown): boolean {
  const e = (err ?? {}) as SdkError
  return e.name === 'AbortError' || e.code === 'ABORT_ERR'
}

/** The region a wrong-region error points to: the x-amz-bucket-region header, the XML, the message. */
export function regionFromError(err: unknown): string | undefined {
  const e = (err ?? {}) as SdkError
  const header = e.$response?.headers?.['x-amz-bucket-region']
  if (header) return header
  if (e.BucketRegion) return e.BucketRegion
  if (e.Region) return e.Region
  return /expecting '([a-z0-9-]+)'/.exec(e.message ?? '')?.[1]
}

export function isWrongRegion(err: unknown): boolean {
  const e = (err ?? {}) as SdkError
  return REGION_CODES.has(errCode(e)) || statusOf(e) === 301 || Boolean(e.$response?.headers?.['x-amz-bucket-region'] && statusOf(e) === 400)
}

export function describeS3Error(err: unknown, ctx: ErrorContext): S3Failure {
  const e = (err ?? {}) as SdkError
  const code = errCode(e)
  const status = statusOf(e)
  const msg = (e.message ?? String(err)).trim()
  const where = ctx.key !== undefined ? `s3://${ctx.bucket}/${ctx.key}` : `s3://${ctx.bucket}`
  const who = ctx.profile ? `the profile "${ctx.profile}"` : 'the current credentials (default profile or environment)'
  const login = `aws sso login${ctx.profile ? ` --profile ${ctx.profile}` : ''}`
  const tries = e.attempts && e.attempts > 1 ? ` after ${e.attempts} attempts` : ''
  const fail = (kind: S3FailureKind, reason: string, retryable = false): S3Failure => ({ kind, retryable, reason })

  if (isAbortError(e)) return fail('aborted', 'cancelled')
  // KMS first: S3 answers a missing kms:Decrypt with a plain AccessDenied whose message names KMS.
  if (code.startsWith('KMS.') || ((code === 'AccessDenied' || status === 403) && /\bkms\b|kms:|ciphertext|KMS key|customer master key/i.test(msg))) {
    return fail('kms', `${where} is encrypted with an AWS KMS key and ${who} lacks kms:Decrypt on that key (${code}: ${msg})`)
  }
  if (e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError') {
    if (/sso/i.test(msg) && /expired|invalid|refresh|login/i.test(msg)) {
      return fail('sso-expired', `The SSO session of ${who} has expired or is not signed in: run \`${login}\` to renew it`)
    }
    if (isNothingFound(msg)) {
      return fail('credentials', `${NO_CREDENTIALS} for ${who} (tried: ${credentialsTried(ctx.profile)}): for an SSO profile run \`${login}\`, otherwise set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or give the profile keys`)
    }
    return fail('credentials', `Could not get AWS credentials for ${who}: ${msg}`)
  }
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException' || code === 'TokenRefreshRequired') {
    return fail('sso-expired', `The credentials of ${who} have expired (${code}): renew them (for an SSO profile, run \`${login}\`)`)
  }
  if (code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch' || code === 'InvalidToken') {
    return fail('credentials', `S3 rejected the credentials of ${who} (${code}): ${msg}`)
  }
  if (code === 'AccessDenied' || code === 'AllAccessDisabled' || status === 403) {
    return fail('access-denied', `Access denied: ${ctx.action} on ${where} — ${who} lacks ${ctx.action} there (check its IAM policy and the bucket policy)`)
  }
  if (code === 'NoSuchBucket') return fail('no-bucket', `The bucket "${ctx.bucket}" does not exist (check the name, and the endpoint URL if one is set)`)
  if (code === 'NoSuchKey' || (status === 404 && ctx.key !== undefined)) return fail('not-found', `${where} no longer exists (deleted after it was listed)`)
  if (isWrongRegion(e)) {
    const region = regionFromError(e)
    return fail('wrong-region', `The bucket "${ctx.bucket}" is in ${region ? `region ${region}` : 'another region'} (${code})`)
  }
  if (THROTTLE_CODES.has(code) || status === 429 || (status === 503 && code !== 'ServiceUnavailable')) {
    return fail('throttled', `S3 throttled ${ctx.action} on ${where} (${code})${tries}`, true)
  }
  if (NETWORK_CODES.has(e.code ?? '') || NETWORK_CODES.has(code) || e.name === 'TimeoutError' || /socket hang up|network|aborted/i.test(msg)) {
    return fail('network', `Network error on ${ctx.action} ${where}${tries}: ${e.code ?? code} ${msg}`.trim(), true)
  }
  if (SERVER_CODES.has(code) || (status !== undefined && status >= 500)) {
    return fail('server', `S3 failed ${ctx.action} on ${where} (${code}${status ? `, HTTP ${status}` : ''})${tries}: ${msg}`, true)
  }
  return fail('other', `${ctx.action} on ${where} failed (${code}${status ? `, HTTP ${status}` : ''}): ${msg}`)
}

/**
 * A failure that ends a call, as the error to throw: a CallError with a code and the values its
 * translation needs for what the user can fix (credentials, permissions, a bucket name), else a
 * plain Error with the reason.
 */
export function s3CallError(kind: S3FailureKind | 'invalid' | 'empty', message: string, ctx: ErrorContext, cause?: unknown): Error {
  const options = cause === undefined ? undefined : { cause }
  const profile = ctx.profile ?? 'default'
  switch (kind) {
    case 'sso-expired':
    case 'credentials':
      // The problem picks the sentence (call-error-text.ts); `tried` lists where the chain looked.
      return new CallError(
        's3-auth',
        message,
        { profile, login: `aws sso login${ctx.profile ? ` --profile ${ctx.profile}` : ''}`, problem: credentialProblem(kind, message), tried: credentialsTried(ctx.profile) },
        options,
      )
    case 'access-denied':
      return new CallError('s3-denied', message, { action: ctx.action, where: `s3://${ctx.bucket}${ctx.key !== undefined ? `/${ctx.key}` : ''}`, profile }, options)
    case 'no-bucket':
      return new CallError('s3-not-found', message, { bucket: ctx.bucket }, options)
    default:
      return new Error(message, options)
  }
}

