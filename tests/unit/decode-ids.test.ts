// ARNs, account IDs and IAM unique-ID prefixes.
import { describe, expect, it } from 'vitest'
import { assumedRoleParts, isAccountId, parseArn, partitionName, uniqueIdKind } from '../../common/decode'

describe('parseArn', () => {
  it('splits the seed event’s ARNs', () => {
    expect(parseArn('arn:aws:iam::123456789012:user/skksky')).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      account: '123456789012',
      resource: 'user/skksky',
      resourceType: 'user',
      resourceId: 'skksky',
    })
    const group = parseArn('arn:aws:logs:ap-northeast-1:123456789012:log-group:CloudTrail/DefaultLogGroup:*')!
    expect(group.region).toBe('ap-northeast-1')
    expect(group.resourceType).toBe('log-group')
    expect(group.resourceId).toBe('CloudTrail/DefaultLogGroup:*')
  })

  it('knows S3 objects have no resource kind, and other partitions', () => {
    const object = parseArn('arn:aws:s3:::my-bucket/logs/a.json')!
    expect(object.resourceType).toBeNull()
    expect(object.resourceId).toBe('my-bucket/logs/a.json')
    expect(parseArn('arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0abc')?.partition).toBe('aws-cn')
    expect(partitionName('aws-us-gov')).toBe('AWS GovCloud (US)')
  })

  it('splits an assumed-role session', () => {
    const arn = parseArn('arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_1b74cd717d47002b/AdanAlvarez')!
    expect(assumedRoleParts(arn)).toEqual({ role: 'AWSReservedSSO_AdministratorAccess_1b74cd717d47002b', session: 'AdanAlvarez' })
  })

  it('refuses what is not an ARN', () => {
    for (const text of ['arn:aws:iam', 'arn:aws:iam::123456789012:', 'arn:Not a partition:s3:::b', 'urn:aws:s3:::b', 'xxx']) expect(parseArn(text), text).toBeNull()
  })
})

describe('unique ID prefixes', () => {
  it('tells long-term keys from temporary credentials', () => {
    expect(uniqueIdKind('AKIA6V1GNZTT65XQH36M')?.kind).toBe('accessKey')
    expect(uniqueIdKind('ASIASTJKC5GCM7ZE6LUP')?.kind).toBe('temporaryKey')
  })

  it('names every documented prefix', () => {
    const kinds = Object.fromEntries(
      ['ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'AKIA', 'ANPA', 'ANVA', 'APKA', 'AROA', 'ASCA', 'ASIA'].map((p) => [p, uniqueIdKind(`${p}ABCDEFGHIJKLMNOP`)?.kind]),
    )
    expect(kinds).toEqual({
      ABIA: 'bearerToken',
      ACCA: 'contextCredential',
      AGPA: 'group',
      AIDA: 'user',
      AIPA: 'instanceProfile',
      AKIA: 'accessKey',
      ANPA: 'managedPolicy',
      ANVA: 'policyVersion',
      APKA: 'publicKey',
      AROA: 'role',
      ASCA: 'certificate',
      ASIA: 'temporaryKey',
    })
  })

  it('reads a role session principal and masked IDs', () => {
    expect(uniqueIdKind('AROAWMFUO5HRMMR7MYWAN:i-02299a25947b0226d')).toEqual({ prefix: 'AROA', kind: 'role', session: 'i-02299a25947b0226d', masked: false })
    expect(uniqueIdKind('AIDAxxxxxxxxxxxxxxxxx')?.masked).toBe(true)
    expect(uniqueIdKind('AROA****************:User')).toMatchObject({ kind: 'role', masked: true, session: 'User' })
  })

  it('leaves other values alone', () => {
    for (const text of ['123456789012', 'AKIA', 'ZZZZABCDEFGHIJKLMNOP', 'ec2.amazonaws.com', 'akia6v1gnztt65xqh36m']) expect(uniqueIdKind(text), text).toBeNull()
    expect(isAccountId('123456789012')).toBe(true)
    expect(isAccountId('12345678901')).toBe(false)
  })
})
