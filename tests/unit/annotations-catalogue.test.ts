// The field catalogue: every key in both languages, the user's own Japanese words, the fields
// the AWS record contents page lists, and the eventVersion each appeared in.
import { describe, expect, it } from 'vitest'
import { ANNOTATIONS, annotationFor, SINCE, sinceVersion } from '../../common/annotations'

describe('field catalogue', () => {
  it('has every key in English and Japanese, none empty, none the same text', () => {
    expect(Object.keys(ANNOTATIONS.ja).sort()).toEqual(Object.keys(ANNOTATIONS.en).sort())
    for (const key of Object.keys(ANNOTATIONS.en) as (keyof typeof ANNOTATIONS.en)[]) {
      for (const language of ['en', 'ja'] as const) {
        const note = ANNOTATIONS[language][key]
        expect(note.short.trim(), `${language} ${key}`).not.toBe('')
        expect(note.long.trim(), `${language} ${key}`).not.toBe('')
        expect(note.short.length, `${language} ${key} short stays short`).toBeLessThanOrEqual(45)
      }
      expect(ANNOTATIONS.ja[key].long, key).not.toBe(ANNOTATIONS.en[key].long)
    }
  })

  it("keeps the user's six Japanese words exactly", () => {
    const ja = ANNOTATIONS.ja
    expect(ja.userIdentity.short).toBe('実行したユーザー')
    expect(ja.eventTime.short).toBe('実行日時')
    expect(ja.eventSource.short).toBe('実行したサービス')
    expect(ja.eventName.short).toBe('実行したアクション')
    expect(ja.requestParameters.short).toBe('AWS APIのリクエスト')
    expect(ja.responseElements.short).toBe('AWS APIのレスポンス')
  })

  it('covers every field of the record contents page and the userIdentity element', () => {
    const fields = [
      'eventVersion', 'userIdentity', 'userIdentity.type', 'userIdentity.principalId', 'userIdentity.arn', 'userIdentity.accountId',
      'userIdentity.accessKeyId', 'userIdentity.userName', 'userIdentity.sessionContext', 'userIdentity.sessionContext.attributes',
      'userIdentity.sessionContext.attributes.creationDate', 'userIdentity.sessionContext.attributes.mfaAuthenticated',
      'userIdentity.sessionContext.sessionIssuer', 'userIdentity.sessionContext.sessionIssuer.type', 'userIdentity.sessionContext.sessionIssuer.principalId',
      'userIdentity.sessionContext.sessionIssuer.arn', 'userIdentity.sessionContext.sessionIssuer.accountId', 'userIdentity.sessionContext.sessionIssuer.userName',
      'userIdentity.sessionContext.webIdFederationData', 'userIdentity.sessionContext.sourceIdentity', 'userIdentity.sessionContext.ec2RoleDelivery',
      'userIdentity.sessionContext.assumedRoot', 'userIdentity.onBehalfOf', 'userIdentity.onBehalfOf.userId', 'userIdentity.onBehalfOf.identityStoreArn',
      'userIdentity.invokedBy', 'userIdentity.credentialId', 'userIdentity.identityProvider',
      'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage', 'requestParameters',
      'responseElements', 'additionalEventData', 'requestID', 'eventID', 'eventType', 'apiVersion', 'managementEvent', 'readOnly', 'resources',
      'resources[].ARN', 'resources[].accountId', 'resources[].type', 'recipientAccountId', 'serviceEventDetails', 'sharedEventID', 'vpcEndpointId',
      'vpcEndpointAccountId', 'eventCategory', 'addendum', 'addendum.reason', 'addendum.updatedFields', 'addendum.originalRequestID',
      'addendum.originalEventID', 'sessionCredentialFromConsole', 'edgeDeviceDetails', 'tlsDetails', 'tlsDetails.tlsVersion', 'tlsDetails.cipherSuite',
      'tlsDetails.clientProvidedHostHeader', 'insightDetails', 'eventContext',
    ]
    for (const field of fields) {
      expect(annotationFor(field, 'en'), field).toBeDefined()
      expect(annotationFor(field, 'ja'), field).toBeDefined()
    }
  })

  it('dates fields as the AWS page does, and only fields it dates', () => {
    expect(sinceVersion('eventTime')).toBe('1.0')
    expect(sinceVersion('requestID')).toBe('1.01')
    expect(sinceVersion('eventType')).toBe('1.02')
    expect(sinceVersion('sharedEventID')).toBe('1.03')
    expect(sinceVersion('vpcEndpointId')).toBe('1.04')
    expect(sinceVersion('serviceEventDetails')).toBe('1.05')
    expect(sinceVersion('managementEvent')).toBe('1.06')
    expect(sinceVersion('eventCategory')).toBe('1.07')
    expect(sinceVersion('tlsDetails.cipherSuite')).toBe('1.08')
    expect(sinceVersion('sessionCredentialFromConsole')).toBe('1.08')
    expect(sinceVersion('vpcEndpointAccountId')).toBe('1.09')
    expect(sinceVersion('eventContext')).toBe('1.11')
    expect(sinceVersion('resources[3].ARN')).toBe('1.01')
    // Not dated by the page: nothing is said.
    expect(sinceVersion('userIdentity.sessionContext.sourceIdentity')).toBeUndefined()
    expect(sinceVersion('tlsDetails.keyExchange')).toBeUndefined()
    for (const key of Object.keys(SINCE)) expect(ANNOTATIONS.en, key).toHaveProperty([key])
  })

  it('gives unknown fields no annotation', () => {
    expect(annotationFor('requestParameters.bucketName', 'en')).toBeUndefined()
    expect(annotationFor('constructor', 'en')).toBeUndefined()
  })
})
