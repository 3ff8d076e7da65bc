// Export and copy from the list: the export dialog's choices (kept between sessions), the running
// export's progress (exportProgress pushes), and the note shown when something was written or
// copied. Electron saves through main's Save dialog; web mode downloads what the server streams.
import { create } from 'zustand'
import { COPY_LIMIT, EXPORT_FORMATS, type EventSelection, type ExportFormat, type ExportProgress, type ExportRequest, type SelectionCount } from '../../common/ipc-contract'
import { formatMessage, MESSAGES } from '../../common/i18n'
import { extraCsvColumns } from '../../common/csv-columns'
import { getApi } from '../api/get-api'
import { formatCount } from '../format/format'
import { useFindPrefs } from './find-prefs'
import { rowColumnsOf } from '../list/columns'
import { useLanguage } from './language-store'
import { currentSelection, selectionSize, useSelection } from './selection'
import { useView } from './view-store'

export type ExportScope = 'selected' | 'result'

const STORAGE_KEY = 'ashiato.export'
export { EXPORT_FORMATS }

interface Prefs {
  format: ExportFormat
  /** Gzip for the format shown. */
  gzip: boolean
  /** The gzip choice per format: a CSV export does not inherit gzip from a JSON one. */
  gzipByFormat: Record<ExportFormat, boolean>
}

const DEFAULT_GZIP: Record<ExportFormat, boolean> = { records: true, jsonl: true, csv: false }

/** A short note after an export or a copy; `path` is set when the file can be shown in its folder. */
export interface Notice {
  kind: 'done' | 'error'
  text: string
  path?: string
}

interface ExportState extends Prefs {
  open: boolean
  scope: ExportScope
  /** The selection's size and what the current view hides of it (countHidden), once known. */
  counts: SelectionCount | null
  /** The export running from this page (its pushes), or null. */
  running: { path: string | null; progress: ExportProgress | null } | null
  notice: Notice | null
}

function storedPrefs(): Partial<Prefs> {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>
    const format = EXPORT_FORMATS.includes(value.format as ExportFormat) ? (value.format as ExportFormat) : 'records'
    const stored = (value.gzipByFormat ?? {}) as Record<string, unknown>
    const gzipByFormat = { ...DEFAULT_GZIP }
    for (const f of EXPORT_FORMATS) if (typeof stored[f] === 'boolean') gzipByFormat[f] = stored[f]
    // Before per-format choices, one gzip flag was kept for the format last used.
    if (typeof value.gzip === 'boolean' && typeof stored[format] !== 'boolean') gzipByFormat[format] = value.gzip
    return { format, gzipByFormat, gzip: gzipByFormat[format] }
  } catch {
    return {}
  }
}

export const useExport = create<ExportState>()(() => ({
  format: 'records',
  gzip: true,
  gzipByFormat: { ...DEFAULT_GZIP },
  ...storedPrefs(),
  open: false,
  scope: 'result',
  counts: null,
  running: null,
  notice: null,
}))

const set = useExport.setState
const get = useExport.getState

useExport.subscribe((state, previous) => {
  if (state.format === previous.format && state.gzip === previous.gzip) return
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ format: state.format, gzip: state.gzip, gzipByFormat: state.gzipByFormat }))
  } catch {
    // not kept; the choice still holds for this session
  }
})

const t = () => MESSAGES[useLanguage.getState().language]

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

// ------------------------------------------------------------------------------ counts

let countSeq = 0

/** Asks main how many events are selected and how many the current view hides (debounced by the caller's rhythm). */
export async function refreshCounts(): Promise<void> {
  const seq = ++countSeq
  const selection = currentSelection()
  const viewId = useView.getState().info?.viewId
  if (!selection || viewId === undefined) {
    set({ counts: null })
    return
  }
  try {
    const counts = await getApi().countHidden({ viewId, selection })
    if (seq === countSeq) set({ counts })
  } catch {
    if (seq === countSeq) set({ counts: null })
  }
}

let countTimer: ReturnType<typeof setTimeout> | undefined
function scheduleCounts(): void {
  clearTimeout(countTimer)
  // Only a multi-selection (or the open dialog) shows the counts: a plain click asks nothing.
  const { all, ids } = useSelection.getState()
  if (!all && ids.length < 2 && !get().open) {
    if (get().counts !== null) set({ counts: null })
    return
  }
  countTimer = setTimeout(() => void refreshCounts(), 120)
}
// The selection or the view changed: the hidden count may have too.
useSelection.subscribe(scheduleCounts)
useView.subscribe((state, previous) => {
  if (state.info?.viewId !== previous.info?.viewId) scheduleCounts()
})

// ------------------------------------------------------------------------------ the dialog

export function openExportDialog(): void {
  if ((useView.getState().info?.total ?? 0) === 0) return
  const multi = useSelection.getState().all !== null || useSelection.getState().ids.length > 1
  set({ open: true, scope: multi ? 'selected' : 'result', notice: null })
  void refreshCounts()
}

export function closeExportDialog(): void {
  if (get().running) void cancelExport()
  set({ open: false })
}

export function setExportChoice(patch: Partial<Pick<ExportState, 'scope' | 'format' | 'gzip'>>): void {
  const { gzipByFormat } = get()
  const format = patch.format ?? get().format
  if (patch.gzip !== undefined) {
    set({ ...patch, gzipByFormat: { ...gzipByFormat, [format]: patch.gzip } })
  } else if (patch.format !== undefined) {
    // Each format has its own gzip choice (CSV is plain text unless gzip was chosen for CSV).
    set({ ...patch, gzip: gzipByFormat[patch.format] })
  } else {
    set(patch)
  }
}

/** The request for the dialog's choices (null when there is nothing to export). */
export function exportRequest(): ExportRequest | null {
  const { scope, format, gzip } = get()
  const viewId = useView.getState().info?.viewId
  const selection: EventSelection | null = scope === 'result' ? (viewId === undefined ? null : { viewId }) : currentSelection()
  if (!selection) return null
  // CSV: the console's columns, then the ones the list shows.
  const extraColumns = format === 'csv' ? extraCsvColumns(rowColumnsOf(useFindPrefs.getState().columns)) : undefined
  return { selection, format, gzip, ...(extraColumns ? { extraColumns } : {}), ...(viewId !== undefined ? { viewId } : {}) }
}

/** How many events the dialog's scope stands for. */
export function scopeCount(scope: ExportScope): number {
  if (scope === 'result') return useView.getState().info?.matched ?? 0
  return get().counts?.selected ?? selectionSize()
}

function done(events: number, path: string, showable: boolean): void {
  set({ running: null, open: false, notice: { kind: 'done', text: formatMessage(t().exportDone, { n: formatCount(events), file: path }), ...(showable ? { path } : {}) } })
}

/** Export with the dialog's choices: Electron asks where to save; web mode downloads it. */
export async function startExport(): Promise<void> {
  const request = exportRequest()
  if (!request || get().running) return
  set({ running: { path: null, progress: null }, notice: null })
  try {
    const result = await getApi().exportEvents(request)
    if (result === null) {
      // The Save dialog, or the export, was cancelled.
      set({ running: null })
      return
    }
    if ('download' in result) {
      // The server streams it once the browser asks; its pushes say when it is all written.
      set({ running: { path: result.fileName, progress: get().running?.progress ?? null } })
      download(result.download, result.fileName)
      return
    }
    done(result.events, result.path, true)
  } catch (error) {
    set({ running: null, notice: { kind: 'error', text: formatMessage(t().exportFailed, { message: message(error) }) } })
  }
}

function download(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}

export async function cancelExport(): Promise<void> {
  try {
    await getApi().cancelExport()
  } catch {
    // nothing was running any more
  }
}

/** exportProgress: this page's export moves on, or ends. */
export function exportProgressArrived(progress: ExportProgress): void {
  const running = get().running
  // Pushes go to every tab of a web-mode server: follow only the export this page started.
  if (!running || (running.path !== null && running.path !== progress.path)) return
  if (!progress.finished) {
    set({ running: { path: running.path, progress } })
    return
  }
  if (running.path === null) return // Electron: exportEvents' own answer ends it
  if (progress.result) done(progress.result.events, progress.path, false)
  else if (progress.cancelled) set({ running: null })
  else set({ running: null, notice: { kind: 'error', text: formatMessage(t().exportFailed, { message: progress.error ?? '' }) } })
}

export function showExportedFile(path: string): void {
  getApi()
    .showExportedFile(path)
    .catch((error: unknown) => set({ notice: { kind: 'error', text: message(error) } }))
}

export function dismissNotice(): void {
  set({ notice: null })
}

// ------------------------------------------------------------------------------ copy

/** Ctrl/Cmd+C in the list, or Edit ▸ Copy Selected Events: the selection as JSON Lines. */
export async function copySelection(): Promise<void> {
  const selection = currentSelection()
  if (!selection) return
  const viewId = useView.getState().info?.viewId
  const size = get().counts?.selected ?? selectionSize()
  if (size > COPY_LIMIT) {
    set({ notice: { kind: 'error', text: formatMessage(t().copyTooMany, { n: formatCount(size), max: formatCount(COPY_LIMIT) }) } })
    return
  }
  try {
    const result = await getApi().copyEvents({ selection, ...(viewId !== undefined ? { viewId } : {}) })
    // Electron's main wrote it; web mode gets the text.
    if (result.text !== undefined) await navigator.clipboard.writeText(result.text)
    set({ notice: { kind: 'done', text: formatMessage(t().copyDone, { n: formatCount(result.events) }) } })
  } catch (error) {
    set({ notice: { kind: 'error', text: formatMessage(t().copyFailed, { message: message(error) }) } })
  }
}
