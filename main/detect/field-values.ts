// A CloudTrail dotted path (`userIdentity.sessionContext.sessionIssuer.type`) resolved in a parsed
// event. Arrays on the way are walked, so `requestParameters.containerDefinitions.command` gives
// every container's command, and a field holding an array gives each element: a Sigma value
// matches a list field when it matches any element. A literal key containing dots
// (`requestParameters.x.y` where the key is "x.y") is tried too, as the longest key first.
// The walk is common/json-walk.ts, the one queries use: keys are case-sensitive here, as Sigma
// field names are, and nothing deeper than MAX_JSON_DEPTH is reached.

import { nestsDeeperThan } from '../../common/json-depth'
import { walkPath } from '../../common/json-walk'

/** Every value at `path` (empty when absent). Null values are kept (a field present as null). */
export function valuesAt(event: unknown, path: readonly string[]): unknown[] {
  return walkPath(event, path, { dottedKeys: true, spreadLast: true })
}

/**
 * The text a value is compared as: strings as they are, numbers and booleans as JSON writes them,
 * objects as JSON. An object nested past MAX_JSON_DEPTH counts as absent, as in queries
 * (JSON.stringify recurses and would overflow the stack on an attacker's 100,000-deep value).
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return nestsDeeperThan(value) ? null : JSON.stringify(value)
}

export function splitPath(field: string): string[] {
  return field.split('.')
}
