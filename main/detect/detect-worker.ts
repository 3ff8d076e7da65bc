// A detection worker: compiles the rule set once, keeps a mirror of the store (its columns in
// shared memory, its text files read here by offset: nothing is copied per event), and matches
// the ranges of events it is sent, off the main event loop, posting back the matches.

import { parentPort } from 'node:worker_threads'
import { compileRuleSet, type RuleText } from './rule-set'
import { EventMatcher, type Hit } from './event-matcher'
import { EventStore } from '../store/event-store'
import type { MirrorUpdate } from '../store/mirror-update'

export type DetectWorkerRequest =
  | { kind: 'rules'; files: RuleText[] }
  /** Sent to every worker before the jobs over the events it adds (messages arrive in order). */
  | { kind: 'mirror'; update: MirrorUpdate }
  | { kind: 'job'; jobId: number; from: number; to: number }
export type DetectWorkerReply = { jobId: number; hits: Hit[] } | { jobId: number; error: string }

let matcher: EventMatcher | null = null
const store = new EventStore()

parentPort?.on('message', (message: DetectWorkerRequest) => {
  if (message.kind === 'rules') {
    matcher = new EventMatcher(compileRuleSet(message.files))
    return
  }
  if (message.kind === 'mirror') {
    store.adoptMirror(message.update)
    return
  }
  try {
    if (!matcher) throw new Error('detection worker got events before rules')
    parentPort!.postMessage({ jobId: message.jobId, hits: matcher.match(store, message.from, message.to) } satisfies DetectWorkerReply)
  } catch (error) {
    parentPort!.postMessage({ jobId: message.jobId, error: (error as Error).message } satisfies DetectWorkerReply)
  }
})
