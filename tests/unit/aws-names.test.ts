// common/aws-names.ts: every check of an AWS name or address, with the hostile inputs each one
// exists for (values from logs, web clients and command lines).
import { describe, expect, it } from 'vitest'
import {
  DOCS_HOSTS,
  endpointProblem,
  isAccountId,
  isArn,
  isBucketName,
  isDocsUrl,
  isHttpUrl,
  isLoopbackHostname,
  isPlainHttpToNetwork,
  isRegion,
} from '../../common/aws-names'
import { isAllowedExternalUrl } from '../../main/electron/external-links'
import { checkEndpoint } from '../../main/s3/endpoint-policy'
import { CallError } from '../../common/call-errors'

describe('regions', () => {
  it('accepts the codes AWS uses', () => {
    for (const r of ['us-east-1', 'us-gov-west-1', 'cn-northwest-1', 'ap-southeast-5', 'il-central-1', 'eu-central-2', 'me-central-1']) expect(isRegion(r), r).toBe(true)
  })
  it('refuses look-alikes and hostile text', () => {
    for (const r of ['us-east', 'US-EAST-1', 'us-east-1 ', ' us-east-1', 'us-east-1\n', 'us-east-123', 'useast1', '../us-east-1', 'us-east-1/..', `${'a-'.repeat(40)}1`, '']) {
      expect(isRegion(r), JSON.stringify(r)).toBe(false)
    }
  })
})

describe('bucket names', () => {
  it('accepts AWS names and the laxer names S3-compatible servers allow', () => {
    for (const b of ['my-trail', 'trail.logs.example', 'ab', 'Trail_Logs', '123bucket']) expect(isBucketName(b), b).toBe(true)
  })
  it('refuses paths, separators, control characters and lengths past 255', () => {
    for (const b of ['a', '', '-trail', '.trail', 'a/b', '../etc', 'a b', 'a\u0000b', 'a\nb', 'tr%41il', 'a:b', 'x'.repeat(256)]) {
      expect(isBucketName(b), JSON.stringify(b)).toBe(false)
    }
    expect(isBucketName('x'.repeat(255))).toBe(true)
  })
})

describe('account IDs and ARNs', () => {
  it('an account ID is exactly twelve ASCII digits', () => {
    expect(isAccountId('123456789012')).toBe(true)
    for (const a of ['12345678901', '1234567890123', '12345678901a', '１２３４５６７８９０１２', ' 123456789012', '123456789012\n']) expect(isAccountId(a), a).toBe(false)
  })
  it('an ARN has a partition, a service and a resource', () => {
    expect(isArn('arn:aws:iam::123456789012:role/Admin')).toBe(true)
    expect(isArn('arn:aws-us-gov:s3:::bucket/key')).toBe(true)
    for (const a of ['arn:aws:iam::123456789012', 'arn:evil:iam::1:role/x', 'arn:aws::::x', 'ARN:aws:iam::1:role/x', `arn:aws:s3:::${'a'.repeat(3000)}`]) {
      expect(isArn(a), a.slice(0, 40)).toBe(false)
    }
  })
})

describe('S3 endpoints', () => {
  it('treats only this machine as loopback (after WHATWG normalisation)', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', 'LOCALHOST', 'localhost.']) expect(isLoopbackHostname(h), h).toBe(true)
    for (const h of ['evil.localhost', '128.0.0.1', '127.0.0.1.evil.example', '[::2]', 'localhost.evil.example', '0.0.0.0']) expect(isLoopbackHostname(h), h).toBe(false)
    expect(isLoopbackHostname(new URL('http://0x7f.1/').hostname)).toBe(true)
  })

  it('classifies each URL once: fine, not http(s), or plain http to another host', () => {
    expect(endpointProblem('https://s3.example.com')).toBeNull()
    expect(endpointProblem('http://127.0.0.1:9000')).toBeNull()
    expect(endpointProblem('http://minio.lan:9000')).toEqual({ kind: 'plain-http', host: 'minio.lan:9000' })
    expect(endpointProblem('http://minio.lan:9000', true)).toBeNull()
    for (const u of ['ftp://x', 'file:///etc/passwd', 'javascript:alert(1)', 'minio.lan:9000', '', 'http://']) expect(endpointProblem(u, true), u).toEqual({ kind: 'not-http-url' })
    // The userinfo trick names the real host, which is not loopback.
    expect(endpointProblem('http://127.0.0.1@evil.example/')).toEqual({ kind: 'plain-http', host: 'evil.example' })
    expect(isHttpUrl('http://minio.lan')).toBe(true)
    expect(isPlainHttpToNetwork(' http://minio.lan ')).toBe(true)
    expect(isPlainHttpToNetwork('not a url')).toBe(false)
  })

  it('main raises the coded error for plain http and a plain error for a non-URL', () => {
    expect(() => checkEndpoint({ endpointUrl: 'http://minio.lan' })).toThrow(CallError)
    expect(() => checkEndpoint({ endpointUrl: 'http://minio.lan', allowPlainHttp: true })).not.toThrow()
    expect(() => checkEndpoint({ endpointUrl: 'gopher://x' })).toThrow(/must be an http:\/\/ or https:\/\/ URL/)
    expect(() => checkEndpoint({})).not.toThrow()
  })
})

describe('documentation links', () => {
  it('the viewer and the shell apply the very same check', () => {
    expect(isAllowedExternalUrl).toBe(isDocsUrl)
    expect(DOCS_HOSTS).toEqual(['docs.aws.amazon.com', 'aws.amazon.com'])
  })

  it('allows https on the documentation hosts only, with no credentials, port or look-alike', () => {
    expect(isDocsUrl('https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html#y')).toBe(true)
    for (const u of ['http://docs.aws.amazon.com/', 'https://docs.aws.amazon.com.evil.example/', 'https://docs.aws.amazon.com@evil.example/', 'https://docs.aws.amazon.com:444/', 'https://console.aws.amazon.com/', 'file:///etc/passwd', `https://docs.aws.amazon.com/${'a'.repeat(3000)}`]) {
      expect(isDocsUrl(u), u.slice(0, 60)).toBe(false)
    }
    expect(isDocsUrl(42)).toBe(false)
  })
})
