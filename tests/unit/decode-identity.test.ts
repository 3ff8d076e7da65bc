// The identity chain and the composed hints (describeField) on documented and real shapes.
import { describe, expect, it } from 'vitest'
import { chainText, describeField, identityChain, type DecodeContext } from '../../common/decode'
import { getterOfObject } from './helpers/event-getter'

const ctx = (over: Partial<DecodeContext> = {}): DecodeContext => ({ language: 'en', timeZone: 'UTC', newest: null, now: Date.UTC(2020, 4, 8), aliases: {}, ...over })

describe('identityChain', () => {
  it('follows a role session to its source identity', () => {
    const get = getterOfObject({
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAJ45Q7YFFAREXAMPLE:Dev1',
        arn: 'arn:aws:sts::123456789012:assumed-role/DevRole/Dev1',
        sessionContext: { sessionIssuer: { type: 'Role', userName: 'DevRole' }, sourceIdentity: 'alice' },
      },
    })
    expect(chainText(identityChain(get), ctx())).toBe('role DevRole ▸ session Dev1 ▸ source identity alice')
    expect(chainText(identityChain(get), ctx({ language: 'ja' }))).toBe('ロール DevRole ▸ セッション Dev1 ▸ ソース ID alice')
  })

  it('names Identity Center users and permission sets', () => {
    const user = getterOfObject({
      userIdentity: {
        type: 'IdentityCenterUser',
        accountId: '123456789012',
        onBehalfOf: { userId: '544894e8-80c1-707f-60e3-3ba6510dfac1', identityStoreArn: 'arn:aws:identitystore::123456789012:identitystore/d-9067642ac7' },
      },
    })
    expect(chainText(identityChain(user), ctx())).toBe('Identity Center user 544894e8-80c1-707f-60e3-3ba6510dfac1 ▸ identity store d-9067642ac7')
    const sso = getterOfObject({
      userIdentity: { type: 'Unknown', principalId: 'AROA****************:User', arn: 'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_1b74cd717d47002b/AdanAlvarez' },
    })
    expect(chainText(identityChain(sso), ctx())).toBe('Identity Center permission set AdministratorAccess ▸ session AdanAlvarez')
  })

  it('shows EC2 instance sessions, federated users, root with its alias, and services', () => {
    const ec2 = getterOfObject({
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::103164125733:assumed-role/stratus-red-team-ec2-steal-credentials-role/i-02299a25947b0226d',
        sessionContext: { ec2RoleDelivery: '1.0', sessionIssuer: { userName: 'stratus-red-team-ec2-steal-credentials-role' } },
      },
    })
    expect(chainText(identityChain(ec2), ctx())).toBe('role stratus-red-team-ec2-steal-credentials-role ▸ EC2 instance i-02299a25947b0226d')
    const federated = getterOfObject({
      userIdentity: {
        type: 'FederatedUser',
        arn: 'arn:aws:sts::742491224508:federated-user/stratus_red_team',
        sessionContext: { sessionIssuer: { type: 'IAMUser', userName: 'stratus-red-team-user-federation-user' } },
      },
    })
    expect(chainText(identityChain(federated), ctx())).toBe('federated user stratus_red_team ▸ issued by stratus-red-team-user-federation-user')
    const root = getterOfObject({ userIdentity: { type: 'Root', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:root' } })
    expect(chainText(identityChain(root), ctx({ aliases: { '123456789012': 'prod' } }))).toBe('root user of 123456789012 (prod)')
    const service = getterOfObject({ userIdentity: { accountId: '218007301253', invokedBy: 'cloudtrail.amazonaws.com' } })
    expect(chainText(identityChain(service), ctx())).toBe('AWS service cloudtrail.amazonaws.com')
    const seed = getterOfObject({ userIdentity: { type: 'IAMUser', userName: 'skksky', invokedBy: 'AWS Internal' } })
    expect(chainText(identityChain(seed), ctx())).toBe('IAM user skksky ▸ via AWS Internal')
    expect(identityChain(getterOfObject({}))).toEqual([])
  })
})

describe('describeField', () => {
  const seed = getterOfObject({
    eventTime: '2020-05-05T03:33:28Z',
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'UpdateTrail',
    awsRegion: 'ap-northeast-1',
    sourceIPAddress: 'xxx.xxx.xxx.xxx',
    userAgent: 'console.amazonaws.com',
    errorCode: 'InvalidCloudWatchLogsRoleArnException',
    recipientAccountId: '123456789012',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAxxxxxxxxxxxxxxxxx',
      arn: 'arn:aws:iam::123456789012:user/skksky',
      accountId: '123456789012',
      accessKeyId: 'ASIAxxxxxxxxxxxxxxxxx',
      userName: 'skksky',
      sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: '2020-05-05T03:09:24Z' } },
    },
    requestParameters: { cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CloudTrail_CloudWatchLogs_Role' },
  })
  const newest = Date.UTC(2020, 4, 8, 3, 33, 28)

  it('shows eventTime in the chosen zone, against now and the newest event', () => {
    const en = describeField('eventTime', seed, ctx({ timeZone: 'Asia/Tokyo', newest }))!
    expect(en.inline).toBe('Tue 2020-05-05 12:33:28 Asia/Tokyo (UTC+09:00)')
    expect(en.details).toContain('In UTC: Tue 2020-05-05 03:33:28 UTC')
    expect(en.details.join('\n')).toContain('3 days before the newest event')
    const ja = describeField('eventTime', seed, ctx({ language: 'ja', newest }))!
    expect(ja.details.join('\n')).toContain('最新のイベントの 3 日前')
    const created = describeField('userIdentity.sessionContext.attributes.creationDate', seed, ctx())!
    expect(created.inline).toContain('credentials issued 24 minutes before this event')
  })

  it('explains the seed’s error, flagged', () => {
    const hint = describeField('errorCode', seed, ctx())!
    expect(hint.level).toBe('error')
    expect(hint.details.join('\n')).toMatch(/trust policy.*cloudtrail\.amazonaws\.com/s)
    expect(describeField('errorCode', seed, ctx({ language: 'ja' }))!.details.join('\n')).toContain('まず確認すること')
  })

  it('flags no MFA and decodes keys, accounts and ARNs', () => {
    expect(describeField('userIdentity.sessionContext.attributes.mfaAuthenticated', seed, ctx())).toMatchObject({ inline: 'no MFA', level: 'warn' })
    expect(describeField('userIdentity.accessKeyId', seed, ctx())!.inline).toBe('temporary credentials (STS)')
    expect(describeField('userIdentity.principalId', seed, ctx())!.details.join('\n')).toContain('Masked')
    expect(describeField('recipientAccountId', seed, ctx())!.inline).toBe('AWS account ID')
    expect(describeField('recipientAccountId', seed, ctx({ aliases: { '123456789012': 'prod' } }))!.inline).toBe('AWS account ID · prod')
    const arn = describeField('requestParameters.cloudWatchLogsRoleArn', seed, ctx())!
    expect(arn.inline).toBeNull()
    expect(arn.details[0]).toBe('ARN: partition aws · service iam · Region none (global) · account 123456789012 · resource role/CloudTrail_CloudWatchLogs_Role')
    expect(describeField('userIdentity.type', seed, ctx())!.inline).toBe('an IAM user')
    expect(describeField('userIdentity', seed, ctx())!.inline).toBe('IAM user skksky')
  })

  it('links the action to the documentation and names the Region', () => {
    const links = describeField('eventName', seed, ctx())!.links
    expect(links.map((l) => l.url)).toEqual([
      'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html',
      'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudtrail.html',
    ])
    expect(describeField('awsRegion', seed, ctx({ language: 'ja' }))!.inline).toBe('アジアパシフィック (東京)')
    expect(describeField('sourceIPAddress', seed, ctx())!.inline).toBe('masked')
    expect(describeField('userAgent', seed, ctx())!.inline).toBe('AWS Management Console')
  })

  it('says nothing about fields it does not know', () => {
    expect(describeField('requestParameters.name', getterOfObject({ requestParameters: { name: 'x' } }), ctx())).toBeNull()
    expect(describeField('eventTime', getterOfObject({ eventTime: 'eventTime' }), ctx())).toBeNull()
  })
})
