// Export and copy of the selection or the result: the export dialog's run, its progress
// (exportProgress pushes), the counts it shows, and the note shown when something was written or
// copied. Electron saves through main's Save dialog; web mode downloads what the server streams.
// The dialog's kept choices (format, gzip) live in renderer/state/export-prefs.ts.
import { COPY_LIMIT, type EventSelection, type ExportProgress, type ExportRequest } from '../../common/ipc-contract'
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { callErrorWords } from '../api/call-error-text'
import { currentSelection, isMultiSelection, selectionSize, type ExportScope } from './session-state'
import type { SessionContext } from './session-env'

/** The counts wait for the selection to settle this long (Shift+arrows move it per key). */
export const COUNT_DELAY_MS = 120

export interface ExportLogic {
  /** Asks main how many events are selected and how many the current view hides. */
  refreshCounts(): Promise<void>
  /** The selection or the view changed: the counts may have too. */
  scheduleCounts(): void
  openExportDialog(): void
  closeExportDialog(): void
  setExportScope(scope: ExportScope): void
  /** The request for the dialog's choices (null when there is nothing to export). */
  exportRequest(): ExportRequest | null
  /** Export with the dialog's choices: Electron asks where to save; web mode downloads it. */
  startExport(): Promise<void>
  cancelExport(): Promise<void>
  /** exportProgress: this page's export moves on, or ends. */
  exportProgressArrived(progress: ExportProgress): void
  showExportedFile(path: string): void
  dismissNotice(): void
  /** Ctrl/Cmd+C in the list, or Edit ▸ Copy Selected Events: the selection as JSON Lines. */
  copySelection(): Promise<void>
  dispose(): void
}

export function createExportLogic({ env, get, set }: SessionContext): ExportLogic {
  let countSeq = 0
  let countTimer: ReturnType<typeof setTimeout> | undefined
  const t = () => env.messages()

  async function refreshCounts(): Promise<void> {
    const seq = ++countSeq
    const selection = currentSelection(get())
    const viewId = get().info?.viewId
    if (!selection || viewId === undefined) {
      set({ counts: null })
      return
    }
    try {
      const counts = await env.api.countHidden({ viewId, selection })
      if (seq === countSeq) set({ counts })
    } catch {
      if (seq === countSeq) set({ counts: null })
    }
  }

  function scheduleCounts(): void {
    clearTimeout(countTimer)
    // Only a multi-selection (or the open dialog) shows the counts: a plain click asks nothing.
    if (!isMultiSelection(get()) && !get().exportOpen) {
      if (get().counts !== null) set({ counts: null })
      return
    }
    countTimer = setTimeout(() => void refreshCounts(), COUNT_DELAY_MS)
  }

  function openExportDialog(): void {
    if ((get().info?.total ?? 0) === 0) return
    set({ exportOpen: true, exportScope: isMultiSelection(get()) ? 'selected' : 'result', notice: null })
    void refreshCounts()
  }

  function closeExportDialog(): void {
    if (get().running) void cancelExport()
    set({ exportOpen: false })
  }

  function exportRequest(): ExportRequest | null {
    const state = get()
    const viewId = state.info?.viewId
    const selection: EventSelection | null = state.exportScope === 'result' ? (viewId === undefined ? null : { viewId }) : currentSelection(state)
    if (!selection) return null
    const { format, gzip, extraColumns } = env.exportChoices()
    // CSV: the console's columns, then the ones the list shows.
    const extra = format === 'csv' ? { extraColumns } : {}
    return { selection, format, gzip, ...extra, ...(viewId !== undefined ? { viewId } : {}) }
  }

  function done(events: number, path: string, showable: boolean): void {
    set({ running: null, exportOpen: false, notice: { kind: 'done', text: formatMessage(t().exportDone, { n: formatCount(events), file: path }), ...(showable ? { path } : {}) } })
  }

  async function startExport(): Promise<void> {
    const request = exportRequest()
    if (!request || get().running) return
    set({ running: { path: null, progress: null }, notice: null })
    try {
      const result = await env.api.exportEvents(request)
      if (result === null) {
        set({ running: null }) // the Save dialog, or the export, was cancelled
        return
      }
      if ('download' in result) {
        // The server streams it once the browser asks; its pushes say when it is all written.
        set({ running: { path: result.fileName, progress: get().running?.progress ?? null } })
        env.download(result.download, result.fileName)
        return
      }
      done(result.events, result.path, true)
    } catch (error) {
      set({ running: null, notice: { kind: 'error', text: formatMessage(t().exportFailed, { message: callErrorWords(error, t()) }) } })
    }
  }

  async function cancelExport(): Promise<void> {
    try {
      await env.api.cancelExport()
    } catch {
      // nothing was running any more
    }
  }

  function exportProgressArrived(progress: ExportProgress): void {
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

  function showExportedFile(path: string): void {
    env.api.showExportedFile(path).catch((error: unknown) => set({ notice: { kind: 'error', text: callErrorWords(error, t()) } }))
  }

  async function copySelection(): Promise<void> {
    const state = get()
    const selection = currentSelection(state)
    if (!selection) return
    const viewId = state.info?.viewId
    const size = state.counts?.selected ?? selectionSize(state)
    if (size > COPY_LIMIT) {
      set({ notice: { kind: 'error', text: formatMessage(t().copyTooMany, { n: formatCount(size), max: formatCount(COPY_LIMIT) }) } })
      return
    }
    try {
      const result = await env.api.copyEvents({ selection, ...(viewId !== undefined ? { viewId } : {}) })
      // Electron's main wrote it; web mode gets the text.
      if (result.text !== undefined) await env.writeClipboard(result.text)
      set({ notice: { kind: 'done', text: formatMessage(t().copyDone, { n: formatCount(result.events) }) } })
    } catch (error) {
      set({ notice: { kind: 'error', text: formatMessage(t().copyFailed, { message: callErrorWords(error, t()) }) } })
    }
  }

  return {
    refreshCounts,
    scheduleCounts,
    openExportDialog,
    closeExportDialog,
    setExportScope: (exportScope) => set({ exportScope }),
    exportRequest,
    startExport,
    cancelExport,
    exportProgressArrived,
    showExportedFile,
    dismissNotice: () => set({ notice: null }),
    copySelection,
    dispose: () => clearTimeout(countTimer),
  }
}
