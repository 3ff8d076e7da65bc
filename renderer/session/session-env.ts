// What a view session needs from outside, passed in when it is created (renderer/main.tsx builds
// the real one; tests pass an in-memory AshiatoCalls). Nothing in renderer/session reaches for
// the API or the browser by itself, so its logic runs under plain Node.
import type { StoreApi } from 'zustand'
import type { RowColumn } from '../../common/event-row'
import type { Messages } from '../../common/i18n'
import type { AshiatoCalls, ExportFormat } from '../../common/ipc-contract'
import type { FindState } from '../state/view-spec'
import type { SessionState } from './session-state'

/** The calls the session makes. */
export type SessionApi = Pick<
  AshiatoCalls,
  'setView' | 'cancelView' | 'getRows' | 'getEvent' | 'selectView' | 'selectionMembers' | 'countHidden' | 'exportEvents' | 'cancelExport' | 'showExportedFile' | 'copyEvents'
>

export interface SessionEnv {
  api: SessionApi
  /** The find controls (renderer/state/find-store): a change asks for the view they stand for. */
  find: StoreApi<FindState>
  /** A call failed in a way the user should see (the top bar shows it). */
  reportError(error: unknown): void
  /** The export dialog's kept choices, and the list's extra columns for CSV. */
  exportChoices(): { format: ExportFormat; gzip: boolean; extraColumns: RowColumn[] }
  /** The UI strings in the user's language. */
  messages(): Messages
  /** Web mode: the browser downloads what the server streams from this address. */
  download(url: string, fileName: string): void
  writeClipboard(text: string): Promise<void>
}

/** What the parts of the session share: the environment and the one store. */
export interface SessionContext {
  env: SessionEnv
  get: () => SessionState
  set: (patch: Partial<SessionState>) => void
}
