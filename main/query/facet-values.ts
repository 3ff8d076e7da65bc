// One facet in full, for the facets panel's "show all": every value of a field in a view's result
// (not only the top few), optionally only those containing a search text, most frequent or
// rarest first. A field the store keeps as a column (event name, access key, source IP...) is
// counted exactly from its codes; any other field (userAgent, requestParameters.bucketName...) is
// read from the events' JSON, so it is counted over at most FIELD_FACET_MAX_EVENTS events of the
// result, and the answer says how many were read.

import type { FacetValue, FacetValuesRequest, FacetValuesResult } from '../../common/ipc-contract'
import { STRING_COLUMNS, type StringColumn } from '../store/parsed-batch'
import type { EventStore } from '../store/event-store'
import { fieldText } from './field-text'

/** Events whose JSON is read for a facet of a field the store has no column for. */
export const FIELD_FACET_MAX_EVENTS = 20_000
/** Values returned at most. */
export const FACET_VALUES_MAX = 5_000

/** Facet names of the store's columns (as the facets panel calls them) and their field paths. */
const COLUMN_OF: Readonly<Record<string, StringColumn>> = Object.fromEntries(STRING_COLUMNS.map((c) => [c, c]))

function sortValues(values: FacetValue[], order: 'count' | 'rarest'): FacetValue[] {
  const sign = order === 'rarest' ? 1 : -1
  return values.sort((a, b) => sign * (a.count - b.count) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
}

export function facetValues(store: EventStore, ids: Uint32Array, request: FacetValuesRequest): FacetValuesResult {
  const limit = Math.min(request.limit ?? FACET_VALUES_MAX, FACET_VALUES_MAX)
  const order = request.order ?? 'count'
  const needle = (request.search ?? '').toLowerCase()
  const column = COLUMN_OF[request.field]
  const counts = new Map<string, number>()
  let missing = 0
  let scanned = ids.length
  if (column) {
    // A slot per dictionary code (no Map per event); then one string per distinct code counted.
    const codes = store.codes(column)
    const byCode = new Int32Array(store.dictionarySize)
    for (let k = 0; k < ids.length; k++) byCode[codes[ids[k]]]++
    missing = byCode[0]
    for (let code = 1; code < byCode.length; code++) if (byCode[code] > 0) counts.set(store.value(code), byCode[code])
  } else {
    scanned = Math.min(ids.length, FIELD_FACET_MAX_EVENTS)
    for (let k = 0; k < scanned; k++) {
      let event: unknown
      try {
        event = JSON.parse(store.text(ids[k]))
      } catch {
        missing++
        continue
      }
      const text = fieldText(event, request.field)
      if (text === '') missing++
      else counts.set(text, (counts.get(text) ?? 0) + 1)
    }
  }
  const all: FacetValue[] = []
  for (const [value, count] of counts) if (needle === '' || value.toLowerCase().includes(needle)) all.push({ value, count })
  return { field: request.field, values: sortValues(all, order).slice(0, limit), distinct: counts.size, matching: all.length, missing, scanned, total: ids.length }
}
