// The one typed contract between the renderer and the services (Electron main, or the web-mode
// server over a WebSocket). Every request/response call and every push event is declared here,
// documented, and listed in CALL_NAMES / PUSH_NAMES so that preload, main and the web transport
// are all built from the same list. Arguments are untrusted on the receiving side: main validates
// them (main/services/validate-args.ts) before use.

import type { EventDetail, EventRow, RowColumn } from './event-row'
import type { Facet, FacetField, Histogram } from './query/facet-query'
import type { CredentialChain, CredentialGraph, Dossier, PrincipalRef } from './identity'
import type { DetectionLevel, DetectionsSummary, RuleDetail } from './detections'

export type { Facet, FacetField, FacetValue, Histogram } from './query/facet-query'
import type { FacetValue } from './query/facet-query'

// ---------------------------------------------------------------------------------------------
// Loading

/** A file (or S3 object) that was read, or that failed. */
export interface FileReport {
  /** What the user knows the file as: a path, a dropped file's name, or s3://bucket/key. */
  file: string
  /** Events read from it (after the file's own damage, before dedupe across files). */
  events: number
  /** 'digest' files are recognised and counted, never shown as events. */
  kind: 'events' | 'digest' | 'error'
  /** Why it could not be read, or what was recovered from a damaged file. Empty when all is well. */
  reason: string
}

/** Progress of the running load, pushed at most every ~100 ms and once more when it ends. */
export interface LoadProgress {
  loadId: number
  filesDone: number
  filesTotal: number
  bytesDone: number
  bytesTotal: number
  /** Events in the loaded set so far (all loads, after dedupe). */
  events: number
  /** Exact duplicates dropped so far (same eventID, recipientAccountId and text but for whitespace). */
  duplicates: number
  /** Events in the set sharing eventID and account with a different event (all kept, each marked). */
  idCollisions: number
  /** Events in the set without a readable eventTime (kept, listed last, outside time filters). */
  noTime: number
  digests: number
  errors: number
  /** True once, when the load has finished, failed as a whole or was cancelled. */
  done: boolean
  cancelled: boolean
  /** Wall time of the load so far. */
  elapsedMs: number
}

export interface LoadStarted {
  loadId: number
}

// ---------------------------------------------------------------------------------------------
// Views: a query, a time range and a sort over the loaded set

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

// ---------------------------------------------------------------------------------------------
// Opening a trail straight from its S3 bucket. AWS credentials stay in main (the SDK's default
// chain for the chosen profile): the renderer only ever sees and sends profile names.

/** Where and as whom, as in the AWS CLI (--profile, --region, --endpoint-url). All optional. */
export interface S3Connection {
  /** A profile from ~/.aws/config or ~/.aws/credentials; absent = the default credential chain. */
  profile?: string
  /** The region to start from; the bucket's own region is followed automatically. */
  region?: string
  /** An S3-compatible server or a VPC endpoint (http:// or https://), addressed path-style. */
  endpointUrl?: string
  /**
   * Plain http:// to a host other than loopback sends the signed request (access key ID, session
   * token) across the network in clear: refused unless this is set (the S3 dialog's confirmation).
   */
  allowPlainHttp?: boolean
}

/** A profile the user can pick: its name and what it says, never a secret. */
export interface S3ProfileInfo {
  name: string
  region?: string
  /** An IAM Identity Center profile: `aws sso login --profile NAME` renews its session. */
  sso: boolean
}

export interface S3BucketInfo {
  name: string
  region?: string
}

/** Where to look for the trail: a bucket and the trail's key prefix (or a path under AWSLogs/). */
export interface S3Location extends S3Connection {
  bucket: string
  prefix?: string
}

/** What a bucket's CloudTrail layout holds, found with delimiter listings (never the whole bucket). */
export interface S3Layout {
  orgIds: string[]
  accounts: string[]
  regions: string[]
  /** CloudTrail-Insight folders exist (loaded only when asked). */
  hasInsight: boolean
  /** CloudTrail-Digest folders exist (integrity files: never loaded as events). */
  hasDigest: boolean
}

export interface S3OpenRequest extends S3Location {
  /** Only these accounts / regions; empty or absent means all that were found. */
  accounts?: string[]
  regions?: string[]
  includeInsight?: boolean
  /** Also download the range's CloudTrail-Digest files (and the newest ones' signatures) for the Integrity panel. */
  includeDigests?: boolean
  /** eventTime range, ms since the epoch: from inclusive, to exclusive. Events outside it are dropped. */
  from: number
  to: number
  /** Downloads in flight (default 16). */
  concurrency?: number
}

/** Progress of an S3 open (throttled), from discovery to the last object parsed. */
export interface S3OpenProgress {
  /** The load the objects join (openS3Trail's answer). */
  loadId: number
  /** 'loading': every object is downloaded and the last ones are being read. */
  phase: 'discovering' | 'listing' | 'downloading' | 'loading' | 'done'
  /** Objects downloaded or found in the cache, of those listed so far. */
  objectsDone: number
  objectsTotal: number
  bytesDone: number
  bytesTotal: number
  fromCache: number
  /** Objects that could not be fetched (each also comes as a fileReport named s3://bucket/key). */
  failed: number
  /** Every day folder has been listed: the totals are final. */
  listingDone: boolean
  /** Events read from the objects so far (inside the range). */
  events: number
  /** S3 could not be reached: objects come from the cache. */
  offline: boolean
  /** True once, on the last push of this open. */
  done: boolean
  cancelled: boolean
  /** Something to read (offline, nothing in the range). */
  notice?: string
  /** The open failed as a whole (no such bucket, denied, expired session...): what to do. */
  error?: string
}

// ---------------------------------------------------------------------------------------------
// Selection, export and copy. A selection is either explicit event ids (a few hundred thousand
// at most, fine as numbers) or "every event of a view" (Ctrl/Cmd-A), kept in main, minus the ones
// Ctrl/Cmd-clicked off and plus others clicked on: the ids of a big result never cross to the renderer.

export type EventSelection = { ids: number[] } | { viewId: number; except?: number[]; plus?: number[] }

/** records: CloudTrail's {"Records":[...]} file. jsonl: one event per line. csv: the console's columns. */
export type ExportFormat = 'records' | 'jsonl' | 'csv'

export interface ExportRequest {
  selection: EventSelection
  format: ExportFormat
  gzip: boolean
  /** CSV: columns after the console's twelve (the list's chosen columns). */
  extraColumns?: RowColumn[]
  /** The view on screen: explicit ids are written in its order (those it hides after, by time). */
  viewId?: number
}

/** An export that was written (Electron: the file chosen in the save dialog). */
export interface ExportDone {
  events: number
  /** Bytes written (compressed when gzipped). */
  bytes: number
  path: string
}

/** Web mode: the export is ready to download from this same-origin address, once. */
export interface ExportDownload {
  download: string
  fileName: string
  events: number
}

/** Progress of a running export (throttled), and once more when it ends. */
export interface ExportProgress {
  exportId: number
  /** Events written so far, of `total`. */
  done: number
  total: number
  /** True once, on the last push of this export. */
  finished: boolean
  cancelled: boolean
  /** The file (Electron) or the download's name (web mode). */
  path: string
  error?: string
  /** Set on the last push of an export that succeeded. */
  result?: ExportDone
}

export interface SelectionCount {
  /** Events in the selection. */
  selected: number
  /** Of those, how many the view does not show (hidden by the filter or time range). */
  hidden: number
}

/** Events copied as JSON Lines. Web mode gets the text to put on the clipboard; Electron's main already did. */
export interface CopyResult {
  events: number
  text?: string
}

// ---------------------------------------------------------------------------------------------
// Integrity: the loaded log files checked against the loaded digest files (main/integrity)

export type IntegrityLogStatus = 'valid' | 'modified' | 'missing' | 'not-in-digest' | 'not-covered'
export type IntegrityDigestStatus = 'valid' | 'invalid-signature' | 'key-unknown' | 'signature-unavailable' | 'chain-break' | 'missing'

/** One digest or log file's verdict; `detail` says why (attacker-influenced text: shown as data). */
export interface IntegrityEntryInfo {
  kind: 'digest' | 'log'
  path: string
  account: string
  region: string
  status: IntegrityLogStatus | IntegrityDigestStatus
  detail: string
}

/** Files and events delivered per hour for one account and region, and which hours a digest covers. */
export interface CoverageRow {
  account: string
  region: string
  /** Per hour from CoverageInfo.from: log files delivered, events in them, and whether a loaded digest covers it. */
  files: number[]
  events: number[]
  digested: boolean[]
}

/** An event that can hide or stop logging (StopLogging, DeleteTrail, a policy change on the trail bucket...). */
export interface TamperingMark {
  eventId: number
  eventName: string
  account: string
  region: string
  /** Hour index from CoverageInfo.from. */
  hour: number
}

export interface CoverageInfo {
  /** ms, a whole hour; 0 hours when nothing is loaded. */
  from: number
  hours: number
  rows: CoverageRow[]
  tampering: TamperingMark[]
  /** Hours were cut to this many (a longer range shows its first part). */
  truncated: boolean
}

export interface IntegrityInfo {
  /** Digest files among the loaded files. */
  digests: number
  /** Public keys known (given as files, or cached). */
  keys: number
  summary: { digests: number; digestsValid: number; logs: number; logsValid: number; counts: Record<string, number>; failed: boolean; from: string; to: string; line: string }
  /** Not-valid entries first; at most INTEGRITY_ENTRY_LIMIT. */
  entries: IntegrityEntryInfo[]
  entriesTotal: number
  coverage: CoverageInfo
}

export const INTEGRITY_ENTRY_LIMIT = 5_000

// ---------------------------------------------------------------------------------------------
// The calls. The method name is the channel (prefixed 'ashiato:' on Electron IPC).

export interface AshiatoCalls {
  /** Which shell we run in, and the OS language (for the UI's default). */
  appInfo(): Promise<{ mode: 'electron' | 'web'; version: string; locale: string }>
  /** Load files or folders on the machine running the services (drop, command line, recent). */
  loadPaths(paths: string[]): Promise<LoadStarted>
  /** Electron: the native Open dialog, then load what was picked. Resolves null when cancelled. */
  openFilesDialog(): Promise<LoadStarted | null>
  /** Stop the running load; what was read so far stays loaded. */
  cancelLoad(): Promise<void>
  /** Forget every loaded event and file. */
  clearAll(): Promise<void>
  /** Every file read or failed so far, in the order they finished. */
  fileReports(): Promise<FileReport[]>
  /** Evaluate a view and remember it. */
  setView(spec: ViewSpec): Promise<ViewInfo>
  /** A window of rows of a view. */
  getRows(request: RowsRequest): Promise<RowsResult>
  /** One event's original JSON, for the viewer. */
  getEvent(id: number): Promise<EventDetail>
  /** The top values of a view's result per facet, with counts (for the facets panel). */
  getFacets(request: FacetsRequest): Promise<Facet[]>
  /** A view's result per time bucket, errors and successes apart (for the timeline). */
  getHistogram(request: HistogramRequest): Promise<Histogram>
  /** Open an https URL in the system browser; only AWS documentation hosts are allowed. */
  openExternal(url: string): Promise<void>
  /** The AWS profiles of the shared config files (names and regions only). */
  s3Profiles(): Promise<S3ProfileInfo[]>
  /** The buckets the credentials can list (s3:ListAllMyBuckets). */
  s3Buckets(connection: S3Connection): Promise<S3BucketInfo[]>
  /** The organizations, accounts, regions and kinds of a bucket's CloudTrail layout. */
  s3Discover(location: S3Location): Promise<S3Layout>
  /**
   * Download the range's objects into the cache and load them as they arrive; returns at once.
   * Progress comes as s3Progress (and loadProgress), failed objects as fileReport. cancelLoad
   * stops the download; what arrived is still read.
   */
  openS3Trail(request: S3OpenRequest): Promise<LoadStarted>
  /** Empty the S3 download cache. */
  clearS3Cache(): Promise<{ objects: number; bytes: number }>
  /**
   * Ctrl/Cmd-A: keeps this view's result as the selection (it outlives the view cache; the
   * previous one is forgotten). Then `{ viewId }` selects it in the calls below.
   */
  selectView(viewId: number): Promise<{ count: number }>
  /** How many events a selection holds, and how many of them `viewId` hides. */
  countHidden(request: { viewId: number; selection: EventSelection }): Promise<SelectionCount>
  /** Which of these ids are in the selection (to mark rows of another view than the selected one). */
  selectionMembers(request: { selection: EventSelection; ids: number[] }): Promise<number[]>
  /**
   * Electron: the save dialog, then the file written atomically (null when the dialog was
   * cancelled); exportProgress follows meanwhile. Web mode: an address the page downloads the
   * export from (the server streams it and pushes exportProgress).
   */
  exportEvents(request: ExportRequest): Promise<ExportDone | ExportDownload | null>
  /** Stops the running exports; nothing is left behind (no partial file). */
  cancelExport(): Promise<void>
  /** Electron: shows a file this session exported in its folder (any other path is refused). */
  showExportedFile(path: string): Promise<void>
  /** The selection as JSON Lines for the clipboard (at most COPY_LIMIT events). */
  copyEvents(request: { selection: EventSelection; viewId?: number }): Promise<CopyResult>
  /** The loaded files checked against the loaded digests, and the coverage map. */
  integrityReport(): Promise<IntegrityInfo>
  /** Adds public keys from the JSON `aws cloudtrail list-public-keys` prints; returns how many keys are known. */
  addPublicKeys(json: string): Promise<{ keys: number }>
  /** Asks cloudtrail:ListPublicKeys (with this profile; '' the default chain) for the keys the loaded digests need, per region; they are cached. */
  fetchPublicKeys(request: { profile: string }): Promise<{ keys: number }>
  /** Which of these events come from a file that is not valid, and its status (for markers in the list and viewer). */
  eventIntegrity(ids: number[]): Promise<{ id: number; status: IntegrityLogStatus }[]>
  /** Who is behind an event: its credential chain from the origin to the call (common/identity.ts). */
  credentialChain(id: number): Promise<CredentialChain>
  /** What a principal did over the loaded set. */
  principalDossier(principal: PrincipalRef): Promise<Dossier>
  /** Principals, roles, keys and accounts of a view's events, and the issuance links between them (at most maxNodes nodes). */
  credentialGraph(request: { viewId: number; maxNodes: number }): Promise<CredentialGraph>
  /** For each id, each path's value as text ('' when absent; several values joined by ", "). */
  fieldValues(request: FieldValuesRequest): Promise<string[][]>
  /** Every field path seen in (a sample of) the loaded set, most common first. */
  fieldCatalogue(): Promise<FieldCatalogue>
  /** All values of one field in a view's result, searchable, most frequent or rarest first. */
  getFacetValues(request: FacetValuesRequest): Promise<FacetValuesResult>
  /** Detections over the loaded set: rules with hits (by level then count), and the rules that could not run. */
  detectionsSummary(): Promise<DetectionsSummary>
  /** The highest detection level of each of these events that matched a rule (for the list's markers). */
  eventDetectionLevels(ids: number[]): Promise<{ id: number; level: DetectionLevel }[]>
  /** The rules an event matched, highest level first, each with its author (for the viewer). */
  eventDetections(id: number): Promise<RuleDetail[]>
  /** The UI's language, when the page starts and when the user changes it: the desktop shell's menu follows it (web mode: nothing to do). */
  setShellLanguage(language: 'en' | 'ja'): Promise<void>
}

/** copyEvents copies at most this many events (more: export them). */
export const COPY_LIMIT = 50_000

export type CallName = keyof AshiatoCalls

/** Every call, for building preload, handlers and the web transport from one list. */
export const CALL_NAMES = [
  'appInfo',
  'loadPaths',
  'openFilesDialog',
  'cancelLoad',
  'clearAll',
  'fileReports',
  'setView',
  'getRows',
  'getEvent',
  'getFacets',
  'getHistogram',
  'openExternal',
  's3Profiles',
  's3Buckets',
  's3Discover',
  'openS3Trail',
  'clearS3Cache',
  'selectView',
  'countHidden',
  'selectionMembers',
  'exportEvents',
  'cancelExport',
  'showExportedFile',
  'copyEvents',
  'integrityReport',
  'addPublicKeys',
  'eventIntegrity',
  'fetchPublicKeys',
  'credentialChain',
  'principalDossier',
  'credentialGraph',
  'fieldValues',
  'fieldCatalogue',
  'getFacetValues',
  'detectionsSummary',
  'eventDetectionLevels',
  'eventDetections',
  'setShellLanguage',
] as const satisfies readonly CallName[]

/**
 * What each call reaches on the machine running the services, for the web transport (which
 * serves browser tabs, not the user at the desktop):
 *   'session'     the loaded set, views, exports as downloads: fine for any client;
 *   'server-path' names a file or folder on that machine (a path to load, an export target, a
 *                 cache folder, a recent file): refused to web clients, which reach only what they
 *                 upload and what the server's own command line named;
 *   's3'          takes an S3Connection: web mode pins its endpoint to the server's command line.
 * A Record over CallName: a new call does not compile until it says which it is.
 */
export type CallScope = 'session' | 'server-path' | 's3'

export const CALL_SCOPE = {
  appInfo: 'session',
  loadPaths: 'server-path',
  openFilesDialog: 'session',
  cancelLoad: 'session',
  clearAll: 'session',
  fileReports: 'session',
  setView: 'session',
  getRows: 'session',
  getEvent: 'session',
  getFacets: 'session',
  getHistogram: 'session',
  openExternal: 'session',
  s3Profiles: 'session',
  s3Buckets: 's3',
  s3Discover: 's3',
  openS3Trail: 's3',
  clearS3Cache: 'session',
  selectView: 'session',
  countHidden: 'session',
  selectionMembers: 'session',
  exportEvents: 'session',
  cancelExport: 'session',
  showExportedFile: 'server-path',
  copyEvents: 'session',
  integrityReport: 'session',
  // Public keys come from the default CloudTrail endpoint with the server's credentials; the page
  // names only a profile, as for listing profiles.
  addPublicKeys: 'session',
  fetchPublicKeys: 'session',
  eventIntegrity: 'session',
  credentialChain: 'session',
  principalDossier: 'session',
  credentialGraph: 'session',
  fieldValues: 'session',
  fieldCatalogue: 'session',
  getFacetValues: 'session',
  detectionsSummary: 'session',
  eventDetectionLevels: 'session',
  eventDetections: 'session',
  setShellLanguage: 'session',
} as const satisfies Record<CallName, CallScope>

// ---------------------------------------------------------------------------------------------
// Push events, main -> renderer.

export interface AshiatoPushes {
  /** Load progress (throttled). */
  loadProgress: LoadProgress
  /** A file failed, or was only partly read; the load goes on with the others. */
  fileReport: FileReport
  /** The loaded set changed (events arrived, or it was cleared): views should be asked again. */
  eventsChanged: { total: number }
  /** The menu asked for something the renderer does (focus the filter bar, switch language...). */
  menuCommand: { command: MenuCommand }
  /** An S3 open's download and load progress (throttled, and once more when it ends). */
  s3Progress: S3OpenProgress
  /** A running export's progress (throttled), and its end. */
  exportProgress: ExportProgress
  /** Detection caught up with the loaded set (after events arrived, or a clear): ask for the summary again. */
  detectionsChanged: { rules: number; eventsChecked: number }
}

export type MenuCommand = 'focusFilter' | 'languageEnglish' | 'languageJapanese' | 'openS3' | 'exportEvents' | 'copyEvents' | 'selectAll'

export type PushName = keyof AshiatoPushes

export const PUSH_NAMES = [
  'loadProgress',
  'fileReport',
  'eventsChanged',
  'menuCommand',
  's3Progress',
  'exportProgress',
  'detectionsChanged',
] as const satisfies readonly PushName[]

/** The listener helper's name for a push: loadProgress -> onLoadProgress. */
export type ListenerName<K extends PushName> = `on${Capitalize<K>}`

export function listenerName<K extends PushName>(name: K): ListenerName<K> {
  return `on${name[0].toUpperCase()}${name.slice(1)}` as ListenerName<K>
}

export type AshiatoListeners = {
  [K in PushName as ListenerName<K>]: (listener: (payload: AshiatoPushes[K]) => void) => () => void
}

/**
 * What the renderer sees as `window.ashiato` (Electron preload) or builds over a WebSocket
 * (web mode): the calls, a listener per push that returns its unsubscribe, and how dropped
 * files reach the services in this shell.
 */
export type AshiatoApi = AshiatoCalls &
  AshiatoListeners & {
    /** Electron only: the path of a dropped File (webUtils.getPathForFile). */
    pathForFile?(file: File): string
    /** Web mode only: send picked or dropped files' bytes to the server and load them. */
    uploadFiles?(files: File[]): Promise<LoadStarted>
  }

/** Electron IPC channel of a call or push. */
export function ipcChannel(name: CallName | PushName): string {
  return `ashiato:${name}`
}
