// The one generator of synthetic CloudTrail events, for the tests and the benchmarks: API calls
// in the shapes a real trail holds (assumed roles with session context, IAM users, root, AWS
// services; S3, EC2, IAM, STS, KMS, Lambda, CloudTrail calls; inline policy documents as
// escaped JSON strings; ~5% errors; events with and without resources), made by the callers of
// callers.ts, whose options set the cardinality (how many sessions, keys and addresses).
// The realistic benchmark corpus fills the real shapes of ../shared/data with the same callers
// (scripts/bench/realistic-events.ts). Seeded: the same seed and options make the same bytes.

import { Callers, type CallerOptions } from './callers'
import { hex, pick, seededRandom, upper, uuid, type Random } from './seeded-random'

export { seededRandom, uuid, type Random }
export type { CallerOptions }
export { deliveryFile, eventBridgeEnvelope, lookupEvent, makeInsightEvent } from './event-envelopes'

export type Json = Record<string, unknown>

/** [eventSource, eventName, readOnly, the resource type it names ('' for none)]. */
const CALLS = [
  ['s3.amazonaws.com', 'GetObject', true, 'AWS::S3::Object'],
  ['s3.amazonaws.com', 'PutObject', false, 'AWS::S3::Object'],
  ['s3.amazonaws.com', 'ListObjects', true, 'AWS::S3::Bucket'],
  ['s3.amazonaws.com', 'DeleteObject', false, 'AWS::S3::Object'],
  ['ec2.amazonaws.com', 'DescribeInstances', true, ''],
  ['ec2.amazonaws.com', 'RunInstances', false, 'AWS::EC2::Instance'],
  ['ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', false, 'AWS::EC2::SecurityGroup'],
  ['iam.amazonaws.com', 'PutRolePolicy', false, 'AWS::IAM::Role'],
  ['iam.amazonaws.com', 'CreateAccessKey', false, ''],
  ['iam.amazonaws.com', 'GetRole', true, 'AWS::IAM::Role'],
  ['sts.amazonaws.com', 'AssumeRole', true, 'AWS::IAM::Role'],
  ['sts.amazonaws.com', 'GetCallerIdentity', true, ''],
  ['kms.amazonaws.com', 'Decrypt', true, 'AWS::KMS::Key'],
  ['kms.amazonaws.com', 'GenerateDataKey', true, 'AWS::KMS::Key'],
  ['lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', false, 'AWS::Lambda::Function'],
  ['cloudtrail.amazonaws.com', 'LookupEvents', true, ''],
  ['cloudtrail.amazonaws.com', 'UpdateTrail', false, 'AWS::CloudTrail::Trail'],
] as const
export const ACCOUNTS = ['111111111111', '222222222222', '333333333333']
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'eu-central-1']
const ERRORS = ['AccessDenied', 'Client.UnauthorizedOperation', 'ThrottlingException', 'NoSuchKey']
const BUCKETS = ['logs-prod', 'data-lake-raw', 'web-assets', 'backups-2024']
const SERVICES = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'cloudtrail.amazonaws.com']

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::logs-prod', 'arn:aws:s3:::logs-prod/*'], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1234abcde' } } }],
})

export interface GeneratorOptions {
  /** The cardinality of the callers (callers.ts); the defaults are a real trail's. */
  callers?: CallerOptions
  /** 'indexed': only the fields the store indexes and a bucket name (~350 bytes, for timing queries alone). */
  size?: 'full' | 'indexed'
}

/** Where and when one event happens; each absent part is drawn. */
export interface EventPlace {
  account?: string
  region?: string
  time?: Date
  eventID?: string
}

/** The callers of a trail where every call has a caller, key and principal of its own. */
export const EVERY_CALL_ITS_OWN_CALLER: CallerOptions = { meanCalls: 1, nonAscii: true }

export class EventGenerator {
  private callers: Callers

  constructor(
    private readonly random: Random,
    private readonly options: GeneratorOptions = {},
  ) {
    this.callers = new Callers(random, options.callers)
  }

  /** One API call event as CloudTrail logs it (an object: callers choose how to serialise it). */
  event(place: EventPlace = {}): Json {
    const r = this.random
    const account = place.account ?? pick(r, ACCOUNTS)
    const region = place.region ?? pick(r, REGIONS)
    const time = place.time ?? new Date(Date.UTC(2024, 2, 5) + Math.floor(r() * 86_400_000))
    const [source, name, readOnly, resourceType] = pick(r, CALLS)
    // About one call in six is made by an AWS service on the account's behalf: no session.
    const service = r() < 0.17 ? pick(r, SERVICES) : null
    const session = service ? null : this.callers.session(account, time)
    const failed = r() < 0.05
    const bucket = pick(r, BUCKETS)
    const requestParameters: Json =
      name === 'PutRolePolicy'
        ? { roleName: 'DeployRole', policyName: 'inline', policyDocument: POLICY }
        : { bucketName: bucket, key: `year=2024/part-${hex(r, 8)}.parquet`, Host: `${bucket}.s3.${region}.amazonaws.com` }
    const event: Json = {
      eventVersion: pick(r, ['1.08', '1.09', '1.10', '1.11']),
      userIdentity: session ? session.identity : { type: 'AWSService', invokedBy: service },
      eventTime: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource: source,
      eventName: name,
      awsRegion: region,
      sourceIPAddress: session ? session.ip : service,
      userAgent: session ? session.agent : service,
      ...(failed ? { errorCode: pick(r, ERRORS), errorMessage: 'User is not authorized to perform this operation because no identity-based policy allows it' } : {}),
      requestParameters,
      responseElements: failed || r() < 0.6 ? null : { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-version-id': hex(r, 32) },
      additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: Math.floor(r() * 100000), 'x-amz-id-2': hex(r, 60) },
      requestID: upper(r, 16),
      eventID: place.eventID ?? uuid(r),
      readOnly,
      ...(resourceType ? { resources: [{ accountId: account, type: resourceType, ARN: `arn:aws:s3:::${bucket}/part-${hex(r, 8)}` }] } : {}),
      eventType: 'AwsApiCall',
      managementEvent: source !== 's3.amazonaws.com',
      recipientAccountId: account,
      eventCategory: source === 's3.amazonaws.com' ? 'Data' : 'Management',
      tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.${region}.amazonaws.com` },
    }
    return this.options.size === 'indexed' ? indexedOnly(event, bucket) : event
  }

  /** The same, as CloudTrail writes it in a delivery file (compact JSON). */
  text(place: EventPlace = {}): string {
    return JSON.stringify(this.event(place))
  }
}

const INDEXED = ['eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userIdentity', 'errorCode', 'eventID', 'readOnly', 'resources', 'eventType', 'recipientAccountId']

function indexedOnly(event: Json, bucket: string): Json {
  const out: Json = {}
  for (const key of INDEXED) if (key in event) out[key] = event[key]
  out.requestParameters = { bucketName: bucket }
  return out
}

const generators = new WeakMap<Random, EventGenerator>()

/** One event from `random`'s own generator (every call its own caller): for tests drawing from one sequence. */
export function makeEvent(random: Random, place: EventPlace = {}): Json {
  let generator = generators.get(random)
  if (!generator) generators.set(random, (generator = new EventGenerator(random, { callers: EVERY_CALL_ITS_OWN_CALLER })))
  return generator.event(place)
}

/** The same, as CloudTrail writes it in a delivery file (compact JSON). */
export const eventText = (random: Random, place: EventPlace = {}): string => JSON.stringify(makeEvent(random, place))

/** `count` events made from one seed. */
export function makeEvents(count: number, seed = 1, options: GeneratorOptions = { callers: EVERY_CALL_ITS_OWN_CALLER }): Json[] {
  const generator = new EventGenerator(seededRandom(seed), options)
  return Array.from({ length: count }, () => generator.event())
}
