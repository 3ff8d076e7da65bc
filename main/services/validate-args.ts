// Arguments of every call arrive untrusted: over Electron IPC from a renderer that may have been
// compromised, or over the web-mode WebSocket from whatever reached the server. Each call's
// arguments are checked here, in one place both shells use, and rebuilt as fresh objects that
// hold only the known fields (so nothing unexpected, such as a __proto__ key, reaches a service).
// Failures throw an Error whose message says what was wrong; it is what the caller sees.

import { ROW_COLUMNS, type RowColumn } from '../../common/event-row'
import type { AshiatoCalls, CallName, RowsRequest, SortDirection, ViewSpec } from '../../common/ipc-contract'

export type CallArgs<K extends CallName> = Parameters<AshiatoCalls[K]>

/** Limits that keep one message from costing the process much: far above any real use. */
export const LIMITS = {
  paths: 100_000,
  pathLength: 32_768,
  queryLength: 100_000,
  rowsPerRequest: 10_000,
  urlLength: 2_048,
} as const

export class ArgumentError extends Error {
  override name = 'ArgumentError'
}

function fail(call: string, what: string): never {
  throw new ArgumentError(`${call}: ${what}`)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function expectCount(call: string, args: unknown[], count: number): void {
  if (args.length !== count) fail(call, `expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`)
}

function nonNegativeInteger(call: string, name: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    fail(call, `${name} must be a whole number from 0 to ${max}`)
  }
  return value
}

function optionalTime(call: string, name: string, value: unknown): number | null | undefined {
  if (value === undefined || value === null) return value
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(call, `${name} must be a time in ms, or null`)
  return value
}

function pathList(call: string, value: unknown): string[] {
  if (!Array.isArray(value)) fail(call, 'expected a list of paths')
  if (value.length > LIMITS.paths) fail(call, `too many paths (${value.length}; at most ${LIMITS.paths})`)
  return value.map((item, index) => {
    if (typeof item !== 'string' || item.length === 0) fail(call, `path ${index + 1} is not a non-empty string`)
    if (item.length > LIMITS.pathLength) fail(call, `path ${index + 1} is too long`)
    // A NUL byte would truncate the path in the OS call: refuse rather than open something else.
    if (item.includes('\0')) fail(call, `path ${index + 1} contains a NUL character`)
    return item
  })
}

function viewSpec(call: string, value: unknown): ViewSpec {
  if (!isPlainObject(value)) fail(call, 'expected a view { query, from?, to?, sort? }')
  const { query, from, to, sort } = value
  if (typeof query !== 'string') fail(call, 'query must be a string')
  if (query.length > LIMITS.queryLength) fail(call, `query is too long (at most ${LIMITS.queryLength} characters)`)
  const spec: ViewSpec = { query, from: optionalTime(call, 'from', from), to: optionalTime(call, 'to', to) }
  if (sort !== undefined) {
    if (!isPlainObject(sort)) fail(call, 'sort must be { column, direction }')
    const column = sort.column as RowColumn
    if (!ROW_COLUMNS.includes(column)) fail(call, `unknown sort column ${JSON.stringify(sort.column)}`)
    const direction = sort.direction as SortDirection
    if (direction !== 'asc' && direction !== 'desc') fail(call, "sort direction must be 'asc' or 'desc'")
    spec.sort = { column, direction }
  }
  return spec
}

function rowsRequest(call: string, value: unknown): RowsRequest {
  if (!isPlainObject(value)) fail(call, 'expected { viewId, start, count }')
  return {
    viewId: nonNegativeInteger(call, 'viewId', value.viewId),
    start: nonNegativeInteger(call, 'start', value.start),
    count: nonNegativeInteger(call, 'count', value.count, LIMITS.rowsPerRequest),
  }
}

type Validators = { [K in CallName]: (args: unknown[]) => CallArgs<K> }

const none =
  (call: string) =>
  (args: unknown[]): [] => {
    expectCount(call, args, 0)
    return []
  }

const validators: Validators = {
  appInfo: none('appInfo'),
  openFilesDialog: none('openFilesDialog'),
  cancelLoad: none('cancelLoad'),
  clearAll: none('clearAll'),
  fileReports: none('fileReports'),
  loadPaths: (args) => {
    expectCount('loadPaths', args, 1)
    return [pathList('loadPaths', args[0])]
  },
  setView: (args) => {
    expectCount('setView', args, 1)
    return [viewSpec('setView', args[0])]
  },
  getRows: (args) => {
    expectCount('getRows', args, 1)
    return [rowsRequest('getRows', args[0])]
  },
  getEvent: (args) => {
    expectCount('getEvent', args, 1)
    return [nonNegativeInteger('getEvent', 'id', args[0])]
  },
  openExternal: (args) => {
    expectCount('openExternal', args, 1)
    const url = args[0]
    if (typeof url !== 'string' || url.length === 0) fail('openExternal', 'expected a URL string')
    if (url.length > LIMITS.urlLength) fail('openExternal', 'URL is too long')
    // Which URLs may open is the shell's decision (main/electron/external-links.ts).
    return [url]
  },
}

/** Checks one call's untrusted arguments; returns them typed, or throws an ArgumentError. */
export function validateArgs<K extends CallName>(name: K, args: unknown): CallArgs<K> {
  if (!Array.isArray(args)) fail(name, 'arguments must be a list')
  return validators[name](args)
}
