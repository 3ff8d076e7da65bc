// Selection, export and copy. A selection is either explicit event ids (a few hundred thousand
// at most, fine as numbers) or "every event of a view" (Ctrl/Cmd-A), kept in main, minus the ones
// Ctrl/Cmd-clicked off and plus others clicked on: the ids of a big result never cross to the renderer.

import type { RowColumn } from '../event-row'

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
