// An in-memory implementation of the calls the renderer's view session makes (SessionApi, a
// part of our own AshiatoCalls contract), so the session's logic runs under plain Node. Views
// are kept by id like main keeps them, can be made to expire (the next call naming one fails as
// main's view cache does, with its 'view-expired' code), and a Ctrl/Cmd-A selection keeps its view's ids, as selectView does.
// Every call is logged, so tests can say which windows were asked for.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { EventDetail, EventRow, RowColumn } from '../../../common/event-row'
import { CallError } from '../../../common/call-errors'
import { MESSAGES } from '../../../common/i18n'
import type { CopyResult, EventSelection, ExportDone, ExportDownload, ExportFormat, ExportRequest, RowsRequest, RowsResult, SelectionCount, ViewInfo, ViewSpec } from '../../../common/ipc-contract'
import { VIEW_LIMITS } from '../../../common/ipc-contract'
import type { SessionApi, SessionEnv } from '../../../renderer/session/session-env'
import { ALL_TIME, DEFAULT_SORT, type FindState } from '../../../renderer/state/view-spec'

/** getRows answers at most this many rows (the contract's limit). */
export const MAX_ROWS = VIEW_LIMITS.rowsPerRequest
const EXPIRED = 'This view has expired; ask for it again.'

export function makeRow(id: number, eventName: string, errorCode = ''): EventRow {
  return {
    id,
    time: Date.UTC(2024, 0, 1) + id * 1000,
    eventName,
    eventSource: 's3.amazonaws.com',
    user: 'alice',
    identityType: 'IAMUser',
    region: 'us-east-1',
    sourceIp: '192.0.2.1',
    errorCode,
    account: '111122223333',
    accessKey: '',
    eventId: `event-${id}`,
    readOnly: true,
    resourceType: '',
    resourceName: '',
    eventType: 'AwsApiCall',
  } as EventRow
}

/** `n` events, ids 0..n-1; every 7th is a PutObject, every 10th failed. */
export function makeRows(n: number): EventRow[] {
  return Array.from({ length: n }, (_, id) => makeRow(id, id % 7 === 0 ? 'PutObject' : 'GetObject', id % 10 === 0 ? 'AccessDenied' : ''))
}

export class MemorySessionApi implements SessionApi {
  readonly calls: { name: string; request: unknown }[] = []
  readonly exports: ExportRequest[] = []
  private readonly views = new Map<number, number[]>()
  private readonly expired = new Set<number>()
  private readonly kept = new Map<number, number[]>()
  private nextViewId = 1
  /** Web mode: exportEvents answers with a download address instead of a written file. */
  webMode = false
  /** While true, setView waits (a slow query in main) until cancelView or releaseViews. */
  holdViews = false
  private held: { resolve(): void; reject(error: Error): void }[] = []

  private readonly byId: Map<number, EventRow>

  constructor(readonly events: readonly EventRow[]) {
    this.byId = new Map(events.map((e) => [e.id, e]))
  }

  /** Main forgot this view (its cache is bounded in time and size). */
  expire(viewId: number): void {
    this.expired.add(viewId)
  }

  callsOf(name: string): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.request)
  }

  private view(viewId: number): number[] {
    const ids = this.views.get(viewId)
    if (!ids || this.expired.has(viewId)) throw new CallError('view-expired', EXPIRED)
    return ids
  }

  /** The ids a selection stands for, as main resolves it. */
  resolve(selection: EventSelection): number[] {
    if ('ids' in selection) return selection.ids.filter((id) => this.byId.has(id))
    const base = this.kept.get(selection.viewId) ?? this.view(selection.viewId)
    const except = new Set(selection.except ?? [])
    return [...base.filter((id) => !except.has(id)), ...(selection.plus ?? []).filter((id) => !base.includes(id))]
  }

  async setView(spec: ViewSpec): Promise<ViewInfo> {
    this.calls.push({ name: 'setView', request: spec })
    if (this.holdViews) await new Promise<void>((resolve, reject) => this.held.push({ resolve, reject }))
    // The query is an eventName (or empty for everything); newest first unless sorted ascending.
    const matching = this.events.filter((e) => spec.query === '' || e.eventName === spec.query)
    const ordered = spec.sort?.direction === 'asc' ? matching : [...matching].reverse()
    const viewId = this.nextViewId++
    this.views.set(viewId, ordered.map((e) => e.id))
    const times = this.events.map((e) => e.time ?? 0)
    return { viewId, matched: ordered.length, total: this.events.length, newest: times.length ? Math.max(...times) : null, oldest: times.length ? Math.min(...times) : null, queryMs: 0 }
  }

  /** As main's view cache: the held view fails with 'query-cancelled'. */
  async cancelView(): Promise<{ cancelled: boolean }> {
    this.calls.push({ name: 'cancelView', request: null })
    const held = this.held
    this.held = []
    for (const view of held) view.reject(new CallError('query-cancelled', 'The query was cancelled.'))
    return { cancelled: held.length > 0 }
  }

  /** The held views finish. */
  releaseViews(): void {
    this.holdViews = false
    for (const view of this.held.splice(0)) view.resolve()
  }

  async getRows(request: RowsRequest): Promise<RowsResult> {
    this.calls.push({ name: 'getRows', request })
    if (request.count > MAX_ROWS) throw new Error(`count: at most ${MAX_ROWS}`)
    const ids = this.view(request.viewId).slice(request.start, request.start + request.count)
    return { viewId: request.viewId, start: request.start, rows: ids.map((id) => this.byId.get(id)!) }
  }

  async getEvent(id: number): Promise<EventDetail> {
    this.calls.push({ name: 'getEvent', request: id })
    const row = this.byId.get(id)
    if (!row) throw new Error(`No event ${id}`)
    return { id, json: JSON.stringify({ eventID: row.eventId, eventName: row.eventName }), file: 'memory.json' }
  }

  async selectView(viewId: number): Promise<{ count: number }> {
    this.calls.push({ name: 'selectView', request: viewId })
    const ids = this.view(viewId)
    this.kept.clear()
    this.kept.set(viewId, ids)
    return { count: ids.length }
  }

  async countHidden(request: { viewId: number; selection: EventSelection }): Promise<SelectionCount> {
    this.calls.push({ name: 'countHidden', request })
    const shown = new Set(this.view(request.viewId))
    const selected = this.resolve(request.selection)
    return { selected: selected.length, hidden: selected.filter((id) => !shown.has(id)).length }
  }

  async selectionMembers(request: { selection: EventSelection; ids: number[] }): Promise<number[]> {
    this.calls.push({ name: 'selectionMembers', request })
    const inside = new Set(this.resolve(request.selection))
    return request.ids.filter((id) => inside.has(id))
  }

  async exportEvents(request: ExportRequest): Promise<ExportDone | ExportDownload | null> {
    this.calls.push({ name: 'exportEvents', request })
    this.exports.push(request)
    const events = this.resolve(request.selection).length
    if (this.webMode) return { download: '/download/1', fileName: 'events.json.gz', events }
    return { events, bytes: events * 100, path: '/tmp/events.json.gz' }
  }

  async cancelExport(): Promise<void> {
    this.calls.push({ name: 'cancelExport', request: null })
  }

  async showExportedFile(path: string): Promise<void> {
    this.calls.push({ name: 'showExportedFile', request: path })
  }

  async copyEvents(request: { selection: EventSelection; viewId?: number }): Promise<CopyResult> {
    this.calls.push({ name: 'copyEvents', request })
    const ids = this.resolve(request.selection)
    return { events: ids.length, text: ids.map((id) => JSON.stringify({ id })).join('\n') + '\n' }
  }
}

/** A session environment over the in-memory API, recording what reaches the page. */
export function memoryEnv(api: SessionApi) {
  const errors: unknown[] = []
  const downloads: { url: string; fileName: string }[] = []
  const clipboard: string[] = []
  const choices: { format: ExportFormat; gzip: boolean; extraColumns: RowColumn[] } = { format: 'records', gzip: true, extraColumns: [] }
  const find: StoreApi<FindState> = createStore<FindState>()(() => ({ query: '', quick: [], range: ALL_TIME, sort: DEFAULT_SORT }))
  const env: SessionEnv = {
    api,
    find,
    reportError: (error) => errors.push(error),
    exportChoices: () => ({ ...choices }),
    messages: () => MESSAGES.en,
    download: (url, fileName) => downloads.push({ url, fileName }),
    writeClipboard: async (text) => {
      clipboard.push(text)
    },
  }
  return { env, find, errors, downloads, clipboard, choices }
}

/** Lets every answer already given reach the session (the fake answers on the next turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
