// Short field names and how a typed field name resolves to a path into the event. The list also
// feeds the filter bar's completions and hover help, so each entry says what it matches.

import type { FieldRef, SpecialField } from './ast'

export interface ShortName {
  /** The names a user may type (case-insensitive); the first is the one we suggest. */
  names: readonly string[]
  /** The dotted path it stands for, or a special field that stands for several. */
  path?: string
  special?: SpecialField
  /** For completions and hovers. */
  description: string
}

/**
 * The short names. The list's column names (identityType, sourceIp...) are accepted too, so
 * that a query built from a facet or a column header reads like the header.
 */
export const SHORT_NAMES: readonly ShortName[] = [
  { names: ['event', 'eventName'], path: 'eventName', description: 'eventName' },
  { names: ['source', 'eventSource'], path: 'eventSource', description: 'eventSource (the service)' },
  {
    names: ['user'],
    special: 'user',
    description: "who: userIdentity.userName, the last part of its ARN, the session issuer's userName or principalId (any of them)",
  },
  { names: ['accessKey'], path: 'userIdentity.accessKeyId', description: 'userIdentity.accessKeyId' },
  { names: ['eventId'], path: 'eventID', description: 'eventID' },
  { names: ['readOnly'], path: 'readOnly', description: 'readOnly (true or false)' },
  { names: ['resourceType'], path: 'resources.type', description: 'resources.type (any resource)' },
  {
    names: ['resourceName'],
    special: 'resourceName',
    description: 'resources.ARN, and names, ARNs and ids in requestParameters and responseElements',
  },
  { names: ['ip', 'sourceIp'], path: 'sourceIPAddress', description: 'sourceIPAddress' },
  { names: ['region'], path: 'awsRegion', description: 'awsRegion' },
  { names: ['account'], special: 'account', description: 'recipientAccountId or userIdentity.accountId' },
  { names: ['error'], path: 'errorCode', description: 'errorCode' },
  { names: ['identityType'], path: 'userIdentity.type', description: 'userIdentity.type (IAMUser, AssumedRole, Root...)' },
  { names: ['time'], path: 'eventTime', description: 'eventTime' },
  {
    names: ['integrity'],
    special: 'integrity',
    description: "the integrity of the event's file against the loaded digests: valid, modified, not-in-digest or not-covered",
  },
  { names: ['origin'], special: 'origin', description: "the credential chain's first principal: user name, ARN, or Identity Center user" },
  { names: ['chain'], special: 'chain', description: 'any principal or access key anywhere in the credential chain' },
  { names: ['session'], special: 'session', description: 'the access key of any hop of the credential chain (same session)' },
  { names: ['detection'], special: 'detection', description: 'a detection rule the event matched: its id or title (wildcards allowed)' },
  {
    names: ['level'],
    special: 'level',
    description: 'the highest level of the rules the event matched: informational, low, medium, high, critical (level>=high compares)',
  },
]

const byName = new Map<string, ShortName>()
for (const short of SHORT_NAMES) for (const name of short.names) byName.set(name.toLowerCase(), short)

/** The short name a field name as typed stands for (case-insensitive); undefined for a path. */
export function shortNameOf(name: string): ShortName | undefined {
  return byName.get(name.toLowerCase())
}

/** Resolves a field name as typed: a short name, else a dotted path (case-insensitive). */
export function resolveField(name: string): FieldRef {
  const short = shortNameOf(name)
  if (short?.special) return { name, path: [], special: short.special }
  const path = short?.path ?? name
  return { name, path: path.toLowerCase().split('.') }
}

/** Whether a field is the event's time (compared as instants). */
export function isEventTime(field: FieldRef): boolean {
  return !field.special && field.path.length === 1 && field.path[0] === 'eventtime'
}
