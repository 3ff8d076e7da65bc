// The one walk of a parsed event along a dotted path (`userIdentity.sessionContext.type`), used
// by queries (main/query/json-path.ts) and by Sigma rules (main/detect/field-values.ts), which
// differ only in how a step names a key and what an array at the end gives; see WalkOptions.
// Arrays on the way are walked through, at any depth (any element counts). Iterative, and
// nothing deeper than MAX_JSON_DEPTH is reached (it counts as absent): an attacker's
// 100,000-deep event cannot overflow the stack. Own keys only: a field named `constructor` or
// `__proto__` is looked up in the event, never in its prototype.

import { MAX_JSON_DEPTH } from './json-depth'

export interface WalkOptions {
  /** Keys compared lowercased (queries: field names are case-insensitive); give the path lowercased. */
  caseless?: boolean
  /**
   * A key holding dots may stand for several steps (Sigma: `requestParameters.x.y` where the
   * key is "x.y"); such keys are tried longest first, then the single step.
   */
  dottedKeys?: boolean
  /**
   * An array at the path's end gives its elements (Sigma: a value matches a list field when it
   * matches an element); otherwise it is returned whole (queries: see isPresent).
   */
  spreadLast?: boolean
}

/** Every value at `path` below `root` (which sits at `depth`), in document order; null values are kept. */
export function walkPath(root: unknown, path: readonly string[], options: WalkOptions = {}, depth = 0): unknown[] {
  const { caseless = false, dottedKeys = false, spreadLast = false } = options
  const out: unknown[] = []
  // [value, steps of the path done, depth]; pushed backwards so values come out in order.
  const stack: [unknown, number, number][] = [[root, 0, depth]]
  const found: [unknown, number][] = []
  while (stack.length > 0) {
    const [node, at, d] = stack.pop()!
    if (d > MAX_JSON_DEPTH) continue
    const isArray = Array.isArray(node)
    if (at === path.length && !(spreadLast && isArray)) {
      out.push(node)
      continue
    }
    if (node === null || typeof node !== 'object') continue
    if (isArray) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], at, d + 1])
      continue
    }
    const record = node as Record<string, unknown>
    found.length = 0
    if (caseless) {
      for (const key of Object.keys(record)) if (key.toLowerCase() === path[at]) found.push([record[key], at + 1])
    } else {
      for (let end = dottedKeys ? path.length : at + 1; end > at; end--) {
        const key = end === at + 1 ? path[at] : path.slice(at, end).join('.')
        if (Object.prototype.hasOwnProperty.call(record, key)) found.push([record[key], end])
      }
    }
    for (let i = found.length - 1; i >= 0; i--) stack.push([found[i][0], found[i][1], d + 1])
  }
  return out
}

/**
 * A child's path in the form the viewer shows and notes use (renderer/viewer/pretty-json.ts,
 * common/policy-risks.ts): keys joined with '.', array elements as [n]: resources[0].ARN.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  return parent ? `${parent}.${key}` : key
}

/** The path's parent in that form: a.b[2].c -> a.b[2] -> a.b -> a -> null. */
export function parentPath(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))
  return cut > 0 ? path.slice(0, cut) : null
}
