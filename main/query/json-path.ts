// Walking a parsed event along a dotted path (common/json-walk.ts, the walk Sigma rules use too),
// and the short names that stand for several fields. Field names are case-insensitive and
// arrays are walked through (any element counts), so `resources.arn` reaches every resource's ARN.

import { arnLastPart } from '../store/event-fields'
import { MAX_JSON_DEPTH } from '../../common/json-depth'
import { walkPath } from '../../common/json-walk'

type Json = Record<string, unknown>

/** The values at a lower-cased path; the last step's arrays are returned whole (see isPresent). */
export function valuesAt(root: unknown, path: readonly string[]): unknown[] {
  return walkPath(root, path, { caseless: true })
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

/** Appends the resource-naming values inside `value` (which sits at `depth`), iteratively and down to MAX_JSON_DEPTH. */
function resourceValues(value: unknown, depth: number, out: unknown[]): void {
  const stack: [unknown, number][] = [[value, depth]]
  while (stack.length > 0) {
    const [item, at] = stack.pop()!
    if (at >= MAX_JSON_DEPTH || item === null || typeof item !== 'object') continue
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], at + 1])
    } else {
      const entries = Object.entries(item)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]
        // Objects are pushed too (their scalars are ignored by the matchers) and searched inside.
        if (RESOURCE_KEY.test(key)) out.push(inner)
        stack.push([inner, at + 1])
      }
    }
  }
}

/**
 * `resourceName`: every resources[].ARN, and the values of keys ending in Name, Arn or Id
 * (optionally plural) anywhere in requestParameters and responseElements.
 */
export function resourceNames(event: Json): unknown[] {
  const out = valuesAt(event, ['resources', 'arn'])
  for (const part of [...valuesAt(event, ['requestparameters']), ...valuesAt(event, ['responseelements'])]) resourceValues(part, 1, out)
  return out
}
