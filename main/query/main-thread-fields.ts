// Query fields read from columns computed beside the store on the main thread (integrity
// statuses, credential chains, detections). The query worker's mirror copies the store's own
// columns only, so a view that names one of these fields is evaluated on the main thread: a
// worker would find the side column empty and answer wrongly, silently. The fields are cheap
// lookups in typed arrays, so this costs the main thread little; the slow kinds of query (free
// text, JSON paths) still go to the worker unless combined with one of these.

import { parseQuery } from '../../common/query'
import type { SpecialField } from '../../common/query/ast'

const MAIN_THREAD_FIELDS: ReadonlySet<string> = new Set<SpecialField | string>(['integrity', 'origin', 'chain', 'session', 'detection', 'level'])

/** Whether the query names a field that only the main thread can evaluate. */
export function namesMainThreadField(query: string): boolean {
  if (query.trim() === '') return false
  let ast: unknown
  try {
    ast = parseQuery(query)
  } catch {
    return false
  }
  // The tree is at most MAX_QUERY_NESTING deep; walked with a stack all the same.
  const stack: unknown[] = [ast]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== 'object') continue
    const special = (node as { special?: unknown }).special
    if (typeof special === 'string' && MAIN_THREAD_FIELDS.has(special)) return true
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') stack.push(value)
  }
  return false
}
