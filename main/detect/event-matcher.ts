// Runs every detection rule over a range of the store's events, cheapest evidence first:
//  1. the rules that can match an event are looked up by the codes of its key columns
//     (eventName, eventSource, errorCode, userIdentity.type: rule-index.ts), so most rules
//     never see most events;
//  2. each candidate is settled, if it can be, from the store's dictionary-coded columns: a
//     field test is run once per distinct value and then answered per event by its code;
//  3. then by the field's value read from the event's bytes (byte-path.ts), which most fields
//     allow, the test being remembered per value; where that walk declines, by the text: a key
//     that never occurs is absent, a value none of whose needles occurs cannot match;
//  4. and only then by parsing the event's JSON, once per event whatever the number of rules.
// The same code runs in this thread over the store and in detection workers over its mirror.

import { evaluateTree, FALSE, TRUE, UNKNOWN, type Tri } from './evaluate-tree'
import { valuesAt, textOf, splitPath } from './field-values'
import { pathBytes } from './byte-path'
import { RuleIndex, type Candidates } from './rule-index'
import { EventText, StoreBytes, type EventBytes } from './event-text'
import { MATCH_COLUMNS } from './match-columns'
import type { MatchList } from './match-list'
import type { RuleSet } from './rule-set'
import type { Leaf } from './value-matchers'
import type { StringColumn } from '../store/parsed-batch'

/** What the matcher reads: an EventStore, or a detection worker's mirror of it. */
export interface EventSource {
  readonly generation: number
  codes(column: StringColumn): Uint32Array
  value(code: number): string
  bytes(id: number): Uint8Array
}

/** A match of a detection rule; `fields` are the values a correlation groups or counts by. */
export interface Hit {
  rule: number
  id: number
  fields?: string[]
}

interface CarriedPath {
  steps: string[]
  bytes: Uint8Array[]
  slot: number
}


/**
 * Longest value whose test result is remembered, and how many results are remembered in all,
 * by column code or by value (per matcher, across its tests): a bound of some tens of megabytes
 * whatever the trail holds (source IPs and access keys take a million values in a large one).
 */
const MEMO_TEXT = 128
const MEMO_ENTRIES = 250_000
/**
 * How many candidate sets (one per distinct eventName, eventSource, errorCode, userIdentity.type
 * seen) are kept: the four values come from the logs, and a crafted trail would otherwise grow the
 * cache by one entry per made-up eventName. Over it the cache starts again (it is only a cache).
 */
export const MAX_CANDIDATE_SETS = 50_000

export class EventMatcher {
  private readonly index: RuleIndex
  private readonly leaves: Leaf[]
  private readonly carriedPaths: CarriedPath[][]
  /** Fields read from events, each with its slot number in EventText. */
  private readonly slots = new Map<string, number>()
  /** Candidates by eventName code, eventSource code, errorCode code, userIdentity.type code. */
  private byCodes = new Map<number, Map<number, Map<number, Map<number, Candidates>>>>()
  private source: EventSource | null = null
  private generation = -1
  private memoEntries = 0
  private candidateSets = 0
  /** Per test: its result on an absent field (1 or 0; -1 not known yet): the same for every event. */
  private readonly absent: Int8Array

  constructor(private readonly set: RuleSet) {
    this.index = new RuleIndex(set)
    // Rules share their identical tests (compile-rule.ts): each distinct one is numbered once.
    this.leaves = [...new Set(set.rules.flatMap((r) => (r.kind === 'detection' ? r.leaves : [])))]
    this.leaves.forEach((leaf, serial) => {
      leaf.serial = serial
      if (leaf.field !== null) leaf.slot = this.slotOf(leaf.field)
    })
    this.absent = new Int8Array(this.leaves.length).fill(-1)
    this.carriedPaths = set.carried.map((fields) => fields.map((f) => ({ steps: splitPath(f), bytes: pathBytes(splitPath(f)), slot: this.slotOf(f) })))
  }

  private slotOf(field: string): number {
    let slot = this.slots.get(field)
    if (slot === undefined) this.slots.set(field, (slot = this.slots.size))
    return slot
  }

  /** Drops every remembered result (by code and by value): they are only a cache. */
  private forget(): void {
    for (const leaf of this.leaves) {
      leaf.memo.clear()
      leaf.valueMemo.clear()
    }
    this.memoEntries = 1
  }

  /** Codes mean other strings in another store or after a clear: forget what was learnt by code. */
  private useSource(source: EventSource): void {
    if (source === this.source && source.generation === this.generation) return
    this.source = source
    this.generation = source.generation
    this.byCodes.clear()
    this.candidateSets = 0
    for (const leaf of this.leaves) leaf.memo.clear()
  }

  /** How many candidate sets are remembered (tests: the bound holds). */
  get candidateSetCount(): number {
    return this.candidateSets
  }

  /**
   * The candidates of an event whose key columns hold these codes: a Map per column, keyed by
   * code (small integers: a packed number key made a heap number per lookup).
   */
  private candidates(source: EventSource, name: number, from: number, error: number, type: number): Candidates {
    if (this.candidateSets >= MAX_CANDIDATE_SETS) {
      this.byCodes.clear()
      this.candidateSets = 0
    }
    let bySource = this.byCodes.get(name)
    if (!bySource) this.byCodes.set(name, (bySource = new Map()))
    let byError = bySource.get(from)
    if (!byError) bySource.set(from, (byError = new Map()))
    let byType = byError.get(error)
    if (!byType) byError.set(error, (byType = new Map()))
    let found = byType.get(type)
    if (!found) {
      byType.set(type, (found = this.index.candidates([name, from, error, type].map((code) => source.value(code)))))
      this.candidateSets++
    }
    return found
  }

  /**
   * Every match among events [from, to), in id order, appended to `out`. `bytes` reads the
   * events (a detection worker reads the store's files itself); by default `source.bytes`.
   */
  match(source: EventSource, from: number, to: number, out: MatchList, bytes: EventBytes = new StoreBytes((id) => source.bytes(id))): void {
    this.useSource(source)
    const columns = MATCH_COLUMNS.map(([, column]) => source.codes(column))
    const names = columns[0]
    const sources = columns[1]
    const errors = columns[2]
    const types = columns[3]
    const text = new EventText(bytes, this.slots.size)
    let id = -1
    // Per test: its answer from the text for the event whose number is in `stamps` (a test
    // shared by several candidate rules of the event is worked out once).
    const results = new Uint8Array(this.leaves.length)
    const stamps = new Int32Array(this.leaves.length).fill(-1)
    const absent = this.absent

    const columnLeaf = (leaf: Leaf): Tri => {
      if (leaf.column < 0 || leaf.needsEvent) return UNKNOWN
      const code = columns[leaf.column][id]
      if (code === 0) return UNKNOWN
      let result = leaf.memo.get(code)
      if (result === undefined) {
        if (++this.memoEntries > MEMO_ENTRIES) this.forget()
        result = leaf.test([source.value(code)], undefined)
        leaf.memo.set(code, result)
      }
      return result ? TRUE : FALSE
    }
    // A field test on one event's values, remembered by value when it is one short string: most
    // fields that are not columns (userAgent, sessionIssuer.type, an ARN) repeat across a trail.
    const testValues = (leaf: Leaf, values: unknown[]): boolean => {
      if (values.length === 0) {
        let known = absent[leaf.serial]
        if (known < 0) absent[leaf.serial] = known = leaf.test(values, undefined) ? 1 : 0
        return known === 1
      }
      const only = values.length === 1 ? values[0] : undefined
      if (typeof only !== 'string' || only.length > MEMO_TEXT) return leaf.test(values, undefined)
      let result = leaf.valueMemo.get(only)
      if (result === undefined) {
        if (++this.memoEntries > MEMO_ENTRIES) this.forget()
        result = leaf.test(values, undefined)
        leaf.valueMemo.set(only, result)
      }
      return result
    }
    // A column by code; else the event's own values, read from its bytes where they allow it,
    // else ruled out by the text where it can be, else unknown until the event is parsed.
    const fromText = (leaf: Leaf): Tri => {
      const v = columnLeaf(leaf)
      if (v !== UNKNOWN || leaf.field === null || leaf.needsEvent) return v
      const values = text.valuesAt(leaf.slot, leaf.bytePath)
      if (values !== null) return testValues(leaf, values) ? TRUE : FALSE
      if (text.lacksKey(leaf.slot, leaf.key)) return testValues(leaf, []) ? TRUE : FALSE
      if (leaf.needles && text.lacksAll(leaf.needles)) return FALSE
      return UNKNOWN
    }
    const textLeaf = (leaf: Leaf): Tri => {
      const serial = leaf.serial
      if (stamps[serial] === id) return results[serial] as Tri
      const v = fromText(leaf)
      stamps[serial] = id
      results[serial] = v
      return v
    }
    const parsedLeaf = (leaf: Leaf): Tri => {
      const v = columnLeaf(leaf)
      if (v !== UNKNOWN) return v
      if (leaf.field !== null && !leaf.needsEvent) {
        const values = text.valuesAt(leaf.slot, leaf.bytePath)
        if (values !== null) return testValues(leaf, values) ? TRUE : FALSE
      }
      const e = text.parsed()
      return leaf.test(leaf.field === null ? [] : valuesAt(e, leaf.path), e) ? TRUE : FALSE
    }

    // A value a correlation groups or counts by: the first non-null value at the field.
    const carriedText = (path: CarriedPath): string => {
      const values = text.valuesAt(path.slot, path.bytes) ?? valuesAt(text.parsed(), path.steps)
      return textOf(values.find((x) => x !== null)) ?? ''
    }

    let last: Candidates | null = null
    let lastName = -1
    let lastSource = -1
    let lastError = -1
    let lastType = -1
    for (id = from; id < to; id++) {
      const name = names[id]
      const eventSource = sources[id]
      const error = errors[id]
      const type = types[id]
      // Runs of events with the same keys are common (a tool's calls, a service's polling).
      if (last === null || name !== lastName || eventSource !== lastSource || error !== lastError || type !== lastType) {
        last = this.candidates(source, name, eventSource, error, type)
        lastName = name
        lastSource = eventSource
        lastError = error
        lastType = type
      }
      const { rules, trees } = last
      if (rules.length === 0) continue
      text.reset(id)
      for (let k = 0; k < rules.length; k++) {
        const r = rules[k]
        const tree = trees[k]
        // Most trees left by the index are one test (`userAgent|contains`, `errorCode`).
        let v: Tri = tree === null ? TRUE : tree.t === 'leaf' ? textLeaf(tree.leaf) : evaluateTree(tree, textLeaf)
        if (v === UNKNOWN) {
          try {
            v = evaluateTree(tree!, parsedLeaf)
          } catch {
            // Text that is not JSON cannot have been stored; if it ever is, it matches nothing.
            v = FALSE
          }
        }
        if (v !== TRUE) continue
        const carried = this.carriedPaths[r]
        out.push(r, id, carried.length === 0 ? undefined : carried.map(carriedText))
      }
    }
  }
}
