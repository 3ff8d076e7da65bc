// Realistic CloudTrail events for the benchmark corpus: the shapes of a real trail (assumed
// roles, IAM users, AWS services, root; S3, EC2, IAM, STS, KMS calls; ~5% errors), made from a
// seeded generator so every run of `npm run bench` measures the same bytes.

export type Random = () => number

/** Mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

export function hex(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(random() * 16)]
  return out
}

export function upper(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(random() * 32)]
  return out
}

export const uuid = (random: Random): string =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`

const CALLS = [
  { source: 's3.amazonaws.com', names: ['GetObject', 'PutObject', 'ListObjects', 'HeadObject', 'GetBucketAcl', 'DeleteObject'], readOnly: [true, false, true, true, true, false] },
  { source: 'ec2.amazonaws.com', names: ['DescribeInstances', 'RunInstances', 'DescribeSecurityGroups', 'AuthorizeSecurityGroupIngress', 'TerminateInstances'], readOnly: [true, false, true, false, false] },
  { source: 'iam.amazonaws.com', names: ['GetRole', 'ListRoles', 'CreateAccessKey', 'AttachRolePolicy', 'GetUser'], readOnly: [true, true, false, false, true] },
  { source: 'sts.amazonaws.com', names: ['AssumeRole', 'GetCallerIdentity', 'GetSessionToken'], readOnly: [true, true, true] },
  { source: 'kms.amazonaws.com', names: ['Decrypt', 'GenerateDataKey', 'Encrypt'], readOnly: [true, true, true] },
  { source: 'cloudtrail.amazonaws.com', names: ['LookupEvents', 'UpdateTrail', 'DescribeTrails'], readOnly: [true, false, true] },
  { source: 'lambda.amazonaws.com', names: ['Invoke', 'ListFunctions20150331', 'UpdateFunctionCode20150331v2'], readOnly: [false, true, false] },
] as const

const ERRORS = ['AccessDenied', 'Client.UnauthorizedOperation', 'ThrottlingException', 'NoSuchKey', 'InvalidCloudWatchLogsRoleArnException']
const AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/s3.cp',
  '[aws-sdk-java/1.12.470 Linux/5.10.210 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS java/11.0.22 vendor/Amazon.com_Inc.]',
  'console.amazonaws.com',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
  'ec2.amazonaws.com',
]

function identity(random: Random, account: string): Record<string, unknown> {
  const kind = random()
  if (kind < 0.55) {
    const role = pick(random, ['Admin', 'ReadOnly', 'DeployRole', 'LambdaExecution', 'OrganizationAccountAccessRole'])
    const session = pick(random, ['alice', 'bob', 'ci-runner', 'i-0a1b2c3d4e5f', 'botocore-session-1700000000'])
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
    const user = pick(random, ['alice', 'bob', 'carol', 'deploy-bot', 'terraform'])
    return {
      type: 'IAMUser',
      principalId: `AIDA${upper(random, 17)}`,
      arn: `arn:aws:iam::${account}:user/${user}`,
      accountId: account,
      accessKeyId: `AKIA${upper(random, 16)}`,
      userName: user,
    }
  }
  if (kind < 0.98) return { type: 'AWSService', invokedBy: pick(random, ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'cloudtrail.amazonaws.com']) }
  return { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account, accessKeyId: `ASIA${upper(random, 16)}` }
}

// A real trail sees the same sessions and addresses again and again: one temporary key makes
// many calls. Pools per account keep the distinct keys, principals and addresses realistic.
const IDENTITIES_PER_ACCOUNT = 400
const ADDRESSES = 5000
const identityPools = new Map<string, Record<string, unknown>[]>()
let addressPool: string[] = []

function pooledIdentity(random: Random, account: string): Record<string, unknown> {
  let pool = identityPools.get(account)
  if (!pool) {
    pool = Array.from({ length: IDENTITIES_PER_ACCOUNT }, () => identity(random, account))
    identityPools.set(account, pool)
  }
  return pick(random, pool)
}

function pooledAddress(random: Random): string {
  if (addressPool.length === 0) {
    addressPool = Array.from({ length: ADDRESSES }, () => `${10 + Math.floor(random() * 200)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`)
  }
  return pick(random, addressPool)
}

/** One event of the given account, region and time, as CloudTrail writes it (compact JSON). */
export function makeEvent(random: Random, account: string, region: string, time: Date): string {
  const call = pick(random, CALLS)
  const index = Math.floor(random() * call.names.length)
  const failed = random() < 0.05
  const who = pooledIdentity(random, account)
  const bucket = pick(random, ['logs-prod', 'data-lake-raw', 'web-assets', 'backups-2024'])
  const event: Record<string, unknown> = {
    eventVersion: pick(random, ['1.08', '1.09', '1.10', '1.11']),
    userIdentity: who,
    eventTime: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: call.source,
    eventName: call.names[index],
    awsRegion: region,
    sourceIPAddress: who.type === 'AWSService' ? who.invokedBy : pooledAddress(random),
    userAgent: who.type === 'AWSService' ? who.invokedBy : pick(random, AGENTS),
    ...(failed ? { errorCode: pick(random, ERRORS), errorMessage: 'User is not authorized to perform this operation because no identity-based policy allows it' } : {}),
    requestParameters: { bucketName: bucket, key: `year=2024/month=03/part-${hex(random, 8)}.parquet`, Host: `${bucket}.s3.${region}.amazonaws.com`, 'x-amz-acl': 'private' },
    responseElements: failed || random() < 0.6 ? null : { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-version-id': hex(random, 32) },
    additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: Math.floor(random() * 100000), AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': hex(random, 60) },
    requestID: upper(random, 16),
    eventID: uuid(random),
    readOnly: call.readOnly[index],
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/year=2024/month=03/part-${hex(random, 8)}.parquet` },
      { accountId: account, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
    ],
    eventType: 'AwsApiCall',
    managementEvent: call.source !== 's3.amazonaws.com',
    recipientAccountId: account,
    eventCategory: call.source === 's3.amazonaws.com' ? 'Data' : 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${bucket}.s3.${region}.amazonaws.com` },
  }
  return JSON.stringify(event)
}
