// Events shaped as CloudTrail writes them (AWS's userIdentity documentation and the real logs in
// ../shared/data) for credential chain tests: IAM users, AssumeRole and its federation
// variants with their responses, and calls made with the keys they issued.

type Json = Record<string, unknown>

let counter = 0
const nextId = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`

export function iamUser(name: string, account: string, key: string): Json {
  return { type: 'IAMUser', principalId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`, arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, accessKeyId: key, userName: name }
}

export function roleSession(role: string, session: string, account: string, key: string, extra: Json = {}): Json {
  const { sessionContext: more, ...rest } = extra as { sessionContext?: Json }
  return {
    type: 'AssumedRole',
    principalId: `AROA${role.toUpperCase().padEnd(17, 'X')}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role.includes('/') ? role.split('/').pop() : role}/${session}`,
    accountId: account,
    accessKeyId: key,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: `AROA${role.toUpperCase().padEnd(17, 'X')}`, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role.split('/').pop() },
      attributes: { creationDate: '2024-03-05T10:00:00Z', mfaAuthenticated: 'false' },
      ...(more ?? {}),
    },
    ...rest,
  }
}

export interface CallOptions {
  time: string
  name?: string
  source?: string
  ip?: string
  recipient?: string
  error?: string
  userAgent?: string
  region?: string
}

export function call(userIdentity: Json, o: CallOptions): Json {
  const event: Json = {
    eventVersion: '1.09',
    userIdentity,
    eventTime: o.time,
    eventSource: o.source ?? 's3.amazonaws.com',
    eventName: o.name ?? 'GetObject',
    awsRegion: o.region ?? 'us-east-1',
    sourceIPAddress: o.ip ?? '203.0.113.10',
    userAgent: o.userAgent ?? 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023',
    requestParameters: { bucketName: 'evidence', key: 'a.txt' },
    responseElements: null,
    eventID: nextId(),
    eventType: 'AwsApiCall',
    recipientAccountId: o.recipient ?? String(userIdentity.accountId ?? '111111111111'),
  }
  if (o.error) {
    event.errorCode = o.error
    event.errorMessage = 'User is not authorized to perform this action'
  }
  return event
}

/** An AssumeRole call by `caller` issuing `issued` for role `roleArn` (as sts.amazonaws.com records it). */
export function assumeRole(caller: Json, roleArn: string, session: string, issued: string, o: CallOptions & { sourceIdentity?: string }): Json {
  const account = roleArn.split(':')[4]
  const role = roleArn.split('/').pop()!
  const event = call(caller, { ...o, name: 'AssumeRole', source: 'sts.amazonaws.com' })
  event.requestParameters = { roleArn, roleSessionName: session, durationSeconds: 3600, ...(o.sourceIdentity ? { sourceIdentity: o.sourceIdentity } : {}) }
  event.responseElements = {
    credentials: { accessKeyId: issued, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE', expiration: 'Mar 5, 2024, 11:02:00 AM' },
    assumedRoleUser: { assumedRoleId: `AROA${role.toUpperCase().padEnd(17, 'X')}:${session}`, arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}` },
    ...(o.sourceIdentity ? { sourceIdentity: o.sourceIdentity } : {}),
  }
  event.resources = [{ accountId: account, type: 'AWS::IAM::Role', ARN: roleArn }]
  return event
}

/** AssumeRoleWithSAML as CloudTrail records it: userIdentity SAMLUser, no access key. */
export function assumeRoleWithSaml(subject: string, provider: string, roleArn: string, issued: string, o: CallOptions): Json {
  const account = roleArn.split(':')[4]
  const role = roleArn.split('/').pop()!
  const event = call(
    { type: 'SAMLUser', principalId: `SAMPLE_BASE64_NAMEQUALIFIER:${subject}`, userName: subject, identityProvider: 'SAMPLE_BASE64_NAMEQUALIFIER' },
    { ...o, name: 'AssumeRoleWithSAML', source: 'sts.amazonaws.com', recipient: account },
  )
  event.requestParameters = { roleArn, principalArn: provider, durationSeconds: 3600 }
  event.responseElements = {
    subjectType: 'persistent',
    issuer: 'https://idp.example.com/saml',
    credentials: { accessKeyId: issued, expiration: 'Mar 5, 2024, 11:02:00 AM' },
    nameQualifier: 'SAMPLE_BASE64_NAMEQUALIFIER',
    assumedRoleUser: { assumedRoleId: `AROA${role.toUpperCase().padEnd(17, 'X')}:${subject}`, arn: `arn:aws:sts::${account}:assumed-role/${role}/${subject}` },
    subject,
    audience: 'https://signin.aws.amazon.com/saml',
  }
  return event
}

/** An AWS service assuming a role for a resource (EC2 for an instance profile, Lambda for a function). */
export function serviceAssumesRole(service: string, roleArn: string, session: string, issued: string, o: CallOptions): Json {
  const event = assumeRole({ type: 'AWSService', invokedBy: service }, roleArn, session, issued, { ...o, ip: service, userAgent: service })
  event.recipientAccountId = roleArn.split(':')[4]
  return event
}
