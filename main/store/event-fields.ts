// The handful of fields the list and the filters need, derived from one parsed event. Used by
// the parse workers (for every event, once) and by the store (for the rows on screen), so the
// list and the filters can never disagree about, say, who "the user" is.

import type { EventRow } from '../../common/event-row'
import { parseEventTime } from '../../common/time'

type Json = Record<string, unknown>

function str(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined
}

/** The last part of an ARN: arn:aws:sts::1:assumed-role/Admin/alice -> alice. */
export function arnLastPart(arn: string): string {
  const slash = arn.lastIndexOf('/')
  if (slash >= 0) return arn.slice(slash + 1)
  const colon = arn.lastIndexOf(':')
  return colon >= 0 ? arn.slice(colon + 1) : arn
}

/** Who made the call, in a word: userName, else the ARN's last part, else the issuer, else principalId. */
export function userOf(identity: Json | undefined): string {
  if (!identity) return ''
  const userName = str(identity.userName)
  if (userName) return userName
  const arn = str(identity.arn)
  if (arn) return arnLastPart(arn)
  const issuer = obj(obj(identity.sessionContext)?.sessionIssuer)
  const issuerName = str(issuer?.userName)
  if (issuerName) return issuerName
  const principalId = str(identity.principalId)
  if (principalId) return principalId
  // Service events: userIdentity is { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }.
  return str(identity.invokedBy)
}

export function firstResource(event: Json): Json | undefined {
  const resources = event.resources
  return Array.isArray(resources) ? obj(resources[0]) : undefined
}

/** userIdentity.principalId (a column of its own, though the list shows it only within `user`). */
export function principalIdOf(event: Json): string {
  return str(obj(event.userIdentity)?.principalId)
}

/** The summary of one event, as the list shows it. */
export function rowOf(id: number, event: Json): EventRow {
  const identity = obj(event.userIdentity)
  const time = parseEventTime(event.eventTime)
  const readOnly = event.readOnly
  const resource = firstResource(event)
  return {
    id,
    time: Number.isNaN(time) ? null : time,
    eventName: str(event.eventName),
    eventSource: str(event.eventSource),
    user: userOf(identity),
    identityType: str(identity?.type),
    region: str(event.awsRegion),
    sourceIp: str(event.sourceIPAddress),
    errorCode: str(event.errorCode),
    account: str(event.recipientAccountId) || str(identity?.accountId),
    accessKey: str(identity?.accessKeyId),
    eventId: str(event.eventID),
    readOnly: readOnly === true || readOnly === 'true' ? true : readOnly === false || readOnly === 'false' ? false : null,
    resourceType: str(resource?.type),
    resourceName: str(resource?.ARN),
    eventType: str(event.eventType),
  }
}
