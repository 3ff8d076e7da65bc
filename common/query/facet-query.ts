// Facets and the time histogram as the renderer receives them, and the query text a click on a
// facet value adds ("only this" / "not this"). Building text rather than an AST keeps the filter
// bar the single source of truth: what the user sees is what runs.

import { tryParseQuery } from './parser'

/** Fields with a facet (the list columns worth counting). */
export type FacetField = 'eventName' | 'eventSource' | 'user' | 'identityType' | 'sourceIp' | 'region' | 'account' | 'errorCode' | 'readOnly'

export const FACET_FIELDS: readonly FacetField[] = ['eventName', 'eventSource', 'user', 'identityType', 'sourceIp', 'region', 'account', 'errorCode', 'readOnly']

/** The query field a facet filters on (a short name, see fields.ts). */
export const FACET_QUERY_FIELD: Readonly<Record<FacetField, string>> = {
  eventName: 'event',
  eventSource: 'source',
  user: 'user',
  identityType: 'identityType',
  sourceIp: 'ip',
  region: 'region',
  account: 'account',
  errorCode: 'error',
  readOnly: 'readOnly',
}

export interface FacetValue {
  value: string
  count: number
}

export interface Facet {
  field: FacetField
  /** Most frequent first (ties by value); at most the limit asked for. */
  values: FacetValue[]
  /** Distinct non-empty values in the result. */
  distinct: number
  /** Events of the result without this field (or with it empty). */
  missing: number
}

/** Events per time bucket; bucket i covers [start + i·bucketMs, start + (i+1)·bucketMs). */
export interface Histogram {
  start: number
  bucketMs: number
  /** Events with an errorCode. */
  errors: number[]
  successes: number[]
  /** Events of the result without a readable eventTime (in no bucket). */
  untimed: number
  /**
   * Events with a detection per bucket, by their highest level: levels[rank][bucket], rank as in
   * DETECTION_LEVELS (common/detections.ts). Absent when no event of the result matched a rule.
   */
  levels?: number[][]
  /** Untimed events with a detection, by their highest level (rank as in `levels`); absent when none. */
  untimedLevels?: number[]
}

/** A value as query text: bare when it can be, else quoted. `*`, `?`, `\` and `"` are escaped. */
export function quoteValue(value: string): string {
  const escaped = value.replace(/[\\*?"]/g, '\\$&')
  return value === '' || /[\s()"]/.test(value) ? `"${escaped}"` : escaped
}

/** `field:value`, or `not field:value`; a null value means "the field is missing". */
export function fieldClause(field: string, value: string | null, exclude = false): string {
  if (value === null) return exclude ? `${field}:*` : `not ${field}:*`
  const clause = `${field}:${quoteValue(value)}`
  return exclude ? `not ${clause}` : clause
}

/** The clause for a click on a facet value (null: the "missing" row). */
export function facetClause(facet: FacetField, value: string | null, exclude = false): string {
  return fieldClause(FACET_QUERY_FIELD[facet], value, exclude)
}

/**
 * Adds a clause to a query with `and` semantics. A query whose top level is `or` is put in
 * parentheses first, since `and` binds tighter: `a or b` + `c` must not become `a or (b c)`.
 */
export function appendClause(query: string, clause: string): string {
  const trimmed = query.trim()
  if (trimmed === '') return clause
  const parsed = tryParseQuery(trimmed)
  if (parsed.ok && parsed.ast.type === 'or') return `(${trimmed}) ${clause}`
  return `${trimmed} ${clause}`
}
