import { describe, expect, it } from 'vitest'
import { evaluate } from '../../main/query/evaluate'
import { forgetCachedResults } from '../../main/query/leaf-cache'
import { batchOfTexts, storeOfEvents } from './helpers/make-store'
import type { EventStore } from '../../main/store/event-store'

type Json = Record<string, unknown>

// Six events with every shape the language has to cope with. Index = expected id.
const EVENTS: (Json | string)[] = [
  {
    eventTime: '2024-03-05T10:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.5',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAALICE', arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111', accessKeyId: 'AKIAALICE', userName: 'alice' },
    requestParameters: { bucketName: 'logs-prod', key: 'a.txt' },
    additionalEventData: { bytesTransferredOut: 1500 },
    resources: [
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::logs-prod/a.txt' },
      { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::logs-prod' },
    ],
    eventID: 'id-0',
    readOnly: true,
    eventType: 'AwsApiCall',
    recipientAccountId: '111111111111',
  },
  {
    eventTime: '2024-03-05T14:30:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'PutObject',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '198.51.100.9',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAADMIN:bob',
      arn: 'arn:aws:sts::111111111111:assumed-role/Admin/bob',
      accountId: '111111111111',
      sessionContext: { sessionIssuer: { type: 'Role', userName: 'Admin', arn: 'arn:aws:iam::111111111111:role/Admin' } },
    },
    errorCode: 'AccessDenied',
    errorMessage: 'Access Denied',
    requestParameters: { bucketName: 'Logs-Archive', tags: ['prod', 'pii'] },
    additionalEventData: { bytesTransferredOut: 20 },
    eventID: 'id-1',
    readOnly: 'false',
    eventType: 'AwsApiCall',
    recipientAccountId: '222222222222',
  },
  {
    eventTime: '2024-03-04T23:59:59Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0)',
    userIdentity: { type: 'Root', principalId: '111111111111', arn: 'arn:aws:iam::111111111111:root', accountId: '111111111111' },
    errorCode: null,
    responseElements: { ConsoleLogin: 'Success' },
    eventID: 'id-2',
    eventType: 'AwsConsoleSignIn',
    recipientAccountId: '111111111111',
  },
  {
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: 'us-east-1',
    sourceIPAddress: 'ec2.amazonaws.com',
    userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' },
    requestParameters: { roleArn: 'arn:aws:iam::111111111111:role/ec2-role', roleSessionName: 'i-0abc' },
    resources: [{ ARN: 'arn:aws:iam::111111111111:role/ec2-role', type: 'AWS::IAM::Role' }],
    eventID: 'id-3',
    readOnly: true,
    eventType: 'AwsServiceEvent',
    recipientAccountId: '111111111111',
  },
  JSON.stringify(
    {
      eventTime: '2024-03-06T00:00:00Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAZOE', arn: 'arn:aws:iam::111111111111:user/Zoë', accountId: '111111111111', userName: 'Zoë' },
      requestParameters: { userName: 'new "quoted" user' },
      responseElements: { user: { userName: 'new "quoted" user', arn: 'arn:aws:iam::111111111111:user/newuser', userId: 'AIDANEW' } },
      eventID: 'id-4',
      readOnly: false,
      eventType: 'AwsApiCall',
      recipientAccountId: '111111111111',
    },
    null,
    2,
  ),
  // Written by hand: a number in exponent form, and a second resource with the only type.
  '{"eventTime":"2024-03-06T08:00:00Z","eventSource":"kms.amazonaws.com","eventName":"Decrypt","awsRegion":"ap-northeast-1",' +
    '"userIdentity":{"type":"IAMUser","userName":"carol","accountId":"111111111111"},"additionalEventData":{"bytes":1e3},' +
    '"resources":[{"ARN":"arn:aws:kms:ap-northeast-1:111111111111:key/k1"},{"type":"AWS::KMS::Key","ARN":"arn:aws:kms:ap-northeast-1:111111111111:key/k2"}],' +
    '"eventID":"id-5","readOnly":true,"eventType":"AwsApiCall","recipientAccountId":"111111111111"}',
  // Written by an ASCII-only JSON writer (Python's json.dumps): non-ASCII as \u escapes.
  '{"eventTime":"2024-03-07T00:00:00Z","eventName":"TagResource","requestParameters":{"tags":[{"key":"owner","value":"Jos\\u00e9 M\\u00fcller"}]},"eventID":"id-6"}',
]

const variants: [string, () => EventStore][] = [
  ['one batch', () => storeOfEvents(EVENTS)],
  ['batches of two', () => storeOfEvents(EVENTS, 2)],
]

describe.each(variants)('evaluate (%s)', (_name, makeStore) => {
  const store = makeStore()
  const ids = (query: string, options = {}): number[] => {
    const result = evaluate(store, query, options)
    expect(result.error, query).toBeUndefined()
    return [...result.ids]
  }
  const cases = (table: [string, number[]][]): void => {
    it.each(table)('%s → %j', (query, expected) => {
      forgetCachedResults(store)
      expect(ids(query)).toEqual(expected)
      // Again, from what the first run kept.
      expect(ids(query)).toEqual(expected)
    })
  }

  describe('free text', () =>
    cases([
      ['', [0, 1, 2, 3, 4, 5, 6]],
      ['alice', [0]],
      ['ALICE', [0]],
      ['bucketname', [0, 1]], // keys count: anywhere in the JSON
      ['"Windows NT"', [2]],
      ['"windows nt"', [2]],
      ['"new \\"quoted\\" user"', [4]], // found in its JSON-escaped form
      ['Access*ied', [1]],
      ['logs-?rod', [0]],
      ['zoë', [4]],
      ['ZOË', [4]],
      ['*', [0, 1, 2, 3, 4, 5, 6]],
      ['josé', [6]], // written as Jos\u00e9
      ['"JOSÉ MÜLLER"', [6]],
      ['nowhere-to-be-found', []],
      ['"s3:*"', []], // a phrase is literal
    ]))

  describe('field values: whole value, case-insensitive, wildcards', () =>
    cases([
      ['event:getobject', [0]],
      ['event:Get*', [0]],
      ['event:?etObject', [0]],
      ['event:GetObj', []],
      ['eventName:PutObject', [1]],
      ['requestParameters.bucketName:logs-*', [0, 1]],
      ['REQUESTPARAMETERS.BUCKETNAME:logs-prod', [0]],
      ['requestParameters.bucketName:"logs-prod"', [0]],
      ['requestParameters.userName:"new \\"quoted\\" user"', [4]],
      ['requestParameters.userName:"new*user"', [4]],
      ['userAgent:"Mozilla/5.0 (Windows*"', [2]],
      ['responseElements.ConsoleLogin:success', [2]],
      ['requestParameters.tags.value:"josé m*"', [6]], // values are compared decoded
    ]))

  describe('arrays: any element counts', () =>
    cases([
      ['requestParameters.tags:pii', [1]],
      ['requestParameters.tags:PROD', [1]],
      ['resources.ARN:*logs-prod*', [0]],
      ['resources.ARN:arn:aws:s3:::logs-prod', [0]],
      ['resources.type:AWS::S3::Bucket', [0]],
      ['resourceType:AWS::S3::Bucket', [0]], // the column holds only resources[0]
      ['resourceType:AWS::KMS::Key', [5]],
      ['resourceType:*', [0, 3, 5]],
      ['resources.ARN:*', [0, 3, 5]],
    ]))

  describe('present, absent and null', () =>
    cases([
      ['errorCode:*', [1]],
      ['not errorCode:*', [0, 2, 3, 4, 5, 6]], // errorCode: null is absent
      ['-error:*', [0, 2, 3, 4, 5, 6]],
      ['userAgent:*', [2]],
      ['requestParameters:*', [0, 1, 3, 4, 6]],
      ['eventTime:*', [0, 1, 2, 4, 5, 6]],
      ['not time:*', [3]],
      ['readOnly:*', [0, 1, 3, 4, 5]],
      ['nosuchfield:*', []],
      ['not nosuchfield:*', [0, 1, 2, 3, 4, 5, 6]],
    ]))

  describe('booleans: JSON false and the string "false" alike', () =>
    cases([
      ['readOnly:false', [1, 4]],
      ['readOnly:FALSE', [1, 4]],
      ['readOnly:true', [0, 3, 5]],
      ['readOnly:t*', [0, 3, 5]],
      ['not readOnly:true', [1, 2, 4, 6]],
    ]))

  describe('numbers and text compare', () =>
    cases([
      ['additionalEventData.bytesTransferredOut>1000', [0]],
      ['additionalEventData.bytesTransferredOut<100', [1]],
      ['additionalEventData.bytesTransferredOut>=20', [0, 1]],
      ['additionalEventData.bytesTransferredOut<=20', [1]],
      ['additionalEventData.bytesTransferredOut:1500', [0]],
      ['additionalEventData.bytes:1000', [5]], // written 1e3
      ['additionalEventData.bytes>=1000', [5]],
      ['event>=p', [1, 6]],
      ['event<b', [3]],
      ['region>us', [0, 2, 3, 4]],
    ]))

  describe('eventTime as instants', () =>
    cases([
      ['eventTime>=2024-03-05', [0, 1, 4, 5, 6]],
      ['eventTime<2024-03-05', [2]],
      ['eventTime<2024-03-05T14:30Z', [0, 2]],
      ['eventTime<=2024-03-05T14:30Z', [0, 1, 2]],
      ['eventTime>2024-03-05T14:30Z', [4, 5, 6]],
      ['eventTime>"2024-03-06 09:00+09:00"', [5, 6]],
      ['eventTime:2024-03-05', [0, 1]], // that day
      ['eventTime:2024-03-05T14:30Z', [1]], // that minute
      ['eventTime:2024-03-05T1*', [0, 1]], // text, as CloudTrail writes it
      ['time>=2024-03-05 time<2024-03-06', [0, 1]],
    ]))

  describe('short names', () =>
    cases([
      ['user:alice', [0]],
      ['user:bob', [1]], // the ARN's last part (the session)
      ['user:admin', [1]], // the session issuer
      ['user:AROAADMIN*', [1]], // principalId
      ['user:root', [2]],
      ['user:ec2.amazonaws.com', [3]], // what the list shows for a service
      ['user:*', [0, 1, 2, 3, 4, 5]],
      ['accessKey:akiaalice', [0]],
      ['eventId:id-3', [3]],
      ['source:s3*', [0, 1]],
      ['ip:203.0.113.*', [0, 4]],
      ['sourceIp:ec2.amazonaws.com', [3]],
      ['region:us-east-1', [0, 2, 3, 4]],
      ['account:222222222222', [1]],
      ['account:111111111111', [0, 1, 2, 3, 4, 5]], // event 1 is called from 111…
      ['error:accessdenied', [1]],
      ['identityType:root', [2]],
      ['resourceName:*ec2-role', [3]],
      ['resourceName:i-0abc', [3]], // requestParameters.roleSessionName
      ['resourceName:*newuser', [4]], // responseElements.user.arn
      ['resourceName:logs-prod', [0]], // requestParameters.bucketName
      ['eventType:AwsConsoleSignIn', [2]],
    ]))

  describe('and, or, not, parentheses', () =>
    cases([
      ['source:s3* alice', [0]],
      ['source:s3* and error:*', [1]],
      ['event:GetObject or event:PutObject error:*', [0, 1]],
      ['event:GetObject or event:PutObject -error:*', [0]],
      ['(event:GetObject or event:PutObject) -error:*', [0]],
      ['not (source:s3* or source:sts*)', [2, 4, 5, 6]],
      ['-source:s3* -source:sts* -source:iam*', [2, 5, 6]],
      ['alice or zoë or carol', [0, 4, 5]],
      ['not not alice', [0]],
      ['region:us-east-1 (readOnly:true or eventTime<2024-03-05)', [0, 2, 3]],
    ]))

  it('limits to a time range, leaving out events without a time', () => {
    const from = Date.UTC(2024, 2, 5)
    const to = Date.UTC(2024, 2, 6)
    expect(ids('', { from, to })).toEqual([0, 1])
    expect(ids('source:s3*', { from: Date.UTC(2024, 2, 5, 12) })).toEqual([1])
    expect(ids('', { to: from })).toEqual([2])
    expect(ids('', { from: null, to: null })).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('reports a syntax error with its position, and no ids', () => {
    expect(evaluate(store, 'event:GetObject (or')).toEqual({ ids: new Uint32Array(0), error: { message: "Expected a term after '(', found 'or'", position: 17 } })
  })

  it('evaluates a parsed AST as well as text', async () => {
    const { parseQuery } = await import('../../common/query/parser')
    expect([...evaluate(store, parseQuery('user:alice or user:bob')).ids]).toEqual([0, 1])
  })
})

describe('evaluate on many events', () => {
  // Filler events around the interesting ones, so that candidates are sometimes dense and
  // sometimes sparse within a buffer, and needles sit in events that are not candidates.
  const filler = (i: number): Json => ({ eventTime: '2024-01-01T00:00:00Z', eventName: i % 7 === 0 ? 'GetObject' : 'ListBuckets', userIdentity: { userName: `user${i}` }, eventID: `f${i}`, note: i % 100 === 50 ? 'carol was here' : 'x'.repeat(i % 40) })
  const events = Array.from({ length: 3000 }, (_, i) => filler(i))

  it('finds the same events whatever the other terms leave as candidates', () => {
    const store = storeOfEvents(events, 1000)
    const all = [...evaluate(store, 'carol').ids]
    expect(all).toEqual(events.flatMap((e, i) => (String(e.note).includes('carol') ? [i] : [])))
    // GetObject leaves 1 in 7 candidates: the needle sits mostly in events that are not.
    const narrowed = [...evaluate(store, 'event:GetObject carol').ids]
    expect(narrowed).toEqual(all.filter((i) => events[i].eventName === 'GetObject'))
    expect(narrowed.length).toBeGreaterThan(0)
    expect([...evaluate(store, 'eventId:f2999 user9*').ids]).toEqual([])
    expect([...evaluate(store, 'eventId:f2999 user2*').ids]).toEqual([2999])
  })

  it('keeps results in step with the store as events arrive and after a clear', () => {
    const store = storeOfEvents(events.slice(0, 1000))
    expect(evaluate(store, 'carol').ids.length).toBe(10)
    store.addBatch(batchOfTexts(events.slice(1000).map((e) => JSON.stringify(e))), store.addFile('more'))
    expect(evaluate(store, 'carol').ids.length).toBe(30)
    store.clear()
    store.addBatch(batchOfTexts(events.slice(0, 500).map((e) => JSON.stringify({ ...e, note: 'carol' }))), store.addFile('other'))
    expect(evaluate(store, 'carol').ids.length).toBe(500)
    // Refilled to exactly the size the kept result covered: only the generation tells it apart.
    store.clear()
    store.addBatch(batchOfTexts(events.slice(0, 500).map((e) => JSON.stringify({ ...e, userIdentity: { userName: 'dave' } }))), store.addFile('again'))
    expect(evaluate(store, 'carol').ids.length).toBe(events.slice(0, 500).filter((e) => JSON.stringify(e).toLowerCase().includes('carol') && !JSON.stringify(e.userIdentity ?? '').toLowerCase().includes('carol')).length)
  })
})
