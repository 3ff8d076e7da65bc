// Push events, main -> renderer, and the listener helpers built from them.

import type { FileReport, LoadProgress, SourceInfo } from './loading'
import type { S3OpenProgress } from './s3'
import type { ExportProgress } from './export'
export interface AshiatoPushes {
  /** Load progress (throttled). */
  loadProgress: LoadProgress
  /** A file failed, or was only partly read; the load goes on with the others. */
  fileReport: FileReport
  /** The loaded set changed (events arrived, or it was cleared): views should be asked again. */
  eventsChanged: { total: number }
  /**
   * The menu asked for something the renderer does (focus the filter bar, switch language, open
   * files...); `paths` with openPaths (File ▸ Open Recent), which the page loads after asking.
   */
  menuCommand: { command: MenuCommand; paths?: string[] }
  /** An S3 open's download and load progress (throttled, and once more when it ends). */
  s3Progress: S3OpenProgress
  /** A running export's progress (throttled), and its end. */
  exportProgress: ExportProgress
  /** Detection caught up with the loaded set (after events arrived, or a clear): ask for the summary again. */
  detectionsChanged: { rules: number; eventsChecked: number }
  /** The loaded sources changed (a load began, progressed or ended, one was hidden, a clear). */
  sourcesChanged: SourceInfo[]
  /** "Update rules": a rule set's download (its name, compressed bytes so far), and its end. */
  rulesUpdateProgress: { source: string; phase: 'downloading' | 'done' | 'failed'; bytes: number }
}

export type MenuCommand =
  | 'focusFilter'
  | 'languageEnglish'
  | 'languageJapanese'
  | 'openS3'
  | 'exportEvents'
  | 'copyEvents'
  | 'selectAll'
  | 'openFiles'
  | 'openFolder'
  | 'openPaths'

export type PushName = keyof AshiatoPushes

/** A Record, not a list: a push missing here (or named here but not declared above) does not compile. */
const PUSHES: Record<PushName, true> = {
  loadProgress: true,
  fileReport: true,
  eventsChanged: true,
  menuCommand: true,
  s3Progress: true,
  exportProgress: true,
  detectionsChanged: true,
  sourcesChanged: true,
  rulesUpdateProgress: true,
}

export const PUSH_NAMES = Object.keys(PUSHES) as PushName[]

/** The listener helper's name for a push: loadProgress -> onLoadProgress. */
export type ListenerName<K extends PushName> = `on${Capitalize<K>}`

export function listenerName<K extends PushName>(name: K): ListenerName<K> {
  return `on${name[0].toUpperCase()}${name.slice(1)}` as ListenerName<K>
}

export type AshiatoListeners = {
  [K in PushName as ListenerName<K>]: (listener: (payload: AshiatoPushes[K]) => void) => () => void
}
