// What the Electron preload (preload/preload.ts) puts on the window. Absent in web mode, where
// renderer/api/get-api.ts builds the same API over a WebSocket instead.
import type { AshiatoApi } from '../../common/ipc-contract'

declare global {
  interface Window {
    ashiato?: AshiatoApi
  }
}

export {}
