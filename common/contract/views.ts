// Views: a query, a time range and a sort over the loaded set, and what the list, the facets and
// the field columns ask of one (part of the contract, see common/ipc-contract.ts).

import type { EventRow, RowColumn } from '../event-row'
import type { FacetField, FacetValue } from '../query/facet-query'

export type { Facet, FacetField, FacetValue, Histogram } from '../query/facet-query'

export type SortDirection = 'asc' | 'desc'

export interface ViewSpec {
  /** The filter bar's text (see common/query). Empty matches everything. */
  query: string
  /** Inclusive lower bound on eventTime, ms since the epoch. */
  from?: number | null
  /** Exclusive upper bound on eventTime, ms since the epoch. */
  to?: number | null
  sort?: { column: RowColumn; direction: SortDirection }
}

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

export interface RowsRequest {
  viewId: number
  /** Position in the view (0 = first in its sort order). */
  start: number
  count: number
}

export interface RowsResult {
  viewId: number
  start: number
  rows: EventRow[]
}

export interface FacetsRequest {
  viewId: number
  /** Which facets, in this order; every facet (FACET_FIELDS) when left out. */
  fields?: FacetField[]
  /** Top values per facet (default 10, at most 1000). */
  limit?: number
}

export interface HistogramRequest {
  viewId: number
  /** At most this many buckets (default 100, at most 2000); the bucket size is a nice round one. */
  buckets?: number
}

/** One facet in full (the facets panel's "show all", its search box and "rarest first"). */
export interface FacetValuesRequest {
  viewId: number
  /** A facet's field (eventName, accessKey, ...) or any dotted field path (userAgent, requestParameters.bucketName). */
  field: string
  /** Only values containing this text (case-insensitive). */
  search?: string
  /** 'count': most frequent first (default); 'rarest': least frequent first. Ties by value. */
  order?: 'count' | 'rarest'
  /** At most this many values (default and most: 5,000). */
  limit?: number
}

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

/** Any field of some events, for the list's field columns (a screenful at a time). */
export interface FieldValuesRequest {
  /** Event ids (at most 1,000). */
  ids: number[]
  /** Dotted paths, case-insensitive, arrays walked through (at most 16, each at most 200 characters). */
  paths: string[]
}

/** A field seen in the loaded set, and in how many of the sampled events. */
export interface CatalogueField {
  path: string
  count: number
}

/** The fields seen in the loaded set (the field columns' and facets' chooser). */
export interface FieldCatalogue {
  fields: CatalogueField[]
  /** Events read to build it (evenly spaced over the set), out of total. */
  sampled: number
  total: number
}
