// The loads of one service: queued one after another (each already uses every core, so a second
// drop waits for the first), each with its controller, an S3 download it may be fed by, and the
// file reports they produce. Pushes progress, reports and eventsChanged as the load runs.

import type { EventStore } from '../store/event-store'
import { loadInto, type LoadCallbacks, type LoadOptions, type LoadSummary } from '../loader/load-files'
import type { InputSource } from '../loader/collect-files'
import type { FileReport } from '../../common/ipc-contract'
import type { PushListener } from './service-types'
import { originOf, type SourceOrigin, type SourceRegistry } from './sources'

/** How often the renderer hears that events arrived while a load runs. */
const EVENTS_CHANGED_INTERVAL_MS = 250

/** What an S3 open adds to a load: its own download to stop, and the load's reports as they come. */
export interface LoadLink {
  download?: AbortController
  onFileReport?(report: FileReport): void
  /** Where the inputs came from, for the Sources panel (default: read from the inputs). */
  source?: SourceOrigin
}

export type QueueOptions = Omit<LoadOptions, 'loadId' | 'signal' | 'timeRange'>

export class LoadQueue {
  private loads: Promise<unknown> = Promise.resolve()
  private readonly running = new Set<AbortController>()
  /** The S3 download feeding a running load, by the load's controller. */
  private readonly downloads = new Map<AbortController, AbortController>()
  private nextLoadId = 1
  /** Every file read or failed since the last clear (fileReports). */
  reports: FileReport[] = []

  constructor(
    private readonly store: EventStore,
    private readonly push: PushListener,
    private readonly options: () => QueueOptions,
    /** Callbacks a side table adds to every load (integrity's file hashes). */
    private readonly extraCallbacks: () => Partial<LoadCallbacks>,
    /** The Sources panel's list: one source per load. */
    private readonly sources?: SourceRegistry,
  ) {}

  /** Records a report that did not come from a load (an S3 object that failed to download). */
  report(report: FileReport): void {
    this.reports.push(report)
    this.push('fileReport', report)
  }

  /** Queues a load; `done` resolves with its summary (undefined when cancelled before it began). */
  start(inputs: InputSource, extra: Pick<LoadOptions, 'timeRange'>, link: LoadLink = {}): { loadId: number; done: Promise<LoadSummary | undefined> } {
    const loadId = this.nextLoadId++
    const controller = new AbortController()
    this.running.add(controller)
    if (link.download) this.downloads.set(controller, link.download)
    this.sources?.add(loadId, link.source ?? originOf(inputs) ?? { kind: 'paths', label: `load ${loadId}`, inputs: 0 })
    const run = async (): Promise<LoadSummary | undefined> => {
      if (controller.signal.aborted) return undefined
      this.sources?.began(loadId, this.store.size, this.store.idCollisions)
      let lastChanged = 0
      const summary = await loadInto(
        this.store,
        inputs,
        { ...this.options(), ...extra, loadId, signal: controller.signal },
        {
          onFileReport: (report) => {
            link.onFileReport?.(report)
            this.reports.push(report)
            if (report.kind === 'error' || report.reason) this.push('fileReport', report)
            const now = performance.now()
            if (now - lastChanged >= EVENTS_CHANGED_INTERVAL_MS) {
              lastChanged = now
              this.push('eventsChanged', { total: this.store.size })
            }
          },
          onProgress: (progress) => {
            this.sources?.progress(loadId, progress, this.store.size)
            this.push('loadProgress', progress)
          },
          ...this.extraCallbacks(),
        },
      )
      this.push('eventsChanged', { total: this.store.size })
      return summary
    }
    const finished = (summary: LoadSummary | undefined): void => this.sources?.finished(loadId, summary, this.store.size)
    const result = this.loads
      .then(run)
      .then(
        (summary) => (finished(summary), summary),
        (error: unknown) => {
          finished(undefined)
          throw error
        },
      )
      .finally(() => {
        this.running.delete(controller)
        this.downloads.delete(controller)
      })
    this.loads = result.catch((error: unknown) => {
      // A load that fails as a whole (no worker could start) is reported, never left silent.
      this.push('fileReport', { file: `load ${loadId}`, events: 0, kind: 'error', reason: error instanceof Error ? error.message : String(error) })
    })
    return { loadId, done: result.catch(() => undefined) }
  }

  /** Resolves when every load started so far has finished. */
  async settled(): Promise<void> {
    await this.loads
  }

  /**
   * Stops the running loads. A load fed by an S3 download first only stops downloading: the
   * objects that arrived are still read (a second cancel stops that too).
   */
  cancel(): void {
    for (const controller of this.running) {
      const download = this.downloads.get(controller)
      if (download && !download.signal.aborted) download.abort()
      else controller.abort()
    }
  }

  /** Stops every load and download at once (clear, quit). */
  stopAll(): void {
    for (const controller of this.running) {
      this.downloads.get(controller)?.abort()
      controller.abort()
    }
  }
}
