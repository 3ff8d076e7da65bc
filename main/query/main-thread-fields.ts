// Query fields read from columns computed beside the store on the main thread (integrity
// statuses, credential chains, detections). The query worker's mirror copies the store's own
// columns only, so a view that names one of these fields is evaluated on the main thread: a
// worker would find the side column empty and answer wrongly, silently. The fields are cheap
// lookups in typed arrays, so this costs the main thread little; the slow kinds of query (free
// text, JSON paths) still go to the worker unless combined with one of these.

import { specialFieldsOf, type SpecialField } from '../../common/query'

const MAIN_THREAD_FIELDS: readonly SpecialField[] = ['integrity', 'origin', 'chain', 'session', 'detection', 'level']

/** Whether the query names a field that only the main thread can evaluate. */
export function namesMainThreadField(query: string): boolean {
  const named = specialFieldsOf(query)
  return MAIN_THREAD_FIELDS.some((field) => named.has(field))
}
