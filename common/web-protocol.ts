// Web mode's wire format: the IPC contract (ipc-contract.ts) carried over one WebSocket per tab.
// Text frames are JSON messages below; binary frames carry uploaded file bytes.
//
//   client -> server  { t: 'call', id, name, args }          a call of AshiatoCalls, by name
//   server -> client  { t: 'result', id, ok: true, value }   its answer
//                     { t: 'result', id, ok: false, error }   or its error's message
//   server -> client  { t: 'push', name, payload }           a push of AshiatoPushes
//   client -> server  { t: 'upload-begin', uploadId, files: [{ name, size }] }
//                     then binary frames: 4-byte big-endian file index, then a chunk of that file
//                     { t: 'upload-end', uploadId }       -> { t: 'result', id: uploadId, ... LoadStarted }
//
// The page's URL carries ?token=...; the WebSocket URL must carry the same token or the
// upgrade is refused. Files given on the server's command line are read by the server.

import type { AshiatoPushes, CallName, PushName } from './ipc-contract'

export interface CallMessage {
  t: 'call'
  id: number
  name: CallName
  args: unknown[]
}

export interface ResultMessage {
  t: 'result'
  id: number
  ok: boolean
  value?: unknown
  error?: string
}

export interface PushMessage<K extends PushName = PushName> {
  t: 'push'
  name: K
  payload: AshiatoPushes[K]
}

export interface UploadBeginMessage {
  t: 'upload-begin'
  uploadId: number
  files: { name: string; size: number }[]
}

export interface UploadEndMessage {
  t: 'upload-end'
  uploadId: number
}

export type ClientMessage = CallMessage | UploadBeginMessage | UploadEndMessage
export type ServerMessage = ResultMessage | PushMessage

/** Largest chunk of an uploaded file in one binary frame. */
export const UPLOAD_CHUNK_BYTES = 1 << 20
