// A CloudTrail dotted path (`userIdentity.sessionContext.sessionIssuer.type`) resolved in a parsed
// event. Arrays on the way are walked, so `requestParameters.containerDefinitions.command` gives
// every container's command, and a field holding an array gives each element: a Sigma value
// matches a list field when it matches any element. A literal key containing dots
// (`requestParameters.x.y` where the key is "x.y") is tried too, as the longest key first.

import { nestsDeeperThan } from '../../common/json-depth'

/** Values deeper than this are not walked (an event is JSON from a file; this bounds recursion). */
const MAX_DEPTH = 32

function collect(node: unknown, path: readonly string[], at: number, out: unknown[], depth: number): void {
  if (depth > MAX_DEPTH) return
  if (Array.isArray(node)) {
    for (const item of node) collect(item, path, at, out, depth + 1)
    return
  }
  if (at === path.length) {
    out.push(node)
    return
  }
  if (node === null || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  // Longest literal key first: "a.b" as one key, then "a" then "b".
  for (let end = path.length; end > at; end--) {
    const key = end === at + 1 ? path[at] : path.slice(at, end).join('.')
    if (Object.prototype.hasOwnProperty.call(record, key)) collect(record[key], path, end, out, depth + 1)
  }
}

/** Every value at `path` (empty when absent). Null values are kept (a field present as null). */
export function valuesAt(event: unknown, path: readonly string[]): unknown[] {
  const out: unknown[] = []
  collect(event, path, 0, out, 0)
  return out
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
