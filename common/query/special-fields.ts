// Which special fields (common/query/fields.ts) a query names, read from its parsed tree, so
// every caller agrees with the evaluator: a quoted phrase such as "integrity:x" names none.

import { parseQuery } from './parser'
import type { SpecialField } from './ast'

/** The special fields anywhere in the query; empty when it names none or does not parse. */
export function specialFieldsOf(query: string): Set<SpecialField> {
  const found = new Set<SpecialField>()
  if (query.trim() === '') return found
  let ast: unknown
  try {
    ast = parseQuery(query)
  } catch {
    return found
  }
  // The tree is at most MAX_QUERY_NESTING deep; walked with a stack all the same.
  const stack: unknown[] = [ast]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== 'object') continue
    const special = (node as { special?: SpecialField }).special
    if (typeof special === 'string') found.add(special)
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') stack.push(value)
  }
  return found
}
