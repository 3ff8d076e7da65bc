// Matches of detection rules kept as typed arrays (rule number, event id), with the values a
// correlation groups or counts by kept aside for the few matches that carry them. A million
// matches are common (informational rules match much of a trail): as objects they cost a
// structured clone per match to leave a worker and a garbage-collected object each on the main
// thread; as two arrays they cross as transferred buffers and are appended with one copy.

import type { Hit } from './event-matcher'

/** Matches as they cross from a worker: `carried` holds [position, fields] for the matches that carry fields. */
export interface MatchBatch {
  rules: Int32Array
  ids: Int32Array
  carried: [number, string[]][]
}

export class MatchList {
  private ruleArray = new Int32Array(1024)
  private idArray = new Int32Array(1024)
  private carriedFields = new Map<number, string[]>()
  length = 0

  private grow(needed: number): void {
    if (needed <= this.ruleArray.length) return
    let capacity = this.ruleArray.length * 2
    while (capacity < needed) capacity *= 2
    const rules = new Int32Array(capacity)
    rules.set(this.ruleArray.subarray(0, this.length))
    const ids = new Int32Array(capacity)
    ids.set(this.idArray.subarray(0, this.length))
    this.ruleArray = rules
    this.idArray = ids
  }

  push(rule: number, id: number, fields?: string[]): void {
    if (this.length === this.ruleArray.length) this.grow(this.length + 1)
    if (fields) this.carriedFields.set(this.length, fields)
    this.ruleArray[this.length] = rule
    this.idArray[this.length++] = id
  }

  /** Appends a batch (a worker's answer) after the matches already kept. */
  append(batch: MatchBatch): void {
    const at = this.length
    this.grow(at + batch.rules.length)
    this.ruleArray.set(batch.rules, at)
    this.idArray.set(batch.ids, at)
    for (const [k, fields] of batch.carried) this.carriedFields.set(at + k, fields)
    this.length += batch.rules.length
  }

  /** Matches [from, length) as a batch of their own (copied: its buffers can be transferred). */
  batch(from = 0): MatchBatch {
    const carried: [number, string[]][] = []
    for (const [k, fields] of this.carriedFields) if (k >= from) carried.push([k - from, fields])
    return { rules: this.ruleArray.slice(from, this.length), ids: this.idArray.slice(from, this.length), carried }
  }

  rule(k: number): number {
    return this.ruleArray[k]
  }

  id(k: number): number {
    return this.idArray[k]
  }

  fields(k: number): string[] | undefined {
    return this.carriedFields.get(k)
  }

  /** Match k as an object (tests, correlations' few base matches). */
  hit(k: number): Hit {
    const fields = this.carriedFields.get(k)
    return fields ? { rule: this.ruleArray[k], id: this.idArray[k], fields } : { rule: this.ruleArray[k], id: this.idArray[k] }
  }

  clear(): void {
    this.length = 0
    this.carriedFields.clear()
  }
}
