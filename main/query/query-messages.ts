// Messages between the main thread and its query worker (views) and count worker (facets and the
// histogram of a view).

import type { QueryError, ViewSpec } from '../../common/ipc-contract'
import type { Facet, FacetField, Histogram } from '../../common/query/facet-query'
import type { FacetValuesRequest, FacetValuesResult } from '../../common/ipc-contract'
import type { MirrorUpdate } from '../store/mirror-update'

export interface ViewJob {
  id: number
  spec: ViewSpec
  update: MirrorUpdate
  /** Id runs [first, end) of hidden sources, left out of the result. */
  hidden: [number, number][]
}

/** The ids come back in a SharedArrayBuffer: the count worker reads them where they are. */
export type ViewJobResult = { id: number; ids: Uint32Array; error?: QueryError } | { id: number; failure: string }

/** What a count asks for: the facets of some fields, or the histogram. */
export type CountRequest =
  | { kind: 'facets'; fields: readonly FacetField[]; limit: number }
  | { kind: 'histogram'; buckets: number; levels?: Uint8Array }
  /** One facet in full ("show all", facet-values.ts). */
  | { kind: 'values'; request: FacetValuesRequest }

export type CountJob = CountRequest & {
  id: number
  update: MirrorUpdate
  /** The view (its id orders it once for both its facets and its histogram) and its ids, shared. */
  viewId: number
  ids: Uint32Array
}

export type CountJobResult = { id: number; facets: Facet[] } | { id: number; histogram: Histogram } | { id: number; values: FacetValuesResult } | { id: number; failure: string }
