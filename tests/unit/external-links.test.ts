import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../main/electron/external-links'

describe('isAllowedExternalUrl', () => {
  it('allows https links to the AWS documentation', () => {
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference.html')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference.html#x?y=1')).toBe(true)
    expect(isAllowedExternalUrl('https://aws.amazon.com/cloudtrail/')).toBe(true)
    expect(isAllowedExternalUrl('https://DOCS.AWS.AMAZON.COM/')).toBe(true) // hosts are case-insensitive
  })

  it('refuses other schemes', () => {
    for (const url of [
      'http://docs.aws.amazon.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://docs.aws.amazon.com/share',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>1</script>',
      'ftp://docs.aws.amazon.com/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false)
    }
  })

  it('refuses look-alike and other hosts', () => {
    for (const url of [
      'https://docs.aws.amazon.com.evil.example/',
      'https://evil-aws.amazon.com/',
      'https://console.aws.amazon.com/',
      'https://example.com/',
      'https://docs.aws.amazon.com@evil.example/',
      'https://user:pass@docs.aws.amazon.com/',
      'https://evil.example\\@docs.aws.amazon.com/',
      'https://docs.aws.amazon.com:8443/',
      'https://docs.aws.amazon.com./',
      'https://xn--dcs-9ma.aws.amazon.com/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false)
    }
  })

  it('refuses what is not a URL string', () => {
    for (const value of ['', 'docs.aws.amazon.com', '/relative', 'https://', null, undefined, 42, { href: 'https://aws.amazon.com/' }]) {
      expect(isAllowedExternalUrl(value), String(value)).toBe(false)
    }
    expect(isAllowedExternalUrl(`https://docs.aws.amazon.com/${'a'.repeat(3000)}`)).toBe(false)
  })
})
