// The one way the renderer reaches the services: `window.ashiato` when the Electron preload
// provided it, else the same contract over web mode's WebSocket. Created once, on first use.

import type { AshiatoApi } from '../../common/ipc-contract'
import { addressWithoutToken, createWebApi, webSocketUrl } from './web-api'

let api: AshiatoApi | undefined

function connectWeb(): AshiatoApi {
  const socket = new WebSocket(webSocketUrl(window.location))
  // The WebSocket URL above took the token; the cookie covers everything after this.
  const clean = addressWithoutToken(window.location.href)
  if (clean !== null) window.history.replaceState(window.history.state, '', clean)
  return createWebApi(socket)
}

export function getApi(): AshiatoApi {
  api ??= window.ashiato ?? connectWeb()
  return api
}
