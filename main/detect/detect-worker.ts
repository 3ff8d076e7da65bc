// A detection worker: compiles the rule set once, keeps a mirror of the store (its columns in
// shared memory, its text files read here by offset through the mirror's text layout: nothing
// is copied per event), and matches
// the ranges of events it is sent, off the main event loop, posting back the matches as typed
// arrays whose buffers are transferred, not cloned.

import { parentPort } from 'node:worker_threads'
import { compileRuleSet, type RuleText } from './rule-set'
import { EventMatcher } from './event-matcher'
import { MatchList, type MatchBatch } from './match-list'
import { MirrorBytes } from './mirror-bytes'
import { EventStore } from '../store/event-store'
import type { MirrorUpdate } from '../store/mirror-update'

export type DetectWorkerRequest =
  | { kind: 'rules'; files: RuleText[] }
  /** Sent to every worker before the jobs over the events it adds (messages arrive in order). */
  | { kind: 'mirror'; update: MirrorUpdate }
  | { kind: 'job'; jobId: number; from: number; to: number }
export type DetectWorkerReply = { jobId: number; matches: MatchBatch } | { jobId: number; error: string }

let matcher: EventMatcher | null = null
const store = new EventStore()
const bytes = new MirrorBytes(store)
const found = new MatchList()

parentPort?.on('message', (message: DetectWorkerRequest) => {
  if (message.kind === 'rules') {
    matcher = new EventMatcher(compileRuleSet(message.files))
    return
  }
  if (message.kind === 'mirror') {
    store.adoptMirror(message.update)
    bytes.follow()
    return
  }
  try {
    if (!matcher) throw new Error('detection worker got events before rules')
    found.clear()
    matcher.match(store, message.from, message.to, found, bytes)
    const matches = found.batch()
    parentPort!.postMessage({ jobId: message.jobId, matches } satisfies DetectWorkerReply, [matches.rules.buffer as ArrayBuffer, matches.ids.buffer as ArrayBuffer])
  } catch (error) {
    parentPort!.postMessage({ jobId: message.jobId, error: (error as Error).message } satisfies DetectWorkerReply)
  }
})
