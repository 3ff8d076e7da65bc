// The services behind the contract, independent of the shell that carries it (Electron IPC,
// the web-mode WebSocket, or the CLI calling them directly).

import type { AshiatoCalls, AshiatoPushes, PushName } from '../../common/ipc-contract'

export type { InputPath } from '../loader/collect-files'

/** The calls every shell shares. Shell-only calls (dialogs, openExternal, appInfo, export, copy) live in the shell. */
export type ServiceCalls = Omit<AshiatoCalls, 'openFilesDialog' | 'openExternal' | 'appInfo' | 'exportEvents' | 'showExportedFile' | 'copyEvents' | 'setShellLanguage'>

export type PushListener = <K extends PushName>(name: K, payload: AshiatoPushes[K]) => void
