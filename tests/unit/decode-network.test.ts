// sourceIPAddress and userAgent.
import { describe, expect, it } from 'vitest'
import { classifySourceIp, classifyUserAgent } from '../../common/decode'

describe('classifySourceIp', () => {
  it('tells AWS services from addresses', () => {
    expect(classifySourceIp('ec2.amazonaws.com')).toEqual({ kind: 'awsService', service: 'ec2.amazonaws.com' })
    expect(classifySourceIp('AWS Internal')).toEqual({ kind: 'awsInternal' })
    expect(classifySourceIp('xxx.xxx.xxx.xxx')).toEqual({ kind: 'masked' })
  })

  it('names IPv4 ranges', () => {
    const range = (ip: string) => {
      const c = classifySourceIp(ip)
      return c.kind === 'ipv4' || c.kind === 'ipv6' ? c.range : c.kind
    }
    expect(range('10.1.2.3')).toBe('private')
    expect(range('172.16.0.1')).toBe('private')
    expect(range('172.32.0.1')).toBe('public')
    expect(range('192.168.1.1')).toBe('private')
    expect(range('100.64.0.1')).toBe('sharedCgnat')
    expect(range('127.0.0.1')).toBe('loopback')
    expect(range('169.254.169.254')).toBe('linkLocal')
    expect(range('203.0.113.64')).toBe('documentation')
    expect(range('0.0.0.0')).toBe('unspecified')
    expect(range('8.8.8.8')).toBe('public')
    expect(range('256.1.1.1')).toBe('other')
  })

  it('notes the leading zeros of anonymised addresses', () => {
    expect(classifySourceIp('251.234.045.249')).toMatchObject({ kind: 'ipv4', leadingZeros: true })
    expect(classifySourceIp('251.234.45.249')).toMatchObject({ kind: 'ipv4', leadingZeros: false })
  })

  it('names IPv6 ranges', () => {
    const range = (ip: string) => {
      const c = classifySourceIp(ip)
      return c.kind === 'ipv6' ? c.range : c.kind
    }
    expect(range('2001:db8::1')).toBe('documentation')
    expect(range('fd12:3456:789a::1')).toBe('private')
    expect(range('fe80::1')).toBe('linkLocal')
    expect(range('::1')).toBe('loopback')
    expect(range('::')).toBe('unspecified')
    expect(range('2600:1f18:4a3:6902:e32b:1c3c:e1d2:5bd1')).toBe('public')
    expect(range('::ffff:10.0.0.1')).toBe('private')
    expect(range('2001:db8::1::2')).toBe('other')
  })
})

describe('classifyUserAgent', () => {
  const kind = (ua: string) => classifyUserAgent(ua).kind
  it('recognises the console, the CLI and SDKs', () => {
    expect(kind('console.amazonaws.com')).toBe('console')
    expect(kind('signin.amazonaws.com')).toBe('console')
    expect(kind('[S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.1030 Linux/5.4.156]')).toBe('console')
    expect(kind('AWS Console S3, S3Console/0.4 cfg/retry-mode/legacy')).toBe('console')
    expect(classifyUserAgent('aws-cli/2.17.32 md/awscrt#0.21.2 ua/2.0 os/linux#0.0.0.0')).toEqual({ kind: 'cli', product: 'AWS CLI v2', version: '2.17.32' })
    expect(classifyUserAgent('[aws-cli/1.18.136 Python/3.8.5 Darwin/19.5.0 botocore/1.17.59]')).toMatchObject({ product: 'AWS CLI v1', version: '1.18.136' })
    expect(classifyUserAgent('Boto3/1.26.165 Python/3.10.6 Linux/5.19.0-46-generic Botocore/1.29.165')).toMatchObject({ kind: 'sdk', product: 'AWS SDK for Python (Boto3)', version: '1.26.165' })
    expect(classifyUserAgent('aws-sdk-go-v2/1.32.3 os/linux lang/go#1.23.1')).toMatchObject({ kind: 'sdk', product: 'AWS SDK for Go v2' })
    expect(classifyUserAgent('aws-sdk-go/1.41.4 (go1.18.3; linux; amd64) amazon-ssm-agent/3.1.1188.0')).toMatchObject({ kind: 'awsService', product: 'SSM Agent' })
  })

  it('recognises services, Terraform and tools', () => {
    expect(classifyUserAgent('secretsmanager.amazonaws.com')).toMatchObject({ kind: 'awsService', product: 'secretsmanager.amazonaws.com' })
    expect(kind('AWS Internal')).toBe('awsInternal')
    expect(kind('aws-internal/3 aws-sdk-java/1.12.692 Linux/5.10.213')).toBe('awsInternal')
    expect(classifyUserAgent('APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) terraform-provider-aws/3.76.1')).toMatchObject({ kind: 'iac', product: 'Terraform', version: '1.1.2' })
    expect(kind('stratus-red-team_ea782787-a65d-4fc4-9fca-1c97869a9a25')).toBe('attackTool')
    expect(kind('Boto3/1.9.201 Python/2.7.17 Linux/5.3.0-kali2-amd64 Botocore/1.12.201')).toBe('pentestOs')
    expect(kind('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36')).toBe('browser')
    expect(classifyUserAgent('curl/8.0.1')).toMatchObject({ kind: 'httpClient', product: 'curl', version: '8.0.1' })
    expect(classifyUserAgent('Jersey/${project.version} (HttpUrlConnection 11.0.21)')).toMatchObject({ kind: 'unknown', product: 'Jersey' })
  })
})
