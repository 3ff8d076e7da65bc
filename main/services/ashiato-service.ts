// The services behind the contract, shared by every shell: the Electron main process and the
// web-mode server forward calls here and pushes from here. One service holds one loaded set.

import { EventStore } from '../store/event-store'
import { loadInto, type LoadOptions, type LoadSummary } from '../loader/load-files'
import type { InputSource } from '../loader/collect-files'
import { ViewCache } from './view-cache'
import type { PushListener, ServiceCalls } from './service-types'
import type { FileReport, LoadStarted, RowsRequest, RowsResult, ViewInfo, ViewSpec } from '../../common/ipc-contract'
import type { EventDetail } from '../../common/event-row'

/** How often the renderer hears that events arrived while a load runs. */
const EVENTS_CHANGED_INTERVAL_MS = 250

export interface ServiceOptions {
  workerPath?: string
  workers?: number
  maxUncompressedBytes?: number
}

export class AshiatoService implements ServiceCalls {
  readonly store = new EventStore()
  private readonly views = new ViewCache(this.store)
  private readonly listeners = new Set<PushListener>()
  private reports: FileReport[] = []
  private loads: Promise<unknown> = Promise.resolve()
  private running = new Set<AbortController>()
  private nextLoadId = 1

  constructor(private readonly options: ServiceOptions = {}) {}

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
    const loadId = this.nextLoadId++
    const controller = new AbortController()
    this.running.add(controller)
    const run = async (): Promise<LoadSummary | undefined> => {
      if (controller.signal.aborted) return undefined
      let lastChanged = 0
      const summary = await loadInto(
        this.store,
        inputs,
        { ...this.options, ...extra, loadId, signal: controller.signal },
        {
          onFileReport: (report) => {
            this.reports.push(report)
            if (report.kind === 'error' || report.reason) this.push('fileReport', report)
            const now = performance.now()
            if (now - lastChanged >= EVENTS_CHANGED_INTERVAL_MS) {
              lastChanged = now
              this.push('eventsChanged', { total: this.store.size })
            }
          },
          onProgress: (progress) => this.push('loadProgress', progress),
        },
      )
      this.push('eventsChanged', { total: this.store.size })
      return summary
    }
    const result = this.loads.then(run).finally(() => this.running.delete(controller))
    this.loads = result.catch((error: unknown) => {
      // A load that fails as a whole (no worker could start) is reported, never left silent.
      this.push('fileReport', { file: `load ${loadId}`, events: 0, kind: 'error', reason: error instanceof Error ? error.message : String(error) })
    })
    return { loadId }
  }

  /** Resolves when every load started so far has finished. */
  async whenLoadDone(): Promise<void> {
    await this.loads
  }

  async cancelLoad(): Promise<void> {
    for (const controller of this.running) controller.abort()
  }

  async clearAll(): Promise<void> {
    await this.cancelLoad()
    await this.loads
    this.store.clear()
    this.reports = []
    this.views.clear()
    this.push('eventsChanged', { total: 0 })
  }

  async fileReports(): Promise<FileReport[]> {
    return this.reports
  }

  async setView(spec: ViewSpec): Promise<ViewInfo> {
    return this.views.set(spec)
  }

  async getRows(request: RowsRequest): Promise<RowsResult> {
    return this.views.rows(request)
  }

  async getEvent(id: number): Promise<EventDetail> {
    if (!Number.isInteger(id) || id < 0 || id >= this.store.size) throw new Error(`No event ${id} is loaded.`)
    return { id, json: this.store.text(id), file: this.store.fileOfEvent(id) }
  }

  async dispose(): Promise<void> {
    await this.cancelLoad()
    await this.loads
  }
}
