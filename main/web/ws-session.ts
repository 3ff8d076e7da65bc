// One browser tab's WebSocket: calls in, results and pushes out, uploads to temporary files.
// Messages follow common/web-protocol.ts; anything else closes the connection.

import { promises as fs } from 'node:fs'
import type { WebSocket, RawData } from 'ws'
import type { CopyResult, EventSelection, ExportDone, LoadStarted } from '../../common/ipc-contract'
import type { Writable } from 'node:stream'
import type { ExportShape } from '../services/export-runner'
import type { ServerMessage } from '../../common/web-protocol'
import type { ShellCalls } from '../services/dispatch-call'
import { CallError } from '../../common/call-errors'
import { dispatchWebCall, type WebCallPolicy } from './web-call-policy'
import type { InputPath, PushListener, ServiceCalls } from '../services/service-types'
import { UploadReceiver } from './uploads'
import { webLog } from './log-scrub'

/** What web mode needs of the services (AshiatoService; a fake in tests). */
export interface WebService extends ServiceCalls {
  onPush(listener: PushListener): () => void
  loadInputs(inputs: InputPath[]): Promise<LoadStarted>
  whenLoadDone(): Promise<void>
  /** Exports (AshiatoService's, see main/services/selection.ts and export-runner.ts). */
  resolveSelection(selection: EventSelection, orderViewId?: number): Uint32Array
  exportToStream(ids: Uint32Array, shape: ExportShape, name: string, destination: Writable, signal?: AbortSignal): Promise<ExportDone>
  copyText(request: { selection: EventSelection; viewId?: number }): CopyResult & { text: string }
}

export interface SessionOptions {
  service: WebService
  shell: ShellCalls
  uploadsDir: string
  /** What a tab may reach (web-call-policy.ts). */
  policy?: WebCallPolicy
  /** Largest upload, all its files together (--max-upload). */
  maxUploadBytes?: number
}

const POLICY_VIOLATION = 1008

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff
}

/** An error as a result message: its text, and its code when the UI can translate it. */
function failure(id: number, error: unknown): ServerMessage {
  if (error instanceof CallError) return { t: 'result', id, ok: false, error: error.message, code: error.code, values: error.values }
  return { t: 'result', id, ok: false, error: messageOf(error) }
}

export function runSession(socket: WebSocket, { service, shell, uploadsDir, policy = {}, maxUploadBytes }: SessionOptions): void {
  // A full upload file pauses reading the socket, which pushes back on the browser's sending.
  const uploads = new UploadReceiver(uploadsDir, (full) => (full ? socket.pause() : socket.resume()), maxUploadBytes)
  /** Uploads already answered with an error: their frames still in flight are dropped quietly. */
  const failedUploads = new Set<number>()

  const send = (message: ServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const answer = (id: number, work: Promise<unknown>): void => {
    work.then(
      (value) => send({ t: 'result', id, ok: true, value }),
      (error: unknown) => send(failure(id, error)),
    )
  }
  const protocolError = (what: string): void => {
    webLog(`[web] closing a connection: ${what}`)
    socket.close(POLICY_VIOLATION, what.slice(0, 120))
  }
  const failUpload = (uploadId: number, error: unknown): void => {
    failedUploads.add(uploadId)
    void uploads.abort(uploadId)
    send(failure(uploadId, error))
  }

  const onBinary = (frame: Buffer): void => {
    const uploadId = frame.length >= 4 ? frame.readUInt32BE(0) : -1
    if (failedUploads.has(uploadId)) return
    try {
      uploads.chunk(frame)
    } catch (error) {
      if (uploads.isOpen(uploadId)) failUpload(uploadId, error)
      else protocolError(messageOf(error))
    }
  }

  const finishUpload = async (uploadId: number): Promise<LoadStarted> => {
    const { dir, inputs } = await uploads.end(uploadId)
    const started = await service.loadInputs(inputs)
    // The loaded set keeps each event's text in memory, so the copies can go once read.
    void service
      .whenLoadDone()
      .then(() => fs.rm(dir, { recursive: true, force: true }))
      .catch((error: unknown) => webLog(`[web] removing ${dir}: ${messageOf(error)}`))
    return started
  }

  const onText = (text: string): void => {
    let message: { t?: unknown; id?: unknown; uploadId?: unknown; name?: unknown; args?: unknown; files?: unknown }
    try {
      message = JSON.parse(text)
    } catch {
      return protocolError('a text frame that is not JSON')
    }
    if (message === null || typeof message !== 'object') return protocolError('a message that is not an object')
    if (message.t === 'call') {
      if (!isId(message.id)) return protocolError('a call without a numeric id')
      return answer(message.id, dispatchWebCall(service, shell, policy, message.name, message.args))
    }
    if (!isId(message.uploadId)) return protocolError(`${String(message.t)} without a numeric uploadId`)
    const uploadId = message.uploadId
    if (message.t === 'upload-begin') {
      try {
        uploads.begin(uploadId, message.files)
      } catch (error) {
        failUpload(uploadId, error)
      }
    } else if (message.t === 'upload-end') {
      if (!failedUploads.delete(uploadId)) answer(uploadId, finishUpload(uploadId))
    } else {
      protocolError(`unknown message type ${JSON.stringify(message.t)}`)
    }
  }

  const unsubscribe = service.onPush((name, payload) => send({ t: 'push', name, payload }))
  socket.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
    if (isBinary) onBinary(bytes)
    else onText(bytes.toString('utf8'))
  })
  socket.on('error', (error) => webLog(`[web] connection error: ${error.message}`))
  socket.on('close', () => {
    unsubscribe()
    void uploads.abort()
  })
}
