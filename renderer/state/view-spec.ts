// What the find controls mean as a ViewSpec: the filter text, the quick views layered on it, the
// time range (a preset counts back from the newest loaded event) and the sort. Pure, so the
// combination rules are tested without a page.

import type { RowColumn } from '../../common/event-row'
import type { SortDirection, ViewSpec } from '../../common/ipc-contract'
import { fieldClause } from '../../common/query/facet-query'

// ------------------------------------------------------------------------------- quick views

export type QuickViewId = 'changes' | 'errors' | 'denied'

export const QUICK_VIEWS: readonly QuickViewId[] = ['changes', 'errors', 'denied']

/** The clause each quick view adds (and-ed with the filter text). */
export const QUICK_VIEW_CLAUSES: Readonly<Record<QuickViewId, string>> = {
  changes: 'readOnly:false',
  errors: 'error:*',
  denied: '(error:*AccessDenied* or error:*Unauthorized*)',
}

/**
 * The query that runs: the filter text, and-ed with the active quick views. The text is put in
 * parentheses when there is something to add, since `and` binds tighter than `or`.
 */
export function combineQuery(query: string, quick: readonly QuickViewId[]): string {
  const clauses = QUICK_VIEWS.filter((id) => quick.includes(id)).map((id) => QUICK_VIEW_CLAUSES[id])
  const text = query.trim()
  if (clauses.length === 0) return text
  return [text === '' ? '' : `(${text})`, ...clauses].filter(Boolean).join(' ')
}

// ------------------------------------------------------------------------------- time range

export type PresetId = '30m' | '1h' | '3h' | '12h' | '1d' | '7d'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const PRESETS: readonly { id: PresetId; ms: number }[] = [
  { id: '30m', ms: 30 * MINUTE },
  { id: '1h', ms: HOUR },
  { id: '3h', ms: 3 * HOUR },
  { id: '12h', ms: 12 * HOUR },
  { id: '1d', ms: 24 * HOUR },
  { id: '7d', ms: 7 * 24 * HOUR },
]

export type TimeRange =
  | { kind: 'all' }
  /** The last `preset` before the newest loaded event (it moves as newer events arrive). */
  | { kind: 'preset'; preset: PresetId }
  /** Fixed bounds: from inclusive, to exclusive; null is open. */
  | { kind: 'custom'; from: number | null; to: number | null }

export const ALL_TIME: TimeRange = { kind: 'all' }

/** The bounds a range stands for, given the newest eventTime loaded (null: nothing loaded). */
export function rangeBounds(range: TimeRange, newest: number | null): { from: number | null; to: number | null } {
  if (range.kind === 'all') return { from: null, to: null }
  if (range.kind === 'custom') return { from: range.from, to: range.to }
  const preset = PRESETS.find((p) => p.id === range.preset)
  if (!preset || newest === null) return { from: null, to: null }
  // Open at the top, so events that arrive later (a load still running) stay in.
  return { from: newest - preset.ms, to: null }
}

/** A custom range from two instants in any order (a brush dragged right to left). */
export function customRange(a: number, b: number): TimeRange {
  return { kind: 'custom', from: Math.min(a, b), to: Math.max(a, b) }
}

// ------------------------------------------------------------------------------- sort

export interface Sort {
  column: RowColumn
  direction: SortDirection
}

export const DEFAULT_SORT: Sort = { column: 'time', direction: 'desc' }

/** A click on a column header: the same column flips, another starts newest / A→Z first. */
export function nextSort(current: Sort, column: RowColumn): Sort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { column, direction: column === 'time' ? 'desc' : 'asc' }
}

// ------------------------------------------------------------------------------- the spec

export interface FindState {
  query: string
  quick: readonly QuickViewId[]
  range: TimeRange
  sort: Sort
}

export function viewSpecOf(find: FindState, newest: number | null): ViewSpec {
  const { from, to } = rangeBounds(find.range, newest)
  return { query: combineQuery(find.query, find.quick), from, to, sort: { column: find.sort.column, direction: find.sort.direction } }
}

// ------------------------------------------------------------------------------- pivots

export type PivotKind = 'accessKey' | 'session' | 'user' | 'ip' | 'requestId'

export const PIVOTS: readonly PivotKind[] = ['accessKey', 'session', 'user', 'ip', 'requestId']

/** The query field each pivot filters on. */
const PIVOT_FIELDS: Readonly<Record<PivotKind, string>> = {
  accessKey: 'accessKey',
  session: 'userIdentity.principalId',
  user: 'user',
  ip: 'ip',
  requestId: 'requestID',
}

/** What one event offers to pivot on ('' when it lacks the field). */
export type PivotValues = Record<PivotKind, string>

function pathString(value: unknown, path: readonly string[]): string {
  let node = value
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return ''
    node = (node as Record<string, unknown>)[key]
  }
  return typeof node === 'string' ? node : ''
}

/** The pivot values of an event, from its row (when known) and its JSON text (when fetched). */
export function pivotValues(row: { accessKey?: string; sourceIp?: string; user?: string } | null, json: string | null): PivotValues {
  let event: unknown = null
  if (json !== null) {
    try {
      event = JSON.parse(json)
    } catch {
      event = null
    }
  }
  return {
    accessKey: row?.accessKey || pathString(event, ['userIdentity', 'accessKeyId']),
    session: pathString(event, ['userIdentity', 'principalId']),
    user: row?.user || pathString(event, ['userIdentity', 'userName']),
    ip: row?.sourceIp || pathString(event, ['sourceIPAddress']),
    requestId: pathString(event, ['requestID']) || pathString(event, ['requestId']),
  }
}

/** The query for "everything this … did". */
export function pivotQuery(kind: PivotKind, value: string): string {
  return fieldClause(PIVOT_FIELDS[kind], value)
}
