// Selection, export and copy. A selection is either explicit event ids (a few hundred thousand
// at most, fine as numbers) or "every event of a view" (Ctrl/Cmd-A), kept in main, minus the ones
// Ctrl/Cmd-clicked off and plus others clicked on: the ids of a big result never cross to the
// renderer (part of the contract, see common/ipc-contract.ts).

import * as v from 'valibot'
import { ROW_COLUMNS } from '../event-row'
import { answer, arg, call, eventIds } from './define-call'
import { PathSchema } from './loading'
import { ViewIdSchema } from './views'

export const SELECTION_LIMITS = {
  /** Explicit ids in a selection (a bigger one is "all of a view" and stays in main). */
  ids: 500_000,
  /** Rows asked about at once in selectionMembers (a screenful, or a window of rows). */
  memberIds: 10_000,
} as const

/** copyEvents copies at most this many events (more: export them). */
export const COPY_LIMIT = 50_000

export const EventSelectionSchema = v.pipe(
  v.looseObject({}),
  v.check((s) => !('ids' in s && 'viewId' in s), 'has both ids and viewId'),
  v.union(
    [
      v.object({ ids: eventIds(SELECTION_LIMITS.ids) }),
      v.object({ viewId: ViewIdSchema, except: v.optional(eventIds(SELECTION_LIMITS.ids)), plus: v.optional(eventIds(SELECTION_LIMITS.ids)) }),
    ],
    'must be { ids } or { viewId, except?, plus? }',
  ),
)
export type EventSelection = v.InferOutput<typeof EventSelectionSchema>

/** records: CloudTrail's {"Records":[...]} file. jsonl: one event per line. csv: the console's columns. */
export const EXPORT_FORMATS = ['records', 'jsonl', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const ExportRequestSchema = v.object({
  selection: EventSelectionSchema,
  format: v.picklist(EXPORT_FORMATS),
  gzip: v.boolean(),
  /** CSV: columns after the console's twelve (the list's chosen columns). */
  extraColumns: v.optional(v.pipe(v.array(v.picklist(ROW_COLUMNS)), v.maxLength(ROW_COLUMNS.length))),
  /** The view on screen: explicit ids are written in its order (those it hides after, by time). */
  viewId: v.optional(ViewIdSchema),
})
export type ExportRequest = v.InferOutput<typeof ExportRequestSchema>

/** A selection, and the view whose order it is written in. */
export const CopyRequestSchema = v.object({ selection: EventSelectionSchema, viewId: v.optional(ViewIdSchema) })

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

export const EXPORT_CALLS = {
  /**
   * Ctrl/Cmd-A: keeps this view's result as the selection (it outlives the view cache; the
   * previous one is forgotten). Then `{ viewId }` selects it in the calls below.
   */
  selectView: call({ args: [arg('viewId', ViewIdSchema)], returns: answer<{ count: number }>(), scope: 'session', by: 'service' }),
  /** How many events a selection holds, and how many of them `viewId` hides. */
  countHidden: call({ args: [arg('request', v.object({ viewId: ViewIdSchema, selection: EventSelectionSchema }))], returns: answer<SelectionCount>(), scope: 'session', by: 'service' }),
  /** Which of these ids are in the selection (to mark rows of another view than the selected one). */
  selectionMembers: call({ args: [arg('request', v.object({ selection: EventSelectionSchema, ids: eventIds(SELECTION_LIMITS.memberIds) }))], returns: answer<number[]>(), scope: 'session', by: 'service' }),
  /**
   * Electron: the save dialog, then the file written atomically (null when the dialog was
   * cancelled); exportProgress follows meanwhile. Web mode: an address the page downloads the
   * export from (the server streams it and pushes exportProgress).
   */
  exportEvents: call({ args: [arg('request', ExportRequestSchema)], returns: answer<ExportDone | ExportDownload | null>(), scope: 'session', by: 'shell' }),
  /** Stops the running exports; nothing is left behind (no partial file). */
  cancelExport: call({ args: [], returns: answer(), scope: 'session', by: 'service' }),
  /** Electron: shows a file this session exported in its folder (any other path is refused). */
  showExportedFile: call({ args: [arg('path', PathSchema)], returns: answer(), scope: 'server-path', by: 'shell' }),
  /** The selection as JSON Lines for the clipboard (at most COPY_LIMIT events). */
  copyEvents: call({ args: [arg('request', CopyRequestSchema)], returns: answer<CopyResult>(), scope: 'session', by: 'shell' }),
}
