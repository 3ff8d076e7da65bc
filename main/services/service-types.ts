// The services behind the contract, independent of the shell that carries it (Electron IPC,
// the web-mode WebSocket, or the CLI calling them directly).

import type { AshiatoPushes, PushName } from '../../common/ipc-contract'

/** The calls every shell shares, and those each shell answers itself: derived from the contract's `by`. */
export type { ServiceCalls, ShellCalls, ShellCallName } from '../../common/ipc-contract'

export type { InputPath } from '../loader/collect-files'

export type PushListener = <K extends PushName>(name: K, payload: AshiatoPushes[K]) => void
