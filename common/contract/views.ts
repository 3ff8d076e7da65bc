// Views: a query, a time range and a sort over the loaded set, evaluated in main and kept there;
// the renderer pages through a view's rows and asks for its facets and timeline (part of the
// contract, see common/ipc-contract.ts).

import * as v from 'valibot'
import { ROW_COLUMNS, type EventDetail, type EventRow } from '../event-row'
import { FACET_FIELDS, type Facet, type FacetValue, type Histogram } from '../query/facet-query'
import { answer, arg, call, text, timeMs, wholeNumber } from './define-call'

export type { Facet, FacetField, FacetValue, Histogram } from '../query/facet-query'

export const VIEW_LIMITS = {
  /** Characters in a filter bar's query. */
  queryLength: 100_000,
  /**
   * Rows one getRows answers at most: a screenful is ~100, a Shift-range over rows not loaded yet
   * asks for its whole span at once. ViewCache answers exactly what this allows (never fewer rows
   * than asked without saying so).
   */
  rowsPerRequest: 10_000,
  /** Top values per facet in getFacets. */
  facetValues: 1_000,
  /** Timeline buckets. */
  histogramBuckets: 2_000,
  /** Values in one getFacetValues answer (the default too). */
  facetAllValues: 5_000,
  /** Characters in a field path or a facet search text. */
  fieldPathLength: 200,
} as const

export const SortDirectionSchema = v.picklist(['asc', 'desc'])
export type SortDirection = v.InferOutput<typeof SortDirectionSchema>

export const ViewSpecSchema = v.object({
  /** The filter bar's text (see common/query). Empty matches everything. */
  query: text(VIEW_LIMITS.queryLength),
  /** Inclusive lower bound on eventTime, ms since the epoch. */
  from: v.nullish(timeMs),
  /** Exclusive upper bound on eventTime, ms since the epoch. */
  to: v.nullish(timeMs),
  sort: v.optional(v.object({ column: v.picklist(ROW_COLUMNS), direction: SortDirectionSchema })),
})
export type ViewSpec = v.InferOutput<typeof ViewSpecSchema>

export interface QueryError {
  message: string
  /** Offset in the query text where the problem is. */
  position: number
}

export interface ViewInfo {
  /** Pass to rows/facets calls; views are kept for a while, then forgotten (ask again). */
  viewId: number
  /** Events matching the view. */
  matched: number
  /** Events loaded in all. */
  total: number
  /** Newest and oldest eventTime in the loaded set (ms), for time presets. null when empty. */
  newest: number | null
  oldest: number | null
  queryMs: number
  /** Set when the query does not parse; the view then holds the last good result. */
  error?: QueryError
}

export const ViewIdSchema = wholeNumber()

export const RowsRequestSchema = v.object({
  viewId: ViewIdSchema,
  /** Position in the view (0 = first in its sort order). */
  start: wholeNumber(),
  count: wholeNumber(VIEW_LIMITS.rowsPerRequest),
})
export type RowsRequest = v.InferOutput<typeof RowsRequestSchema>

export interface RowsResult {
  viewId: number
  start: number
  rows: EventRow[]
}

export const FacetsRequestSchema = v.object({
  viewId: ViewIdSchema,
  /** Which facets, in this order; every facet (FACET_FIELDS) when left out. */
  fields: v.optional(v.pipe(v.array(v.picklist(FACET_FIELDS)), v.maxLength(FACET_FIELDS.length))),
  /** Top values per facet (default 10). */
  limit: v.optional(wholeNumber(VIEW_LIMITS.facetValues)),
})
export type FacetsRequest = v.InferOutput<typeof FacetsRequestSchema>

export const HistogramRequestSchema = v.object({
  viewId: ViewIdSchema,
  /** At most this many buckets (default 100); the bucket size is a nice round one. */
  buckets: v.optional(v.pipe(wholeNumber(VIEW_LIMITS.histogramBuckets), v.minValue(1))),
})
export type HistogramRequest = v.InferOutput<typeof HistogramRequestSchema>

/** One facet in full (the facets panel's "show all", its search box and "rarest first"). */
export const FacetValuesRequestSchema = v.object({
  viewId: ViewIdSchema,
  /** A facet's field (eventName, accessKey, ...) or any dotted field path (userAgent, requestParameters.bucketName). */
  field: v.pipe(v.string(), v.minLength(1), v.maxLength(VIEW_LIMITS.fieldPathLength)),
  /** Only values containing this text (case-insensitive). */
  search: v.optional(text(VIEW_LIMITS.fieldPathLength)),
  /** 'count': most frequent first (default); 'rarest': least frequent first. Ties by value. */
  order: v.optional(v.picklist(['count', 'rarest'])),
  /** At most this many values (default: the limit). */
  limit: v.optional(wholeNumber(VIEW_LIMITS.facetAllValues)),
})
export type FacetValuesRequest = v.InferOutput<typeof FacetValuesRequestSchema>

export interface FacetValuesResult {
  field: string
  values: FacetValue[]
  /** Distinct non-empty values counted. */
  distinct: number
  /** Of them, how many contain the search text (all when there is none). */
  matching: number
  /** Events counted without the field. */
  missing: number
  /** Events counted: the whole result, or its first 20,000 for a field read from the JSON. */
  scanned: number
  total: number
}

export const VIEW_CALLS = {
  /** Evaluate a view and remember it. */
  setView: call({ args: [arg('spec', ViewSpecSchema)], returns: answer<ViewInfo>(), scope: 'session', by: 'service' }),
  /**
   * Stops the setView still being evaluated (a slow free-text or JSON-path query): it rejects
   * with 'query-cancelled' and the last view stays. Answers whether one was running.
   */
  cancelView: call({ args: [], returns: answer<{ cancelled: boolean }>(), scope: 'session', by: 'service' }),
  /** A window of rows of a view. */
  getRows: call({ args: [arg('request', RowsRequestSchema)], returns: answer<RowsResult>(), scope: 'session', by: 'service' }),
  /** One event's original JSON, for the viewer. */
  getEvent: call({ args: [arg('id', wholeNumber())], returns: answer<EventDetail>(), scope: 'session', by: 'service' }),
  /** The top values of a view's result per facet, with counts (for the facets panel). */
  getFacets: call({ args: [arg('request', FacetsRequestSchema)], returns: answer<Facet[]>(), scope: 'session', by: 'service' }),
  /** A view's result per time bucket, errors and successes apart (for the timeline). */
  getHistogram: call({ args: [arg('request', HistogramRequestSchema)], returns: answer<Histogram>(), scope: 'session', by: 'service' }),
  /** All values of one field in a view's result, searchable, most frequent or rarest first. */
  getFacetValues: call({ args: [arg('request', FacetValuesRequestSchema)], returns: answer<FacetValuesResult>(), scope: 'session', by: 'service' }),
}
