// The one way the renderer reaches the services: `window.ashiato` when the Electron preload
// provided it, else the same contract over web mode's WebSocket. Created once, on first use.

import type { AshiatoApi } from '../../common/ipc-contract'
import { createWebApi, webSocketUrl } from './web-api'

let api: AshiatoApi | undefined

export function getApi(): AshiatoApi {
  api ??= window.ashiato ?? createWebApi(new WebSocket(webSocketUrl(window.location)))
  return api
}
