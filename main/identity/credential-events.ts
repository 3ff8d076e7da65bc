// The few fields of an event that credential chains are built from, as CloudTrail writes them
// (docs: "CloudTrail userIdentity element"; STS's AssumeRole* / GetSessionToken /
// GetFederationToken responses): who signed the call (userIdentity) and, for a call that
// issues credentials, the key it issued (responseElements.credentials.accessKeyId).

import { assumedRoleParts, parseArn } from '../../common/decode/arn'
import { obj, parseEvent, readMembers, str } from './event-members'

/** Calls whose response carries new temporary credentials (STS, and IAM Identity Center's portal). */
export const ISSUING_EVENTS: readonly string[] = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'GetSessionToken',
  'GetFederationToken',
  'GetRoleCredentials',
]

/** What an event's userIdentity says about the credentials that signed it. */
export interface IdentitySummary {
  type: string
  arn: string
  userName: string
  accountId: string
  principalId: string
  issuerArn: string
  issuerType: string
  issuerName: string
  invokedBy: string
  sourceIdentity: string
  /** onBehalfOf.userId, else an Identity Center user named by the AWSReservedSSO session. */
  onBehalfOf: string
  identityStoreArn: string
  console: boolean
  /** sessionContext.ec2RoleDelivery (1.0 or 2.0): the credentials came from an instance's metadata service. */
  ec2RoleDelivery: string
  userAgent: string
}

export interface IssueRecord {
  eventId: number
  /** ms; NaN when the event has none. */
  time: number
  eventName: string
  eventSource: string
  issuedKey: string
  /** The key that signed the issuing call ('' for SAML and web identity, which are signed by a token). */
  callerKey: string
  caller: IdentitySummary
  /** requestParameters.roleArn (AssumeRole*), else the issued session's role from assumedRoleUser.arn. */
  roleArn: string
  /** responseElements.assumedRoleUser.arn / federatedUser.arn. */
  assumedArn: string
  sessionName: string
  sourceIdentity: string
  /** recipientAccountId of the issuing event. */
  account: string
  sourceIp: string
  /** SAML subject or web identity subject; the federated user's name for GetFederationToken. */
  subject: string
  /** SAML provider ARN / issuer, web identity provider. */
  provider: string
}

const USER_IDENTITY_KEYS = ['userIdentity', 'userAgent'] as const

export function identityOf(userIdentity: unknown, userAgent: unknown): IdentitySummary {
  const identity = obj(userIdentity) ?? {}
  const context = obj(identity.sessionContext) ?? {}
  const issuer = obj(context.sessionIssuer) ?? {}
  const attributes = obj(context.attributes) ?? {}
  const onBehalfOf = obj(identity.onBehalfOf) ?? {}
  return {
    type: str(identity.type),
    arn: str(identity.arn),
    userName: str(identity.userName),
    accountId: str(identity.accountId),
    principalId: str(identity.principalId),
    issuerArn: str(issuer.arn),
    issuerType: str(issuer.type),
    issuerName: str(issuer.userName),
    invokedBy: str(identity.invokedBy),
    sourceIdentity: str(context.sourceIdentity) || str(identity.sourceIdentity),
    onBehalfOf: str(onBehalfOf.userId),
    identityStoreArn: str(onBehalfOf.identityStoreArn),
    // Written as a string ("true") in real logs, but a boolean is read too.
    console: str(identity.sessionCredentialFromConsole) === 'true' || identity.sessionCredentialFromConsole === true || attributes.sessionCredentialFromConsole === 'true',
    ec2RoleDelivery: str(context.ec2RoleDelivery),
    userAgent: str(userAgent),
  }
}

/** The userIdentity of one event's bytes (null when they are not a JSON object). */
export function identityOfBytes(bytes: Uint8Array): IdentitySummary | null {
  // Both found, the rest is not walked (unless it could repeat one, see readMembers).
  const members = readMembers(bytes, USER_IDENTITY_KEYS, true)
  return members && identityOf(members.userIdentity, members.userAgent)
}

const CREDENTIALS = Buffer.from('redentials"')
const ESCAPE = Buffer.from('\\u')

/**
 * Whether the bytes may hold issued credentials: "credentials" or "roleCredentials" as a key,
 * or a \u escape (which could spell one; then the parse decides). Most calls of an issuing
 * name that issue nothing (failures are skipped before, but responses CloudTrail leaves out
 * are common) are passed over without a parse.
 */
function mayIssue(bytes: Uint8Array): boolean {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return b.indexOf(CREDENTIALS) >= 0 || b.indexOf(ESCAPE) >= 0
}

/** The issued key of a credential-issuing event, or null when it issued none (a failure, a response CloudTrail left out). */
export function issueOfBytes(bytes: Uint8Array, eventId: number, time: number): IssueRecord | null {
  if (!mayIssue(bytes)) return null
  // The whole event: its members are read from all over it, which JSON.parse does faster than a partial walk (parseEvent).
  const m = parseEvent(bytes)
  if (!m || m.errorCode) return null
  const response = obj(m.responseElements)
  const request = obj(m.requestParameters) ?? {}
  if (!response) return null
  // GetRoleCredentials (Identity Center portal) answers roleCredentials when CloudTrail keeps it.
  const credentials = obj(response.credentials) ?? obj(response.roleCredentials)
  const issuedKey = str(credentials?.accessKeyId)
  if (!issuedKey) return null
  const caller = identityOf(m.userIdentity, m.userAgent)
  const assumed = obj(response.assumedRoleUser) ?? obj(response.federatedUser) ?? {}
  const assumedArn = str(assumed.arn)
  const parsed = assumedArn ? parseArn(assumedArn) : null
  const parts = parsed ? assumedRoleParts(parsed) : null
  const eventName = str(m.eventName)
  let roleArn = str(request.roleArn)
  if (!roleArn && parsed && parts) roleArn = `arn:${parsed.partition}:iam::${parsed.account}:role/${parts.role}`
  const subject = eventName === 'GetFederationToken' ? str(request.name) : str(response.subject) || str(response.subjectFromWebIdentityToken)
  const provider = str(request.principalArn) || str(response.issuer) || str(response.provider) || str(request.providerId)
  return {
    eventId,
    time,
    eventName,
    eventSource: str(m.eventSource),
    issuedKey,
    callerKey: str(obj(m.userIdentity)?.accessKeyId),
    caller,
    roleArn,
    assumedArn,
    sessionName: str(request.roleSessionName) || (parts ? parts.session : ''),
    sourceIdentity: str(request.sourceIdentity) || str(response.sourceIdentity),
    account: str(m.recipientAccountId),
    sourceIp: str(m.sourceIPAddress),
    subject,
    provider,
  }
}

/**
 * Whether a key can link events: real access key ids are 16–128 upper-case letters and digits
 * (AKIA…, ASIA…). Masked ones (AKIA****************, as published examples write them) would
 * link every example to every other, so they link nothing.
 */
export function isLinkableKey(key: string): boolean {
  return /^[A-Z0-9]{16,128}$/.test(key)
}

/** The AWSReservedSSO role of an Identity Center permission set (role path /aws-reserved/sso.amazonaws.com/). */
export function isIdentityCenterRole(issuerArn: string, roleName: string): boolean {
  return issuerArn.includes('/aws-reserved/sso.amazonaws.com/') || /^AWSReservedSSO_/.test(roleName)
}

/** The service of a service-linked role (path /aws-service-role/<service>/), or ''. */
export function serviceLinkedService(roleArn: string): string {
  const m = /:role\/aws-service-role\/([^/]+)\//.exec(roleArn)
  return m ? m[1] : ''
}

/** The EC2 instance of an instance-profile session: its session name is the instance id. */
export function instanceIdOf(session: string): string {
  return /^i-[0-9a-f]{8,17}$/.test(session) ? session : ''
}
