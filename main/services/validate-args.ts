// Arguments of every call arrive untrusted: over Electron IPC from a renderer that may have been
// compromised, or over the web-mode WebSocket from whatever reached the server. Each call's
// arguments are checked here, in one place both shells use, and rebuilt as fresh objects that
// hold only the known fields (so nothing unexpected, such as a __proto__ key, reaches a service).
// Failures throw an Error whose message says what was wrong; it is what the caller sees.

import { ROW_COLUMNS, type RowColumn } from '../../common/event-row'
import type { AshiatoCalls, CallName, FacetsRequest, HistogramRequest, RowsRequest, SortDirection, ViewSpec } from '../../common/ipc-contract'
import type { S3Connection, S3Location, S3OpenRequest } from '../../common/ipc-contract'
import type { EventSelection, ExportFormat, ExportRequest } from '../../common/ipc-contract'
import type { FacetValuesRequest } from '../../common/ipc-contract'
import { FACET_FIELDS, type FacetField } from '../../common/query/facet-query'
import { eventIdArg, graphArg, principalArg } from './validate-identity-args'

export type CallArgs<K extends CallName> = Parameters<AshiatoCalls[K]>

/** Limits that keep one message from costing the process much: far above any real use. */
export const LIMITS = {
  paths: 100_000,
  pathLength: 32_768,
  queryLength: 100_000,
  rowsPerRequest: 10_000,
  urlLength: 2_048,
  facetValues: 1_000,
  histogramBuckets: 2_000,
  s3NameLength: 1_024,
  s3ListItems: 10_000,
  s3Concurrency: 512,
  /** An S3 range lists every day folder of every account and region: ten years is plenty. */
  s3RangeDays: 3_660,
  /** Explicit ids in a selection (a bigger one is "all of a view" and stays in main). */
  selectionIds: 500_000,
  /** Rows asked about at once in selectionMembers (a screenful, or a window of rows). */
  memberIds: 10_000,
  /** A list-public-keys file: a few KB per key. */
  publicKeysJson: 10 * 1024 * 1024,
  /** fieldValues: a screenful of rows, a few field columns. */
  fieldValueIds: 1_000,
  fieldValuePaths: 16,
  fieldPathLength: 200,
  /** getFacetValues: values returned at most. */
  facetAllValues: 5_000,
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

function facetsRequest(call: string, value: unknown): FacetsRequest {
  if (!isPlainObject(value)) fail(call, 'expected { viewId, fields?, limit? }')
  const request: FacetsRequest = { viewId: nonNegativeInteger(call, 'viewId', value.viewId) }
  if (value.fields !== undefined) {
    if (!Array.isArray(value.fields)) fail(call, 'fields must be a list of facet names')
    if (value.fields.length > FACET_FIELDS.length) fail(call, `too many fields (at most ${FACET_FIELDS.length})`)
    request.fields = value.fields.map((field: unknown) => {
      if (!FACET_FIELDS.includes(field as FacetField)) fail(call, `unknown facet ${JSON.stringify(field)}`)
      return field as FacetField
    })
  }
  if (value.limit !== undefined) request.limit = nonNegativeInteger(call, 'limit', value.limit, LIMITS.facetValues)
  return request
}

function histogramRequest(call: string, value: unknown): HistogramRequest {
  if (!isPlainObject(value)) fail(call, 'expected { viewId, buckets? }')
  const request: HistogramRequest = { viewId: nonNegativeInteger(call, 'viewId', value.viewId) }
  if (value.buckets !== undefined) {
    const buckets = nonNegativeInteger(call, 'buckets', value.buckets, LIMITS.histogramBuckets)
    if (buckets < 1) fail(call, 'buckets must be at least 1')
    request.buckets = buckets
  }
  return request
}

// S3: names and ranges only (credentials never cross the contract). An empty string is "not set".

const S3_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
// The shape of a bucket name; S3-compatible servers are laxer than AWS about the rest.
const S3_BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/

function optionalName(call: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') fail(call, `${name} must be a string`)
  if (value.length > LIMITS.s3NameLength) fail(call, `${name} is too long`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) fail(call, `${name} contains a control character`)
  return value
}

function s3Connection(call: string, value: unknown): S3Connection {
  if (!isPlainObject(value)) fail(call, 'expected { profile?, region?, endpointUrl? }')
  const out: S3Connection = {}
  const profile = optionalName(call, 'profile', value.profile)
  if (profile !== undefined) out.profile = profile
  const region = optionalName(call, 'region', value.region)
  if (region !== undefined) {
    if (!S3_REGION.test(region)) fail(call, `not an AWS region: ${JSON.stringify(region)} (for example us-east-1)`)
    out.region = region
  }
  const endpoint = optionalName(call, 'endpointUrl', value.endpointUrl)
  if (endpoint !== undefined) {
    let url: URL | undefined
    try {
      url = new URL(endpoint)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail(call, `the endpoint URL must be an http:// or https:// URL, not ${JSON.stringify(endpoint)}`)
    if (endpoint.length > LIMITS.urlLength) fail(call, 'the endpoint URL is too long')
    out.endpointUrl = endpoint
  }
  if (value.allowPlainHttp !== undefined) {
    if (typeof value.allowPlainHttp !== 'boolean') fail(call, 'allowPlainHttp must be true or false')
    out.allowPlainHttp = value.allowPlainHttp
  }
  return out
}

function s3Location(call: string, value: unknown): S3Location {
  const out: S3Location = { ...s3Connection(call, value), bucket: '' }
  const { bucket, prefix } = value as Record<string, unknown>
  if (typeof bucket !== 'string' || !S3_BUCKET.test(bucket)) fail(call, `not a bucket name: ${JSON.stringify(typeof bucket === 'string' ? bucket.slice(0, 100) : bucket)}`)
  out.bucket = bucket
  const p = optionalName(call, 'prefix', prefix)
  if (p !== undefined) out.prefix = p
  return out
}

function stringList(call: string, name: string, value: unknown, pattern: RegExp, what: string): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) fail(call, `${name} must be a list`)
  if (value.length > LIMITS.s3ListItems) fail(call, `too many ${name} (at most ${LIMITS.s3ListItems})`)
  return value.map((item: unknown) => {
    if (typeof item !== 'string' || !pattern.test(item)) fail(call, `${name}: not ${what}: ${JSON.stringify(item)}`)
    return item
  })
}

function s3OpenRequest(call: string, value: unknown): S3OpenRequest {
  const location = s3Location(call, value)
  const v = value as Record<string, unknown>
  if (typeof v.from !== 'number' || !Number.isFinite(v.from) || typeof v.to !== 'number' || !Number.isFinite(v.to)) fail(call, 'from and to must be times in ms')
  if (v.to <= v.from) fail(call, 'the date range is empty: "to" must be after "from"')
  if (v.to - v.from > LIMITS.s3RangeDays * 86_400_000) fail(call, `the date range is longer than ${LIMITS.s3RangeDays} days`)
  const out: S3OpenRequest = { ...location, from: v.from, to: v.to }
  const accounts = stringList(call, 'accounts', v.accounts, /^\d{12}$/, 'an account ID')
  if (accounts) out.accounts = accounts
  const regions = stringList(call, 'regions', v.regions, S3_REGION, 'a region')
  if (regions) out.regions = regions
  if (v.includeInsight !== undefined) {
    if (typeof v.includeInsight !== 'boolean') fail(call, 'includeInsight must be true or false')
    out.includeInsight = v.includeInsight
  }
  if (v.includeDigests !== undefined) {
    if (typeof v.includeDigests !== 'boolean') fail(call, 'includeDigests must be true or false')
    out.includeDigests = v.includeDigests
  }
  if (v.concurrency !== undefined) {
    const n = nonNegativeInteger(call, 'concurrency', v.concurrency, LIMITS.s3Concurrency)
    if (n < 1) fail(call, 'concurrency must be at least 1')
    out.concurrency = n
  }
  return out
}

// Selection, export and copy.

const EXPORT_FORMATS: readonly ExportFormat[] = ['records', 'jsonl', 'csv']

function idList(call: string, name: string, value: unknown, max: number): number[] {
  if (!Array.isArray(value)) fail(call, `${name} must be a list of event ids`)
  if (value.length > max) fail(call, `too many ${name} (${value.length}; at most ${max})`)
  for (let i = 0; i < value.length; i++) {
    const id: unknown = value[i]
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 0xffffffff) fail(call, `${name}: item ${i + 1} is not an event id`)
  }
  return value.slice() as number[]
}

function eventSelection(call: string, value: unknown): EventSelection {
  if (!isPlainObject(value)) fail(call, 'selection must be { ids } or { viewId, except? }')
  if (value.ids !== undefined) {
    if (value.viewId !== undefined) fail(call, 'selection has both ids and viewId')
    return { ids: idList(call, 'ids', value.ids, LIMITS.selectionIds) }
  }
  const selection: EventSelection = { viewId: nonNegativeInteger(call, 'viewId', value.viewId) }
  if (value.except !== undefined) selection.except = idList(call, 'except', value.except, LIMITS.selectionIds)
  if (value.plus !== undefined) selection.plus = idList(call, 'plus', value.plus, LIMITS.selectionIds)
  return selection
}

function exportRequest(call: string, value: unknown): ExportRequest {
  if (!isPlainObject(value)) fail(call, 'expected { selection, format, gzip, extraColumns?, viewId? }')
  const format = value.format as ExportFormat
  if (!EXPORT_FORMATS.includes(format)) fail(call, `format must be one of ${EXPORT_FORMATS.join(', ')}`)
  if (typeof value.gzip !== 'boolean') fail(call, 'gzip must be true or false')
  const request: ExportRequest = { selection: eventSelection(call, value.selection), format, gzip: value.gzip }
  if (value.extraColumns !== undefined) {
    if (!Array.isArray(value.extraColumns) || value.extraColumns.length > ROW_COLUMNS.length) fail(call, 'extraColumns must be a list of columns')
    request.extraColumns = value.extraColumns.map((column: unknown) => {
      if (!ROW_COLUMNS.includes(column as RowColumn)) fail(call, `unknown column ${JSON.stringify(column)}`)
      return column as RowColumn
    })
  }
  if (value.viewId !== undefined) request.viewId = nonNegativeInteger(call, 'viewId', value.viewId)
  return request
}

type Validators = { [K in CallName]: (args: unknown[]) => CallArgs<K> }

const none =
  (call: string) =>
  (args: unknown[]): [] => {
    expectCount(call, args, 0)
    return []
  }

const validators: Validators = {
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
  getFacets: (args) => {
    expectCount('getFacets', args, 1)
    return [facetsRequest('getFacets', args[0])]
  },
  getHistogram: (args) => {
    expectCount('getHistogram', args, 1)
    return [histogramRequest('getHistogram', args[0])]
  },
  openExternal: (args) => {
    expectCount('openExternal', args, 1)
    const url = args[0]
    if (typeof url !== 'string' || url.length === 0) fail('openExternal', 'expected a URL string')
    if (url.length > LIMITS.urlLength) fail('openExternal', 'URL is too long')
    // Which URLs may open is the shell's decision (main/electron/external-links.ts).
    return [url]
  },
  s3Profiles: none('s3Profiles'),
  clearS3Cache: none('clearS3Cache'),
  s3Buckets: (args) => {
    expectCount('s3Buckets', args, 1)
    return [s3Connection('s3Buckets', args[0])]
  },
  s3Discover: (args) => {
    expectCount('s3Discover', args, 1)
    return [s3Location('s3Discover', args[0])]
  },
  openS3Trail: (args) => {
    expectCount('openS3Trail', args, 1)
    return [s3OpenRequest('openS3Trail', args[0])]
  },
  selectView: (args) => {
    expectCount('selectView', args, 1)
    return [nonNegativeInteger('selectView', 'viewId', args[0])]
  },
  countHidden: (args) => {
    expectCount('countHidden', args, 1)
    const value = args[0]
    if (!isPlainObject(value)) fail('countHidden', 'expected { viewId, selection }')
    return [{ viewId: nonNegativeInteger('countHidden', 'viewId', value.viewId), selection: eventSelection('countHidden', value.selection) }]
  },
  selectionMembers: (args) => {
    expectCount('selectionMembers', args, 1)
    const value = args[0]
    if (!isPlainObject(value)) fail('selectionMembers', 'expected { selection, ids }')
    return [{ selection: eventSelection('selectionMembers', value.selection), ids: idList('selectionMembers', 'ids', value.ids, LIMITS.memberIds) }]
  },
  exportEvents: (args) => {
    expectCount('exportEvents', args, 1)
    return [exportRequest('exportEvents', args[0])]
  },
  cancelExport: none('cancelExport'),
  showExportedFile: (args) => {
    expectCount('showExportedFile', args, 1)
    // Only a file this session exported is shown (main/electron/shell-calls.ts checks).
    return [pathList('showExportedFile', [args[0]])[0]]
  },
  fieldCatalogue: none('fieldCatalogue'),
  getFacetValues: (args) => {
    expectCount('getFacetValues', args, 1)
    const value = args[0]
    if (!isPlainObject(value)) fail('getFacetValues', 'expected { viewId, field, search?, order?, limit? }')
    if (typeof value.field !== 'string' || value.field.length === 0 || value.field.length > LIMITS.fieldPathLength) fail('getFacetValues', `field must be a string of 1 to ${LIMITS.fieldPathLength} characters`)
    const request: FacetValuesRequest = { viewId: nonNegativeInteger('getFacetValues', 'viewId', value.viewId), field: value.field }
    if (value.search !== undefined) {
      if (typeof value.search !== 'string' || value.search.length > LIMITS.fieldPathLength) fail('getFacetValues', `search must be a string of at most ${LIMITS.fieldPathLength} characters`)
      request.search = value.search
    }
    if (value.order !== undefined) {
      if (value.order !== 'count' && value.order !== 'rarest') fail('getFacetValues', "order must be 'count' or 'rarest'")
      request.order = value.order
    }
    if (value.limit !== undefined) request.limit = nonNegativeInteger('getFacetValues', 'limit', value.limit, LIMITS.facetAllValues)
    return [request]
  },
  fieldValues: (args) => {
    expectCount('fieldValues', args, 1)
    const value = args[0]
    if (!isPlainObject(value) || !Array.isArray(value.ids) || !Array.isArray(value.paths)) fail('fieldValues', 'expected { ids, paths }')
    if (value.ids.length > LIMITS.fieldValueIds) fail('fieldValues', `too many ids (at most ${LIMITS.fieldValueIds})`)
    if (value.paths.length > LIMITS.fieldValuePaths) fail('fieldValues', `too many paths (at most ${LIMITS.fieldValuePaths})`)
    const ids = value.ids.map((id: unknown) => nonNegativeInteger('fieldValues', 'id', id))
    const paths = value.paths.map((path: unknown) => {
      if (typeof path !== 'string' || path.length === 0 || path.length > LIMITS.fieldPathLength) fail('fieldValues', `each path must be a string of 1 to ${LIMITS.fieldPathLength} characters`)
      return path
    })
    return [{ ids, paths }]
  },
  copyEvents: (args) => {
    expectCount('copyEvents', args, 1)
    const value = args[0]
    if (!isPlainObject(value)) fail('copyEvents', 'expected { selection, viewId? }')
    const request: { selection: EventSelection; viewId?: number } = { selection: eventSelection('copyEvents', value.selection) }
    if (value.viewId !== undefined) request.viewId = nonNegativeInteger('copyEvents', 'viewId', value.viewId)
    return [request]
  },
  integrityReport: none('integrityReport'),
  addPublicKeys: (args) => {
    expectCount('addPublicKeys', args, 1)
    const json = args[0]
    if (typeof json !== 'string' || json.length > LIMITS.publicKeysJson) fail('addPublicKeys', `expected the JSON text of a key file, at most ${LIMITS.publicKeysJson} characters`)
    return [json]
  },
  fetchPublicKeys: (args) => {
    expectCount('fetchPublicKeys', args, 1)
    const value = args[0]
    if (!isPlainObject(value) || typeof value.profile !== 'string' || value.profile.length > LIMITS.s3NameLength) fail('fetchPublicKeys', 'expected { profile }')
    return [{ profile: value.profile }]
  },
  eventIntegrity: (args) => {
    expectCount('eventIntegrity', args, 1)
    const ids = args[0]
    if (!Array.isArray(ids) || ids.length > LIMITS.memberIds) fail('eventIntegrity', `expected at most ${LIMITS.memberIds} event ids`)
    return [ids.map((id) => nonNegativeInteger('eventIntegrity', 'id', id))]
  },
  credentialChain: (args) => eventIdArg('credentialChain', args),
  principalDossier: (args) => principalArg('principalDossier', args),
  credentialGraph: (args) => graphArg('credentialGraph', args),
  detectionsSummary: none('detectionsSummary'),
  eventDetectionLevels: (args) => {
    expectCount('eventDetectionLevels', args, 1)
    const ids = args[0]
    if (!Array.isArray(ids) || ids.length > LIMITS.memberIds) fail('eventDetectionLevels', `expected at most ${LIMITS.memberIds} event ids`)
    return [ids.map((id) => nonNegativeInteger('eventDetectionLevels', 'id', id))]
  },
  eventDetections: (args) => eventIdArg('eventDetections', args),
}

/** Checks one call's untrusted arguments; returns them typed, or throws an ArgumentError. */
export function validateArgs<K extends CallName>(name: K, args: unknown): CallArgs<K> {
  if (!Array.isArray(args)) fail(name, 'arguments must be a list')
  return validators[name](args)
}
