// Walking a parsed event along a dotted path, and the short names that stand for several
// fields. Field names are case-insensitive and arrays are walked through (any element counts),
// so `resources.arn` reaches every resource's ARN.

import { arnLastPart } from '../loader/event-fields'

type Json = Record<string, unknown>

function collect(value: unknown, segment: string, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, segment, out)
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.toLowerCase() === segment) out.push((value as Json)[key])
    }
  }
}

/** The values at a lower-cased path; the last step's arrays are returned whole (see isPresent). */
export function valuesAt(root: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [root]
  for (const segment of path) {
    const next: unknown[] = []
    for (const value of current) collect(value, segment, next)
    current = next
    if (current.length === 0) break
  }
  return current
}

/**
 * `user` beyond its column: userName, the ARN's last part and the session issuer's userName.
 * (principalId and the derived user are columns, checked before any event is parsed.)
 */
export function userNames(event: Json): unknown[] {
  const arns = valuesAt(event, ['useridentity', 'arn']).filter((arn): arn is string => typeof arn === 'string')
  return [
    ...valuesAt(event, ['useridentity', 'username']),
    ...arns.map(arnLastPart),
    ...valuesAt(event, ['useridentity', 'sessioncontext', 'sessionissuer', 'username']),
  ]
}

/** `account`: the recipient account and the caller's account (they differ in cross-account calls). */
export function accountIds(event: Json): unknown[] {
  return [...valuesAt(event, ['recipientaccountid']), ...valuesAt(event, ['useridentity', 'accountid'])]
}

/** Keys whose values name a resource: bucketName, roleArn, instanceId, instanceIds, policyNames... */
const RESOURCE_KEY = /(?:name|arn|id)s?$/i

function resourceValues(value: unknown, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) resourceValues(item, out)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      // Objects are pushed too (their scalars are ignored by the matchers) and searched inside.
      if (RESOURCE_KEY.test(key)) out.push(inner)
      resourceValues(inner, out)
    }
  }
}

/**
 * `resourceName`: every resources[].ARN, and the values of keys ending in Name, Arn or Id
 * (optionally plural) anywhere in requestParameters and responseElements.
 */
export function resourceNames(event: Json): unknown[] {
  const out = valuesAt(event, ['resources', 'arn'])
  for (const part of [...valuesAt(event, ['requestparameters']), ...valuesAt(event, ['responseelements'])]) resourceValues(part, out)
  return out
}
