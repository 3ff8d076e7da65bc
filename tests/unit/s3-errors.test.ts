// Each failure becomes one sentence that names the action, the object and the way out.
// The errors below have the shapes the SDK throws (service exceptions, credential-chain errors,
// socket errors); the integration tests produce the real ones from a real endpoint.

import { describe, expect, it } from 'vitest'
import { describeS3Error, isWrongRegion, regionFromError } from '../../main/s3/s3-errors'

const service = (name: string, status: number, message = '', extra: object = {}) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, ...extra })
const ctx = { action: 's3:GetObject' as const, bucket: 'trail', key: 'AWSLogs/1/x.json.gz', profile: 'audit' }

describe('describeS3Error', () => {
  it('names the missing permission and the object', () => {
    expect(describeS3Error(service('AccessDenied', 403, 'Access Denied'), ctx)).toEqual({
      kind: 'access-denied',
      retryable: false,
      reason: 'Access denied: s3:GetObject on s3://trail/AWSLogs/1/x.json.gz — the profile "audit" lacks s3:GetObject there (check its IAM policy and the bucket policy)',
    })
    expect(describeS3Error(service('AccessDenied', 403), { ...ctx, action: 's3:ListBucket', profile: undefined }).reason).toMatch(/s3:ListBucket on .*the current credentials \(default profile or environment\) lacks s3:ListBucket/)
    expect(describeS3Error(service('KMS.DisabledException', 400, 'key disabled'), ctx)).toMatchObject({ kind: 'kms' })
  })

  it('tells how to renew credentials', () => {
    const sso = Object.assign(new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), { name: 'CredentialsProviderError' })
    expect(describeS3Error(sso, ctx).reason).toBe('The SSO session of the profile "audit" has expired or is not signed in: run `aws sso login --profile audit` to renew it')
    expect(describeS3Error(service('ExpiredToken', 400, 'The provided token has expired.'), ctx).reason).toMatch(/have expired \(ExpiredToken\).*aws sso login --profile audit/)
    const none = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })
    // What was tried and what to do instead of the SDK's words (s3-credential-hint.test.ts).
    expect(describeS3Error(none, ctx)).toMatchObject({ kind: 'credentials', reason: expect.stringMatching(/^No AWS credentials found for the profile "audit" \(tried: .*\): .*aws sso login --profile audit.*AWS_ACCESS_KEY_ID/) })
    const other = Object.assign(new Error('credential_process exited with 1'), { name: 'CredentialsProviderError' })
    expect(describeS3Error(other, ctx).reason).toBe('Could not get AWS credentials for the profile "audit": credential_process exited with 1')
  })

  it('retries throttling, resets and server errors, not the rest', () => {
    expect(describeS3Error(service('SlowDown', 503), ctx)).toMatchObject({ kind: 'throttled', retryable: true })
    expect(describeS3Error(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), ctx)).toMatchObject({ kind: 'network', retryable: true })
    expect(describeS3Error(Object.assign(new Error('got 5 of 10 bytes'), { name: 'TruncatedBody' }), ctx)).toMatchObject({ kind: 'server', retryable: true })
    expect(describeS3Error(service('InternalError', 500), ctx)).toMatchObject({ kind: 'server', retryable: true })
    expect(describeS3Error(service('NoSuchKey', 404), ctx)).toMatchObject({ kind: 'not-found', retryable: false })
    expect(describeS3Error(service('NoSuchBucket', 404), ctx)).toMatchObject({ kind: 'no-bucket', retryable: false })
    expect(describeS3Error(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx)).toMatchObject({ kind: 'aborted', retryable: false })
  })

  it('finds the region a bucket lives in', () => {
    const redirect = service('PermanentRedirect', 301, '', { $response: { statusCode: 301, headers: { 'x-amz-bucket-region': 'eu-west-1' } } })
    expect(isWrongRegion(redirect)).toBe(true)
    expect(regionFromError(redirect)).toBe('eu-west-1')
    const malformed = service('AuthorizationHeaderMalformed', 400, "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-southeast-2'")
    expect(isWrongRegion(malformed)).toBe(true)
    expect(regionFromError(malformed)).toBe('ap-southeast-2')
    expect(isWrongRegion(service('AccessDenied', 403))).toBe(false)
  })
})
