// A detection worker: compiles the rule set once, then matches packed events off the main
// event loop and posts back the matches.

import { parentPort } from 'node:worker_threads'
import { compileRuleSet, type RuleText } from './rule-set'
import { EventMatcher, type Hit } from './event-matcher'
import { packedView, type PackedEvents } from './store-view'

export type DetectWorkerRequest = { kind: 'rules'; files: RuleText[] } | { kind: 'job'; jobId: number; events: PackedEvents }
export type DetectWorkerReply = { jobId: number; hits: Hit[] } | { jobId: number; error: string }

let matcher: EventMatcher | null = null

parentPort?.on('message', (message: DetectWorkerRequest) => {
  if (message.kind === 'rules') {
    matcher = new EventMatcher(compileRuleSet(message.files))
    return
  }
  try {
    if (!matcher) throw new Error('detection worker got events before rules')
    parentPort!.postMessage({ jobId: message.jobId, hits: matcher.match(packedView(message.events)) } satisfies DetectWorkerReply)
  } catch (error) {
    parentPort!.postMessage({ jobId: message.jobId, error: (error as Error).message } satisfies DetectWorkerReply)
  }
})
