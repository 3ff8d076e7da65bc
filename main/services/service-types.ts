// The services behind the contract, independent of the shell that carries it (Electron IPC,
// the web-mode WebSocket, or the CLI calling them directly).

import type { AshiatoCalls, AshiatoPushes, PushName } from '../../common/ipc-contract'

/** A local input: a file or folder path, and the name to show for it (s3://..., a dropped file's name). */
export interface InputPath {
  path: string
  displayName?: string
}

/** The calls every shell shares. Shell-only calls (dialogs, openExternal, export, copy) live in the shell. */
export type ServiceCalls = Omit<AshiatoCalls, 'openFilesDialog' | 'openExternal' | 'exportEvents' | 'showExportedFile' | 'copyEvents'>

export type PushListener = <K extends PushName>(name: K, payload: AshiatoPushes[K]) => void
