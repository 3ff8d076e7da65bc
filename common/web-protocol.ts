// Web mode's wire format: the IPC contract (ipc-contract.ts) carried over one WebSocket per tab,
// at ws://HOST/ws. Text frames are JSON messages below; binary frames carry uploaded file bytes.
//
//   client -> server  { t: 'call', id, name, args }          a call of AshiatoCalls, by name
//   server -> client  { t: 'result', id, ok: true, value }   its answer
//                     { t: 'result', id, ok: false, error, code?, values? }   or its error's
//                                                             message (code: common/call-errors.ts)
//   server -> client  { t: 'push', name, payload }           a push of AshiatoPushes
//   client -> server  { t: 'upload-begin', uploadId, files: [{ name, size }] }
//                     then binary frames: an 8-byte header (uploadId, then the file's index in
//                     `files`, each a big-endian uint32), then up to UPLOAD_CHUNK_BYTES of that
//                     file, in order; uploads may overlap since every frame names its upload
//                     { t: 'upload-end', uploadId }       -> { t: 'result', id: uploadId, ... LoadStarted }
//
// uploadId and call ids share one number space per connection (the result names either). An
// upload that goes wrong (more bytes than announced, a disk error) is answered at once with
// { t: 'result', id: uploadId, ok: false }; its later frames are ignored.
//
// Access (main/web/auth.ts): the printed page URL carries ?token=...; that page load sets an
// HttpOnly, SameSite=Strict cookie ashiato-PORT=token, which the page's assets then carry. Every
// HTTP request and the WebSocket upgrade need the token in the query or that cookie, and a Host of
// 127.0.0.1:PORT or localhost:PORT; the upgrade also needs Origin http://HOST (no other site's
// page can open it). The client passes ?token= on the WebSocket URL as well, when it has it.
// Files given on the server's command line are read by the server.

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
  /** A CallErrorCode (common/call-errors.ts) the page translates, and the values its message fills in. */
  code?: string
  values?: Record<string, string | number>
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

/** Bytes before the chunk in an upload's binary frame: uploadId and file index, uint32 BE each. */
export const UPLOAD_FRAME_HEADER_BYTES = 8

/** Path of the WebSocket on the web-mode server. */
export const WEB_SOCKET_PATH = '/ws'

/**
 * Path of an export's download (web mode): GET /export?id=TICKET, behind the same token or cookie
 * as every request. exportEvents answers with the ticket, good for one download within a minute.
 */
export const EXPORT_PATH = '/export'

/**
 * What `ashiato serve` prints (stderr) once the files named on its command line are loaded: the
 * page's first view may come before that, so scripts and the e2e fixture wait for this line.
 */
export const SERVE_LOADED = 'ashiato serve: the files named on the command line are loaded'
