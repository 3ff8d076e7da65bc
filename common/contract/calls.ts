// The calls: one method per call; its name is the channel (prefixed 'ashiato:' on Electron IPC).

import type { EventDetail } from '../event-row'
import type { Facet, Histogram } from '../query/facet-query'
import type { CredentialChain, CredentialGraph, Dossier, PrincipalRef } from '../identity'
import type { DetectionLevel, DetectionsSummary, RuleDetail } from '../detections'
import type { FileReport, LoadStarted } from './loading'
import type { FacetsRequest, FacetValuesRequest, FacetValuesResult, FieldCatalogue, FieldValuesRequest, HistogramRequest, RowsRequest, RowsResult, ViewInfo, ViewSpec } from './views'
import type { S3BucketInfo, S3Connection, S3Layout, S3Location, S3OpenRequest, S3ProfileInfo } from './s3'
import type { CopyResult, EventSelection, ExportDone, ExportDownload, ExportRequest, SelectionCount } from './export'
import type { IntegrityInfo, IntegrityLogStatus } from './integrity'
export interface AshiatoCalls {
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
}

/** copyEvents copies at most this many events (more: export them). */
export const COPY_LIMIT = 50_000

export type CallName = keyof AshiatoCalls

/** Every call, for building preload, handlers and the web transport from one list. */
export const CALL_NAMES = [
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
} as const satisfies Record<CallName, CallScope>
