// The services behind the contract, shared by every shell: the Electron main process and the
// web-mode server forward calls here and pushes from here. One service holds one loaded set.

import type { Writable } from 'node:stream'
import type {
  CopyResult, EventSelection, ExportDone, ExportRequest, Facet, FacetsRequest, FacetValuesRequest, FacetValuesResult, FieldCatalogue,
  FieldValuesRequest, FileReport, Histogram, HistogramRequest, IntegrityInfo, IntegrityLogStatus, LoadStarted, RowsRequest, RowsResult,
  S3BucketInfo, S3Connection, S3Layout, S3Location, S3OpenRequest, S3ProfileInfo, SelectionCount, SourceInfo, ViewInfo, ViewSpec,
} from '../../common/ipc-contract'
import { CallError } from '../../common/call-errors'
import { SourceRegistry } from './sources'
import type { EventDetail } from '../../common/event-row'
import type { CredentialChain, CredentialGraph, Dossier, PrincipalRef } from '../../common/identity'
import type { DetectionLevel, DetectionsSummary, RuleDetail } from '../../common/detections'
import { EventStore } from '../store/event-store'
import type { LoadOptions } from '../loader/load-files'
import type { InputSource } from '../loader/collect-files'
import { FACET_FIELDS } from '../../common/query/facet-query'
import { detectionFacetValues, isDetectionFacet } from '../detect/detection-facets'
import { resolveS3CacheDir } from '../s3/cache-dir'
import type { PushListener, ServiceCalls } from './service-types'
import { ViewCache } from './view-cache'
import { LoadQueue } from './load-queue'
import type { S3Service, S3ServiceOptions } from './s3-service'
import { openS3Trail } from './s3-open'
import { countHidden, resolveSelection, selectionMembers, type ViewLookup } from './selection'
import { checkEventId, viewExpired } from './service-errors'
import { ExportRunner, jsonLines, type ExportShape } from './export-runner'
import { IntegrityService } from './integrity-service'
import { IdentityService } from './identity-service'
import { namesIdentityField } from '../identity/identity-query'
import { FieldCatalogueTally, fieldValues } from './field-columns'
import { DetectionsHost, type DetectionsOptions } from './detections-host'
import type { RuleFoldersInfo } from '../../common/contract/detections'

export interface ServiceOptions {
  workerPath?: string
  workers?: number
  maxUncompressedBytes?: number
  /** S3 opens: where downloads are kept (the shell's folder; default: the user cache folder), and test hooks. */
  s3?: Partial<S3ServiceOptions>
  /** Detections: folders of the user's Sigma rules, run with the built-in pack. */
  detect?: DetectionsOptions
}

export class AshiatoService implements ServiceCalls {
  readonly store = new EventStore()
  private readonly views = new ViewCache(this.store)
  private readonly listeners = new Set<PushListener>()
  private s3: Promise<S3Service> | null = null
  /** The result Ctrl/Cmd-A selected (selectView): kept while it is the selection, past the view cache. */
  private selected: { viewId: number; ids: Uint32Array } | null = null
  private readonly exporter = new ExportRunner(this.store, (name, payload) => this.push(name, payload))
  private readonly fieldPaths = new FieldCatalogueTally(this.store)
  readonly integrity = new IntegrityService(this.store, () => this.options.s3?.cacheDir ?? resolveS3CacheDir(undefined))
  private readonly identity = new IdentityService(this.store, (viewId) => this.viewIds(viewId))
  /** Sigma detections, matched in worker threads behind the load (detections-host.ts). */
  readonly detections = new DetectionsHost(this.store, (name, payload) => this.push(name, payload), () => this.options.detect ?? {})
  /** The Sources panel's list (sources.ts): one source per load, hidden ones left out of views. */
  private readonly sources = new SourceRegistry((list) => this.push('sourcesChanged', list))
  private readonly loads = new LoadQueue(
    this.store,
    (name, payload) => this.push(name, payload),
    () => this.options,
    () => ({ ...this.integrity.callbacks(), ...this.fieldPaths.callbacks() }),
    this.sources,
  )

  constructor(private readonly options: ServiceOptions = {}) {
    this.views.hiddenRuns = () => this.sources.hiddenRanges()
    // The link table follows the load, a few thousand events at a time (see identity-service.ts).
    this.onPush((name) => name === 'eventsChanged' && this.identity.follow())
    this.onPush((name) => name === 'eventsChanged' && this.detections.follow())
  }

  /** Every push, for a shell to forward. Returns the unsubscribe. */
  onPush(listener: PushListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private push: PushListener = (name, payload) => {
    for (const listener of this.listeners) listener(name, payload)
  }

  async loadPaths(paths: string[]): Promise<LoadStarted> {
    return this.loadInputs(paths.map((path) => ({ path })))
  }

  /**
   * Starts loading and returns at once; progress and rows follow as pushes. Loads run one after
   * another (each already uses every core), so a second drop waits for the first.
   */
  async loadInputs(inputs: InputSource, extra: Pick<LoadOptions, 'timeRange'> = {}): Promise<LoadStarted> {
    return { loadId: this.loads.start(inputs, extra).loadId }
  }

  /** Resolves when every load started so far has finished. */
  async whenLoadDone(): Promise<void> {
    await this.loads.settled()
  }

  /**
   * Stops the running loads. A load fed by an S3 download first only stops downloading: the
   * objects that arrived are still read (a second cancel stops that too).
   */
  async cancelLoad(): Promise<void> {
    this.loads.cancel()
  }

  async clearAll(): Promise<void> {
    this.loads.stopAll()
    this.exporter.cancel()
    this.selected = null
    await this.loads.settled()
    // Before the store empties: a refresh still reading it finishes first.
    await this.detections.clear()
    this.store.clear()
    this.integrity.clear()
    this.fieldPaths.clear()
    this.loads.reports = []
    this.views.clear()
    this.sources.clear()
    this.push('eventsChanged', { total: 0 })
  }

  async listSources(): Promise<SourceInfo[]> {
    return this.sources.list()
  }

  async setSourceHidden(request: { sourceId: number; hidden: boolean }): Promise<void> {
    if (!this.sources.setHidden(request.sourceId, request.hidden)) return
    this.views.hiddenChanged()
    // Every window asks for its view again, now without (or with) the source's events.
    this.push('eventsChanged', { total: this.store.size })
  }

  async startWithout(sourceId: number): Promise<void> {
    if (!this.sources.has(sourceId)) return
    const others = this.sources.reloadsWithout(sourceId)
    if (!others) throw new CallError('source-not-reloadable', 'Another source cannot be read again (uploaded files are not kept): hide this one instead, or start afresh and add the others again.')
    await this.clearAll()
    for (const reload of others) await ('paths' in reload ? this.loadPaths(reload.paths) : this.openS3Trail(reload.s3))
  }

  async fileReports(): Promise<FileReport[]> {
    return this.loads.reports
  }

  async setView(spec: ViewSpec): Promise<ViewInfo> {
    // origin:/chain:/session: read the chain table the identity worker sends: wait for it to cover the set.
    if (namesIdentityField(spec.query)) await this.identity.caughtUp()
    return this.views.set(spec)
  }

  async cancelView(): Promise<{ cancelled: boolean }> {
    return { cancelled: this.views.cancel() }
  }

  async getRows(request: RowsRequest): Promise<RowsResult> {
    return this.views.rows(request)
  }

  async getFacets(request: FacetsRequest): Promise<Facet[]> {
    return this.views.facets(request.viewId, request.fields ?? FACET_FIELDS, request.limit ?? 10)
  }

  async getHistogram(request: HistogramRequest): Promise<Histogram> {
    return this.views.histogram(request.viewId, request.buckets ?? 100)
  }

  /** The ids of a kept view; the same message as getRows when it has been forgotten. */
  private viewIds(viewId: number): Uint32Array {
    const ids = this.views.ids(viewId)
    if (!ids) throw viewExpired()
    return ids
  }

  async integrityReport(): Promise<IntegrityInfo> {
    return this.integrity.integrityReport()
  }

  async addPublicKeys(json: string): Promise<{ keys: number }> {
    return this.integrity.addKeys(json)
  }

  async fetchPublicKeys(request: { profile: string }): Promise<{ keys: number }> {
    return this.integrity.fetchKeys(request.profile)
  }

  async eventIntegrity(ids: number[]): Promise<{ id: number; status: IntegrityLogStatus }[]> {
    return this.integrity.eventIntegrity(ids)
  }

  async fieldValues(request: FieldValuesRequest): Promise<string[][]> {
    return fieldValues(this.store, request.ids, request.paths)
  }

  async fieldCatalogue(): Promise<FieldCatalogue> {
    return this.fieldPaths.catalogue()
  }

  async getFacetValues(request: FacetValuesRequest): Promise<FacetValuesResult> {
    // detection and level: counted from detection's side tables on this thread (#13).
    if (isDetectionFacet(request.field)) return detectionFacetValues(this.store, this.viewIds(request.viewId), request)
    return this.views.facetValues(request)
  }

  async getEvent(id: number): Promise<EventDetail> {
    checkEventId(id, this.store.size)
    return { id, json: this.store.text(id), file: this.store.fileOfEvent(id), ...this.store.eventMarks(id) }
  }

  // -------------------------------------------------------------------------------------------
  // S3: the module (and the AWS SDK) loads on first use; most sessions open local files.

  private s3Service(): Promise<S3Service> {
    this.s3 ??= Promise.all([import('./s3-service'), import('../s3/cache-dir')]).then(([{ S3Service }, { resolveS3CacheDir }]) => {
      const options = this.options.s3 ?? {}
      return new S3Service({ ...options, cacheDir: options.cacheDir ?? resolveS3CacheDir(undefined) })
    })
    return this.s3
  }

  async s3Profiles(): Promise<S3ProfileInfo[]> {
    return (await this.s3Service()).profiles()
  }

  async s3Buckets(connection: S3Connection): Promise<S3BucketInfo[]> {
    return (await this.s3Service()).buckets(connection)
  }

  async s3Discover(location: S3Location): Promise<S3Layout> {
    return (await this.s3Service()).discover(location)
  }

  async clearS3Cache(): Promise<{ objects: number; bytes: number }> {
    return (await this.s3Service()).clearCache()
  }

  async openS3Trail(request: S3OpenRequest): Promise<LoadStarted> {
    return openS3Trail(await this.s3Service(), request, this.loads, (name, payload) => this.push(name, payload))
  }

  // -------------------------------------------------------------------------------------------
  // Selection, export and copy (main/services/selection.ts, export-runner.ts).

  private lookupView: ViewLookup = (viewId) => (this.selected?.viewId === viewId ? this.selected.ids : this.views.ids(viewId))

  async selectView(viewId: number): Promise<{ count: number }> {
    const ids = this.lookupView(viewId)
    if (!ids) throw viewExpired()
    this.selected = { viewId, ids }
    return { count: ids.length }
  }

  async countHidden(request: { viewId: number; selection: EventSelection }): Promise<SelectionCount> {
    return countHidden(this.store, request.selection, this.lookupView, request.viewId)
  }

  async selectionMembers(request: { selection: EventSelection; ids: number[] }): Promise<number[]> {
    return selectionMembers(this.store, request.selection, this.lookupView, request.ids)
  }

  /** The ids a selection stands for, in the order they are written (see selection.ts). */
  resolveSelection(selection: EventSelection, orderViewId?: number): Uint32Array {
    return resolveSelection(this.store, selection, this.lookupView, orderViewId)
  }

  /** Writes a selection to `path` atomically, pushing exportProgress; rejects with ExportCancelled on cancel. */
  exportToFile(request: ExportRequest, path: string): Promise<ExportDone> {
    return this.exporter.toFile(this.resolveSelection(request.selection, request.viewId), path, exportShape(request))
  }

  /** Streams resolved ids to `destination` (web mode's download), pushing exportProgress as `name`. */
  exportToStream(ids: Uint32Array, shape: ExportShape, name: string, destination: Writable, signal?: AbortSignal): Promise<ExportDone> {
    return this.exporter.toStream(ids, name, shape, destination, signal)
  }

  async cancelExport(): Promise<void> {
    this.exporter.cancel()
  }

  /** The selection as JSON Lines (the shells put it on the clipboard). */
  copyText(request: { selection: EventSelection; viewId?: number }): CopyResult & { text: string } {
    return jsonLines(this.store, this.resolveSelection(request.selection, request.viewId))
  }

  async credentialChain(id: number): Promise<CredentialChain> {
    return this.identity.chain(id)
  }

  async principalDossier(principal: PrincipalRef): Promise<Dossier> {
    return this.identity.dossier(principal)
  }

  async credentialGraph(request: { viewId: number; maxNodes: number }): Promise<CredentialGraph> {
    return this.identity.graph(request)
  }

  async detectionsSummary(): Promise<DetectionsSummary> {
    return this.detections.summary()
  }

  async eventDetectionLevels(ids: number[]): Promise<{ id: number; level: DetectionLevel }[]> {
    return this.detections.levelsOf(ids)
  }

  async eventDetections(id: number): Promise<RuleDetail[]> {
    return this.detections.rulesOf(id)
  }

  async ruleFolders(): Promise<RuleFoldersInfo> {
    return this.detections.ruleFolders()
  }

  async setRuleFolders(folders: string[]): Promise<RuleFoldersInfo> {
    return this.detections.setRuleFolders(folders)
  }

  async updateRules(): Promise<RuleFoldersInfo> {
    return this.detections.updateRules()
  }

  async dispose(): Promise<void> {
    this.loads.stopAll()
    this.exporter.cancel()
    await this.loads.settled()
    await this.detections.close()
    await this.identity.close()
  }
}

function exportShape(request: ExportRequest): ExportShape {
  return { format: request.format, gzip: request.gzip, ...(request.extraColumns ? { extraColumns: request.extraColumns } : {}) }
}
