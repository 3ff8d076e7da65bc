// The identity worker: keeps a mirror of the store (its columns in shared memory, its text files
// read here by offset, as the query and detection workers do), builds the link table as events
// arrive, and answers chains, dossiers and graphs, so that none of it runs on the main thread's
// event loop. After each follow it sends the chain table the query fields read (chain-table.ts).
// Messages are handled in order: a call sees every mirror update sent before it.

import { parentPort } from 'node:worker_threads'
import { EventStore } from '../store/event-store'
import type { MirrorUpdate } from '../store/mirror-update'
import { buildChainTable, type ChainTable } from './chain-table'
import { answerIdentity, type IdentityAnswers, type IdentityRequest } from './identity-answer'
import { identityIndexOf } from './identity-index'

export type IdentityWorkerMessage =
  /** Sent before any follow or call that must see the events it adds. */
  | { kind: 'mirror'; update: MirrorUpdate }
  /**
   * Read what arrived into the link table; answered with a 'followed' reply. `table`: also make
   * the chain table current (it is rebuilt whole, so during a load it is made only when a query
   * waits for it or the load has paused: rebuilt at every follow it cost more than the load).
   */
  | { kind: 'follow'; followId: number; table: boolean }
  | { kind: 'call'; callId: number; request: IdentityRequest }

export type IdentityWorkerReply =
  /**
   * `busyMs`: the follow's time in this worker, mirror updates since the last one included (summed by the host).
   * `table`: a new chain table, or null when it did not change or was not asked for; `tableCurrent`: the host's table (with `table` if sent) covers this follow.
   */
  | { kind: 'followed'; followId: number; generation: number; size: number; table: ChainTable | null; tableCurrent: boolean; busyMs: number; error?: string }
  | { kind: 'answer'; callId: number; value: IdentityAnswers[IdentityRequest['kind']] }
  | { kind: 'failed'; callId: number; error: string }

const store = new EventStore()
let tableRevision = -1
/** Time spent adopting mirror updates since the last follow (counted in its busyMs). */
let adoptMs = 0

parentPort?.on('message', (message: IdentityWorkerMessage) => {
  if (message.kind === 'mirror') {
    const started = performance.now()
    store.adoptMirror(message.update)
    adoptMs += performance.now() - started
    return
  }
  if (message.kind === 'follow') {
    const started = performance.now() - adoptMs
    adoptMs = 0
    try {
      const index = identityIndexOf(store)
      // The table is rebuilt only when asked for and chains may have changed (new issuing events, new use of an issued key, a clear).
      const changed = index.revision !== tableRevision
      const table = message.table && changed ? buildChainTable(index) : null
      if (message.table) tableRevision = index.revision
      const tableCurrent = message.table || !changed
      parentPort!.postMessage({ kind: 'followed', followId: message.followId, generation: store.generation, size: store.size, table, tableCurrent, busyMs: performance.now() - started } satisfies IdentityWorkerReply)
    } catch (error) {
      parentPort!.postMessage({ kind: 'followed', followId: message.followId, generation: store.generation, size: store.size, table: null, tableCurrent: true, busyMs: performance.now() - started, error: (error as Error).message } satisfies IdentityWorkerReply)
    }
    return
  }
  try {
    parentPort!.postMessage({ kind: 'answer', callId: message.callId, value: answerIdentity(store, message.request) } satisfies IdentityWorkerReply)
  } catch (error) {
    parentPort!.postMessage({ kind: 'failed', callId: message.callId, error: (error as Error).message } satisfies IdentityWorkerReply)
  }
})
