// The field catalogue's sample, taken in the parse workers: the leaf paths of some of the events
// each worker parses, counted there, so that the catalogue the column and facet choosers read is
// a merge of small tallies on the main thread, never a JSON.parse of events on it (#16).
//
// A worker samples every event until it has SAMPLE_FIRST of them, then one event in `stride`,
// the stride growing fourfold each SAMPLE_FIRST samples: a small load is walked whole (its
// counts are exact), a 10M load costs a worker about SAMPLE_FIRST × log4(events / SAMPLE_FIRST)
// parses. Profiled on the realistic 1M corpus (1.4 KB events; the machine shared, so roughly):
// 1,000 samples per doubling cost each worker 1.3 s of ~19 s, 256 per doubling still ~0.5 s.

/** Events sampled before the stride starts to grow. */
export const SAMPLE_FIRST = 256
/** Deepest path walked (requestParameters.x.y.z...). */
const MAX_DEPTH = 8
/** Arrays directly inside arrays walked into (a real event has one or two). */
const MAX_ARRAY_NESTING = 16
/** A key longer than this, or with characters outside [A-Za-z0-9_$@:-], is no column name. */
const KEY = /^[A-Za-z0-9_$@:-]{1,64}$/
/** Distinct paths a worker keeps; keys are chosen by whoever made the API call. */
export const WORKER_MAX_PATHS = 3_000
/**
 * Paths taken from one event: the worker's cap is first-come, so without this one event with
 * 3,000 requestParameters keys would fill it and the real fields after it would never be listed.
 */
export const EVENT_MAX_PATHS = 256

/** What a worker learnt since its previous message: how many events it walked, and per path how many had it. */
export interface FieldPathTally {
  sampled: number
  paths: string[]
  counts: number[]
  /** Paths refused by EVENT_MAX_PATHS or WORKER_MAX_PATHS (the chooser says some were left out). */
  capped: number
}

function walk(value: unknown, prefix: string, depth: number, seen: Set<string>, arrays = 0): void {
  // Arrays in arrays are counted apart: [[[...]]] 100,000 deep (a hostile event, which
  // JSON.parse reads) must not reach the end of the stack, and a key path keeps its 8 levels.
  if (Array.isArray(value)) {
    if (arrays >= MAX_ARRAY_NESTING) {
      if (prefix) seen.add(prefix)
      return
    }
    for (const item of value) walk(item, prefix, depth, seen, arrays + 1)
    return
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) {
    if (prefix) seen.add(prefix)
    return
  }
  for (const [key, child] of Object.entries(value)) {
    if (!KEY.test(key)) continue
    walk(child, prefix ? `${prefix}.${key}` : key, depth + 1, seen)
  }
}

/** The leaf paths of one parsed event (objects are walked into, not listed themselves). */
export function leafPaths(event: unknown): Set<string> {
  const seen = new Set<string>()
  walk(event, '', 0, seen)
  return seen
}

const decoder = new TextDecoder()

export class FieldPathSampler {
  private seen = 0
  private sampled = 0
  private stride = 1
  private pending = new Map<string, number>()
  private pendingSampled = 0
  private pendingCapped = 0
  /** Every path this worker has counted (bounds `pending` across messages). */
  private readonly known = new Set<string>()

  /** Walks the sampled events among text[starts[i], ends[i]). */
  add(text: Uint8Array, starts: Uint32Array, ends: Uint32Array): void {
    for (let i = 0; i < starts.length; i++) {
      if (this.seen++ % this.stride !== 0) continue
      let paths: Set<string>
      try {
        paths = leafPaths(JSON.parse(decoder.decode(text.subarray(starts[i], ends[i]))))
      } catch {
        continue // the catalogue is a sample: an event it cannot walk costs the load nothing
      }
      this.sampled++
      this.pendingSampled++
      if (this.sampled % SAMPLE_FIRST === 0) this.stride *= 4
      let taken = 0
      for (const path of paths) {
        if (taken >= EVENT_MAX_PATHS || (!this.known.has(path) && this.known.size >= WORKER_MAX_PATHS)) {
          this.pendingCapped++
          continue
        }
        taken++
        this.known.add(path)
        this.pending.set(path, (this.pending.get(path) ?? 0) + 1)
      }
    }
  }

  /** The tally since the previous take. */
  take(): FieldPathTally {
    const tally: FieldPathTally = { sampled: this.pendingSampled, paths: [...this.pending.keys()], counts: [...this.pending.values()], capped: this.pendingCapped }
    this.pending = new Map()
    this.pendingSampled = 0
    this.pendingCapped = 0
    return tally
  }
}
