// The loaded sources (a drop, files or a folder opened, the command line's paths, an S3 range),
// one per load. Loads run one after another, so each source's events are one run of ids
// [first, end) in the store: hiding a source leaves that run out of views (ViewCache), and a new
// investigation without it reads the other sources again (removing events in place would
// renumber the store and every side table keyed by event id).

import type { LoadProgress, S3OpenRequest, SourceInfo } from '../../common/ipc-contract'
import type { LoadSummary } from '../loader/load-files'
import type { InputSource } from '../loader/collect-files'

/** What a load says about where its inputs came from. */
export interface SourceOrigin {
  kind: SourceInfo['kind']
  label: string
  inputs: number
  /** Paths to read again for a new investigation (kind 'paths'). */
  paths?: string[]
  /** The S3 range to open again (kind 's3'; its objects are in the download cache by then). */
  s3?: S3OpenRequest
}

/** How a source is read again: its paths, or its S3 range. */
export type Reload = { paths: string[] } | { s3: S3OpenRequest }

interface Source extends SourceInfo {
  loadId: number
  /** Its events: ids first..end-1 (end grows while it loads). */
  first: number
  end: number
  collisionsBefore: number
  reload?: Reload
}

/** Where inputs known up front came from: local paths, or a web page's upload (named files). */
export function originOf(inputs: InputSource): SourceOrigin | null {
  if (!Array.isArray(inputs) || inputs.length === 0) return null
  const first = inputs[0] as { path: string; displayName?: string }
  if (first.displayName !== undefined) return { kind: 'upload', label: first.displayName, inputs: inputs.length }
  return { kind: 'paths', label: first.path, inputs: inputs.length, paths: (inputs as { path: string }[]).map((i) => i.path) }
}

export class SourceRegistry {
  private sources: Source[] = []
  private nextId = 1

  constructor(private readonly changed: (sources: SourceInfo[]) => void) {}

  /** A load was queued. */
  add(loadId: number, origin: SourceOrigin): void {
    const { paths, s3, ...shown } = origin
    const reload: Reload | undefined = paths ? { paths } : s3 ? { s3 } : undefined
    this.sources.push({
      ...shown, sourceId: this.nextId++, loadId, reload, files: 0, events: 0, duplicates: 0, idCollisions: 0, problems: 0,
      loading: true, hidden: false, reloadable: reload !== undefined, first: -1, end: -1, collisionsBefore: 0,
    })
    this.notify()
  }

  /** The load began reading: its events start at the store's current size. */
  began(loadId: number, storeSize: number, collisions: number): void {
    const source = this.byLoad(loadId)
    if (!source) return
    source.first = source.end = storeSize
    source.collisionsBefore = collisions
  }

  progress(loadId: number, progress: LoadProgress, storeSize: number): void {
    const source = this.byLoad(loadId)
    if (!source || source.first < 0) return
    source.end = storeSize
    source.files = progress.filesDone
    source.events = storeSize - source.first
    source.duplicates = progress.duplicates
    source.idCollisions = Math.max(0, progress.idCollisions - source.collisionsBefore)
    source.problems = progress.errors
    this.notify()
  }

  /** The load ended (summary undefined: cancelled before it began). */
  finished(loadId: number, summary: LoadSummary | undefined, storeSize: number): void {
    const source = this.byLoad(loadId)
    if (!source) return
    source.loading = false
    if (summary && source.first >= 0) {
      source.end = storeSize
      source.events = summary.events
      source.duplicates = summary.duplicates
      source.idCollisions = summary.idCollisions
    }
    this.notify()
  }

  setHidden(sourceId: number, hidden: boolean): boolean {
    const source = this.sources.find((s) => s.sourceId === sourceId)
    if (!source || source.hidden === hidden) return false
    source.hidden = hidden
    this.notify()
    return true
  }

  /** Id runs [first, end) of the hidden sources, for the views to leave out. */
  hiddenRanges(): [number, number][] {
    return this.sources.filter((s) => s.hidden && s.first >= 0 && s.end > s.first).map((s) => [s.first, s.end])
  }

  /** How to read every source but `sourceId` again, in load order; null when one of them cannot be. */
  reloadsWithout(sourceId: number): Reload[] | null {
    const others = this.sources.filter((s) => s.sourceId !== sourceId)
    if (others.some((s) => !s.reload)) return null
    return others.map((s) => s.reload!)
  }

  has(sourceId: number): boolean {
    return this.sources.some((s) => s.sourceId === sourceId)
  }

  list(): SourceInfo[] {
    return this.sources.map(({ loadId: _l, first: _f, end: _e, collisionsBefore: _c, reload: _r, ...info }) => ({ ...info }))
  }

  clear(): void {
    this.sources = []
    this.notify()
  }

  private byLoad(loadId: number): Source | undefined {
    return this.sources.find((s) => s.loadId === loadId)
  }

  private notify(): void {
    this.changed(this.list())
  }
}
