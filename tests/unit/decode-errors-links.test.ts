// errorCode explanations and documentation links.
import { describe, expect, it } from 'vitest'
import {
  apiActionName,
  apiReferenceUrl,
  bareErrorCode,
  ERROR_KEYS,
  errorKey,
  EXPLAIN,
  isDocsUrl,
  serviceAuthorizationUrl,
} from '../../common/decode'

describe('errorKey', () => {
  it('explains the codes the issue names', () => {
    const expected: Record<string, string> = {
      AccessDenied: 'accessDenied',
      AccessDeniedException: 'accessDenied',
      UnauthorizedOperation: 'unauthorizedOperation',
      'Client.UnauthorizedOperation': 'unauthorizedOperation',
      ThrottlingException: 'throttling',
      Throttling: 'throttling',
      RequestLimitExceeded: 'throttling',
      NoSuchKey: 'noSuchKey',
      NoSuchBucket: 'noSuchBucket',
      ValidationException: 'validation',
      InvalidClientTokenId: 'invalidClientToken',
      ExpiredToken: 'expiredToken',
      SignatureDoesNotMatch: 'signature',
      ResourceNotFoundException: 'notFound',
      InvalidCloudWatchLogsRoleArnException: 'cloudWatchLogsRole',
      InvalidParameterValue: 'invalidParameter',
      'Client.InvalidParameterValue': 'invalidParameter',
      DryRunOperation: 'dryRun',
    }
    for (const [code, key] of Object.entries(expected)) expect(errorKey(code), code).toBe(key)
  })

  it('recognises families by shape', () => {
    expect(errorKey('Client.InvalidRouteTableID.NotFound')).toBe('notFound')
    expect(errorKey('Client.InvalidInstanceID.Malformed')).toBe('invalidParameter')
    expect(errorKey('NoSuchCORSConfiguration')).toBe('s3ConfigMissing')
    expect(errorKey('Client.VcpuLimitExceeded')).toBe('limit')
    expect(errorKey('InvalidDBInstanceStateFault')).toBe('conflict')
    expect(errorKey('DBInstanceNotFoundFault')).toBe('notFound')
    expect(errorKey('SomethingNew')).toBeNull()
    expect(bareErrorCode('Server.InternalError')).toBe('InternalError')
  })

  it('explains the seed’s error with its cause and what to check, in both languages', () => {
    const en = EXPLAIN.en.errors.cloudWatchLogsRole
    expect(en.cause).toContain('trust policy')
    expect(en.check).toContain('cloudtrail.amazonaws.com')
    expect(EXPLAIN.ja.errors.cloudWatchLogsRole.check).toContain('信頼関係')
    for (const key of ERROR_KEYS) {
      for (const language of ['en', 'ja'] as const) {
        const e = EXPLAIN[language].errors[key]
        expect(e.meaning && e.cause && e.check, `${language} ${key}`).toBeTruthy()
      }
    }
  })
})

describe('documentation links', () => {
  it('links an action to its API reference', () => {
    expect(apiReferenceUrl('cloudtrail.amazonaws.com', 'UpdateTrail')).toBe('https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html')
    expect(apiReferenceUrl('s3.amazonaws.com', 'PutObject')).toBe('https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html')
    expect(apiReferenceUrl('sts.amazonaws.com', 'AssumeRole')).toBe('https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html')
    expect(apiReferenceUrl('lambda.amazonaws.com', 'GetFunctionConfiguration20150331v2')).toBe('https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html')
    expect(apiActionName('UpdateFunctionConfiguration20150331v2')).toBe('UpdateFunctionConfiguration')
    expect(apiReferenceUrl('signin.amazonaws.com', 'ConsoleLogin')).toContain('cloudtrail-event-reference-aws-console-sign-in-events.html')
  })

  it('searches the documentation for services it has no page for', () => {
    expect(apiReferenceUrl('agreement-marketplace.amazonaws.com', 'AcceptAgreementRequest')).toBe(
      'https://docs.aws.amazon.com/search/doc-search.html?searchPath=documentation&searchQuery=AcceptAgreementRequest%20agreement-marketplace',
    )
    expect(apiReferenceUrl('s3.amazonaws.com', '<script>')).toBeNull()
    expect(apiReferenceUrl('s3.amazonaws.com', '')).toBeNull()
  })

  it('links the service authorization reference', () => {
    expect(serviceAuthorizationUrl('iam.amazonaws.com')).toBe('https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html')
    expect(serviceAuthorizationUrl('unknown.amazonaws.com')).toBe('https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html')
    expect(serviceAuthorizationUrl('a b.amazonaws.com')).toBeNull()
  })

  it('only ever produces https links the Electron shell will open', () => {
    for (const url of [
      apiReferenceUrl('cloudtrail.amazonaws.com', 'UpdateTrail')!,
      apiReferenceUrl('weird.amazonaws.com', 'Do')!,
      serviceAuthorizationUrl('ec2.amazonaws.com')!,
    ]) {
      expect(isDocsUrl(url), url).toBe(true)
    }
    expect(isDocsUrl('http://docs.aws.amazon.com/')).toBe(false)
    expect(isDocsUrl('https://docs.aws.amazon.com.evil.example/')).toBe(false)
    expect(isDocsUrl('https://docs.aws.amazon.com@evil.example/')).toBe(false)
    expect(isDocsUrl('file:///etc/passwd')).toBe(false)
  })
})
