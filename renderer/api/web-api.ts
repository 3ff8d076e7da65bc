// AshiatoApi over web mode's WebSocket (common/web-protocol.ts), for when the page is served by
// `ashiato serve` instead of running in Electron. Calls made before the socket opens wait for
// it; a lost connection rejects every pending and later call with a message saying what to do.
// No reconnect: the server holds the loaded set, so a new server means a new page anyway.

import { forwardCalls, forwardListeners, type AshiatoApi, type CallName, type LoadStarted, type PushName } from '../../common/ipc-contract'
import {
  type ResultMessage,
  UPLOAD_CHUNK_BYTES,
  UPLOAD_FRAME_HEADER_BYTES,
  WEB_SOCKET_PATH,
  type ClientMessage,
  type ServerMessage,
} from '../../common/web-protocol'

/** The part of a WebSocket this client uses: the browser's, or the ws package's in tests. */
export interface SocketLike {
  binaryType: string
  readonly bufferedAmount: number
  send(data: string | Uint8Array): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void
  addEventListener(type: 'open' | 'error', listener: () => void): void
}

const uploadName = (f: UploadFile): string => f.webkitRelativePath || f.name

/** The blob-like part of a File that an upload reads. */
export interface UploadFile {
  name: string
  /** A picked folder's files carry their path in it: kept, so trail files keep their AWSLogs/ layout (integrity). */
  webkitRelativePath?: string
  size: number
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> }
}

/** Sending waits while more than this is queued in the socket, so big uploads stream rather than pile up in memory. */
const HIGH_WATER_BYTES = 4 * UPLOAD_CHUNK_BYTES

/** ws://host/ws?token=... for the page at `location` (its token, when the URL has one; the cookie covers reloads without). */
export function webSocketUrl(location: { protocol: string; host: string; search: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = new URLSearchParams(location.search).get('token')
  return `${scheme}//${location.host}${WEB_SOCKET_PATH}${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

/**
 * The address without its ?token=, or null when it has none. The page load that carried the
 * token set the session cookie (HttpOnly, so the page cannot see it), which reloads and the
 * WebSocket then present: the token need not stay in the address bar, history or bookmarks.
 */
export function addressWithoutToken(href: string): string | null {
  const url = new URL(href)
  if (!url.searchParams.has('token')) return null
  url.searchParams.delete('token')
  return `${url.pathname}${url.search}${url.hash}`
}

function lostMessage(opened: boolean, code: number, reason: string): string {
  const detail = reason ? ` (${reason})` : code ? ` (code ${code})` : ''
  return opened
    ? `Lost the connection to the Ashiato server${detail}. It may have been stopped; start it again and open the address it prints.`
    : `Could not connect to the Ashiato server${detail}. Open the exact address that \`ashiato serve\` printed (it carries an access token), and check that the server is still running.`
}

/** A failed result as an Error; a coded one keeps its code and values for the UI to translate. */
function resultError(message: ResultMessage): Error {
  const error = new Error(message.error ?? 'the server gave no reason') as Error & { code?: string; values?: Record<string, string | number> }
  if (message.code) {
    error.code = message.code
    error.values = message.values ?? {}
  }
  return error
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

export function createWebApi(socket: SocketLike): AshiatoApi {
  socket.binaryType = 'arraybuffer'
  const pending = new Map<number, Pending>()
  const listeners = new Map<PushName, Set<(payload: unknown) => void>>()
  let nextId = 1
  let isOpen = false
  let lost: Error | null = null
  let markOpen: () => void = () => undefined
  let markLost: (error: Error) => void = () => undefined
  const opened = new Promise<void>((resolve, reject) => {
    markOpen = resolve
    markLost = reject
  })
  opened.catch(() => undefined) // each caller gets the error through send()

  socket.addEventListener('open', () => {
    isOpen = true
    markOpen()
  })
  // A failed connection fires 'error' and then 'close'; the close says it all.
  socket.addEventListener('error', () => undefined)
  socket.addEventListener('close', (event) => {
    lost = new Error(lostMessage(isOpen, event.code, event.reason))
    console.error(`[ashiato] ${lost.message}`)
    markLost(lost)
    for (const { reject } of pending.values()) reject(lost)
    pending.clear()
  })
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return
    const message = JSON.parse(event.data) as ServerMessage
    if (message.t === 'result') {
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (message.ok) waiting?.resolve(message.value)
      else waiting?.reject(resultError(message))
    } else if (message.t === 'push') {
      for (const listener of listeners.get(message.name) ?? []) {
        try {
          listener(message.payload)
        } catch (error) {
          console.error(`[ashiato] a ${message.name} listener threw`, error)
        }
      }
    }
  })

  const send = async (data: ClientMessage | Uint8Array): Promise<void> => {
    await opened
    if (lost) throw lost
    socket.send(data instanceof Uint8Array ? data : JSON.stringify(data))
  }
  /** The result that will carry this id. */
  const resultOf = (id: number): Promise<unknown> => {
    const result = new Promise<unknown>((resolve, reject) => {
      if (lost) reject(lost)
      else pending.set(id, { resolve, reject })
    })
    // Awaited by the caller once its message is sent; if sending throws first, the send's error
    // is the one reported, and this rejection must not count as unhandled.
    result.catch(() => undefined)
    return result
  }
  const call = async (name: CallName, args: unknown[]): Promise<unknown> => {
    const id = nextId++
    const result = resultOf(id)
    await send({ t: 'call', id, name, args })
    return result
  }

  const uploadFiles = async (files: UploadFile[]): Promise<LoadStarted> => {
    const uploadId = nextId++
    const result = resultOf(uploadId)
    await send({ t: 'upload-begin', uploadId, files: files.map((f) => ({ name: uploadName(f), size: f.size })) })
    for (const [index, file] of files.entries()) {
      for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
        // The server answers at once when an upload fails (or the connection is lost): stop then.
        if (!pending.has(uploadId)) return (await result) as LoadStarted
        while (socket.bufferedAmount > HIGH_WATER_BYTES && !lost) await new Promise((wake) => setTimeout(wake, 10))
        const bytes = await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer()
        const frame = new Uint8Array(UPLOAD_FRAME_HEADER_BYTES + bytes.byteLength)
        const header = new DataView(frame.buffer)
        header.setUint32(0, uploadId)
        header.setUint32(4, index)
        frame.set(new Uint8Array(bytes), UPLOAD_FRAME_HEADER_BYTES)
        await send(frame)
      }
    }
    await send({ t: 'upload-end', uploadId })
    return (await result) as LoadStarted
  }

  const subscribe = (name: PushName, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(name) ?? new Set()
    listeners.set(name, set)
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }
  // Built from the contract, so the shape is the contract's by construction.
  return { ...forwardCalls(call), ...forwardListeners(subscribe), uploadFiles }
}
