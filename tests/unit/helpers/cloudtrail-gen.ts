// Realistic CloudTrail events for the extractor's tests and micro-benchmark, from a seeded
// generator: the shapes a real trail holds (assumed roles with session context, IAM users, AWS
// services, root, console sign-ins, Insight events), policy documents as escaped JSON strings,
// ~5% errors and a sprinkling of non-ASCII text, so the scanner meets what it will meet in the field.

// The seeded generator and id shapes are the benchmark corpus's own; the event shapes here are
// broader (Insight events, console sign-ins, non-ASCII names) because tests hunt edge cases.
import { hex, pick, seededRandom, upper, uuid, type Random } from '../../../scripts/bench/corpus-events'

export { seededRandom, uuid, type Random }

export type Json = Record<string, unknown>

const CALLS = [
  ['s3.amazonaws.com', 'GetObject', true, 'AWS::S3::Object'],
  ['s3.amazonaws.com', 'PutObject', false, 'AWS::S3::Object'],
  ['ec2.amazonaws.com', 'DescribeInstances', true, ''],
  ['ec2.amazonaws.com', 'RunInstances', false, 'AWS::EC2::Instance'],
  ['iam.amazonaws.com', 'PutRolePolicy', false, 'AWS::IAM::Role'],
  ['iam.amazonaws.com', 'CreateAccessKey', false, ''],
  ['sts.amazonaws.com', 'AssumeRole', true, 'AWS::IAM::Role'],
  ['kms.amazonaws.com', 'Decrypt', true, 'AWS::KMS::Key'],
  ['lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', false, 'AWS::Lambda::Function'],
  ['cloudtrail.amazonaws.com', 'LookupEvents', true, ''],
] as const
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'eu-central-1']
const ERRORS = ['AccessDenied', 'Client.UnauthorizedOperation', 'ThrottlingException', 'NoSuchKey']
const AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/s3.cp',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213 md/arch#x86_64 lang/python#3.12.2',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
  'console.amazonaws.com',
]

function identity(random: Random, account: string): Json {
  const kind = random()
  if (kind < 0.55) {
    const role = pick(random, ['Admin', 'ReadOnly', 'DeployRole', 'OrganizationAccountAccessRole'])
    // Non-ASCII now and then (a Japanese session name), as real trails have.
    const session = random() < 0.02 ? '山田' : pick(random, ['alice', 'bob', 'ci-runner', 'i-0a1b2c3d4e5f'])
    const roleId = `AROA${upper(random, 17)}`
    return {
      type: 'AssumedRole',
      principalId: `${roleId}:${session}`,
      arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
      accountId: account,
      accessKeyId: `ASIA${upper(random, 16)}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
        webIdFederationData: {},
        attributes: { creationDate: '2024-03-05T08:00:00Z', mfaAuthenticated: random() < 0.7 ? 'false' : 'true' },
      },
    }
  }
  if (kind < 0.8) {
    const user = pick(random, ['alice', 'bob', 'carol', 'deploy-bot'])
    return { type: 'IAMUser', principalId: `AIDA${upper(random, 17)}`, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, accessKeyId: `AKIA${upper(random, 16)}`, userName: user }
  }
  if (kind < 0.97) return { type: 'AWSService', invokedBy: pick(random, ['ec2.amazonaws.com', 'lambda.amazonaws.com']) }
  return { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account }
}

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::logs-prod', 'arn:aws:s3:::logs-prod/*'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1234abcde' } } }],
})

export interface EventOptions {
  account?: string
  time?: Date
  eventID?: string
}

/** One API call event as CloudTrail logs it (an object: callers choose how to serialise it). */
export function makeEvent(random: Random, options: EventOptions = {}): Json {
  const account = options.account ?? pick(random, ['111111111111', '222222222222', '333333333333'])
  const region = pick(random, REGIONS)
  const [source, name, readOnly, resourceType] = pick(random, CALLS)
  const who = identity(random, account)
  const failed = random() < 0.05
  const bucket = pick(random, ['logs-prod', 'data-lake-raw', 'web-assets'])
  const requestParameters: Json =
    name === 'PutRolePolicy'
      ? { roleName: 'DeployRole', policyName: 'inline', policyDocument: POLICY }
      : { bucketName: bucket, key: `year=2024/part-${hex(random, 8)}.parquet`, Host: `${bucket}.s3.${region}.amazonaws.com` }
  const time = options.time ?? new Date(Date.UTC(2024, 2, 5) + Math.floor(random() * 86_400_000))
  return {
    eventVersion: pick(random, ['1.08', '1.09', '1.10', '1.11']),
    userIdentity: who,
    eventTime: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: who.type === 'AWSService' ? who.invokedBy : `${10 + Math.floor(random() * 200)}.${Math.floor(random() * 256)}.7.${Math.floor(random() * 256)}`,
    userAgent: who.type === 'AWSService' ? who.invokedBy : pick(random, AGENTS),
    ...(failed ? { errorCode: pick(random, ERRORS), errorMessage: 'User is not authorized to perform this operation because no identity-based policy allows it' } : {}),
    requestParameters,
    responseElements: failed || random() < 0.6 ? null : { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-version-id': hex(random, 32) },
    additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: Math.floor(random() * 100000), 'x-amz-id-2': hex(random, 60) },
    requestID: upper(random, 16),
    eventID: options.eventID ?? uuid(random),
    readOnly,
    ...(resourceType ? { resources: [{ accountId: account, type: resourceType, ARN: `arn:aws:s3:::${bucket}/part-${hex(random, 8)}` }] } : {}),
    eventType: 'AwsApiCall',
    managementEvent: source !== 's3.amazonaws.com',
    recipientAccountId: account,
    eventCategory: source === 's3.amazonaws.com' ? 'Data' : 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.${region}.amazonaws.com` },
  }
}

/** A CloudTrail Insight event: no userIdentity, and eventName/eventSource only inside insightDetails. */
export function makeInsightEvent(random: Random): Json {
  return {
    eventVersion: '1.08',
    eventTime: '2024-03-05T10:00:00Z',
    awsRegion: 'us-east-1',
    eventID: uuid(random),
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: '111111111111',
    sharedEventID: uuid(random),
    insightDetails: {
      state: 'Start',
      eventSource: 'ssm.amazonaws.com',
      eventName: 'UpdateInstanceAssociationStatus',
      insightType: 'ApiCallRateInsight',
      insightContext: { statistics: { baseline: { average: 0.0020 }, insight: { average: 6 } } },
    },
    eventCategory: 'Insight',
  }
}

/** `count` events made from one seed. */
export function makeEvents(count: number, seed = 1): Json[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => makeEvent(random))
}

/** A delivery file's text, as CloudTrail writes it: compact, one line. */
export const deliveryFile = (events: readonly Json[]): string => `{"Records":[${events.map((e) => JSON.stringify(e)).join(',')}]}`

/** The lookup-events (Event history) shape: the event is an escaped JSON string. */
export function lookupEvent(eventText: string): Json {
  const event = JSON.parse(eventText) as Json
  return {
    EventId: event.eventID,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    EventTime: '2024-03-05 19:00:00+09:00',
    EventSource: event.eventSource,
    Resources: [],
    CloudTrailEvent: eventText,
  }
}

/** An EventBridge envelope around an event, as a rule target receives it. */
export function eventBridgeEnvelope(event: Json): Json {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.s3',
    account: '111111111111',
    time: '2024-03-05T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: event,
  }
}
