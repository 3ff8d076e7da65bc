// What the app shows of the detections, kept up to date incrementally as matches arrive: per
// rule, its events (ascending ids) and first and last time; per event, the highest level
// matched. A load of a million events makes a million and a half matches (informational rules
// match much of a trail): building a sorted object per detection after every batch, on the
// main thread, took longer than matching them in the workers. Here each new match costs one
// array push. A correlation's base matches are kept here as they arrive (with their times and
// the fields it groups by), and only the correlations whose base rules gained matches are run
// again, over those lists: scanning every match of the load for them after each batch was the
// main thread's largest cost once a million events were loaded.

import { correlate, type TimedHit } from './correlate'
import { levelRank, type Detection } from './rule-model'
import type { CorrelationRule } from './compile-rule'
import type { MatchList } from './match-list'
import type { RuleSet } from './rule-set'

export interface RuleEvents {
  /** Event ids, ascending (matches arrive in id order). */
  ids: number[]
  /** Earliest and latest eventTime (ms), NaN while none is known. */
  first: number
  last: number
}

/** Index of `id` in ascending `ids`, or -1. */
function find(ids: readonly number[], id: number): number {
  let lo = 0
  let hi = ids.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (ids[mid] < id) lo = mid + 1
    else if (ids[mid] > id) hi = mid - 1
    else return mid
  }
  return -1
}

export class DetectionTables {
  /** Plain rules' reported matches, by rule number (a rule with none has no entry). */
  readonly plain = new Map<number, RuleEvents>()
  /** The same by rule number, as an array: the per-match lookup. */
  private byRule: (RuleEvents | undefined)[] = []
  /** The correlations' detections (each correlation's own list in `byCorrelation`, in rule order). */
  correlations: Detection[] = []
  private readonly byCorrelation = new Map<number, Detection[]>()
  /** The base rules' matches so far, by rule, with their times and carried fields. */
  private readonly baseHits = new Map<number, TimedHit[]>()
  private plainLevels = new Uint8Array(1024)
  /** Per event id: 0 none, else 1 + the highest level rank matched (correlations included). */
  levels = new Uint8Array(0)
  /** Matches of the list already counted. */
  private taken = 0

  private readonly ranks: Uint8Array
  /** Per rule: 1 when a correlation names it. */
  private readonly bases: Uint8Array

  constructor(private readonly set: RuleSet) {
    this.byRule = new Array<RuleEvents | undefined>(set.rules.length).fill(undefined)
    this.ranks = Uint8Array.from(set.rules, (rule) => levelRank(rule.meta.level) + 1)
    this.bases = new Uint8Array(set.rules.length)
    for (const b of set.bases.flat()) this.bases[b] = 1
  }

  /** Counts the matches added to `matches` since the last call; `size` is the store's event count. */
  update(matches: MatchList, size: number, times: Float64Array): void {
    if (this.plainLevels.length < size) {
      let capacity = this.plainLevels.length
      while (capacity < size) capacity *= 2
      const grown = new Uint8Array(capacity)
      grown.set(this.plainLevels)
      this.plainLevels = grown
    }
    const ranks = this.ranks
    const grown = new Set<number>()
    for (let k = this.taken; k < matches.length; k++) {
      const rule = matches.rule(k)
      const id = matches.id(k)
      const time = times[id]
      if (this.bases[rule] === 1) {
        let hits = this.baseHits.get(rule)
        if (!hits) this.baseHits.set(rule, (hits = []))
        hits.push({ rule, id, fields: matches.fields(k), time })
        grown.add(rule)
      }
      if (!this.set.reported[rule]) continue
      let events = this.byRule[rule]
      if (!events) this.plain.set(rule, (this.byRule[rule] = events = { ids: [], first: NaN, last: NaN }))
      events.ids.push(id)
      if (!Number.isNaN(time)) {
        if (!(time >= events.first)) events.first = time
        if (!(time <= events.last)) events.last = time
      }
      if (this.plainLevels[id] < ranks[rule]) this.plainLevels[id] = ranks[rule]
    }
    this.taken = matches.length
    // A correlation changes only with its base rules' matches (most batches bring none).
    if (grown.size > 0) {
      this.set.rules.forEach((rule, i) => {
        if (rule.kind !== 'correlation' || !this.set.bases[i].some((b) => grown.has(b))) return
        this.byCorrelation.set(i, correlate(i, rule as CorrelationRule, this.set.bases[i], this.set.carried, this.baseHits))
      })
      this.correlations = [...this.byCorrelation.keys()].sort((a, b) => a - b).flatMap((i) => this.byCorrelation.get(i)!)
    }
    const levels = this.plainLevels.slice(0, size)
    for (const d of this.correlations) for (const id of d.eventIds) if (levels[id] < ranks[d.rule]) levels[id] = ranks[d.rule]
    this.levels = levels
  }

  /** The rules event `id` matched (rule numbers; a correlation when one of its groups holds it). */
  rulesOf(id: number): number[] {
    const rules: number[] = []
    for (const [rule, events] of this.plain) if (find(events.ids, id) >= 0) rules.push(rule)
    for (const d of this.correlations) if (!rules.includes(d.rule) && d.eventIds.includes(id)) rules.push(d.rule)
    return rules
  }

  /** The events of these rules' detections, ascending and each once. */
  eventIdsOf(rules: ReadonlySet<number>): number[] {
    const lists: (readonly number[])[] = []
    for (const rule of rules) {
      const events = this.plain.get(rule)
      if (events) lists.push(events.ids)
    }
    const fromCorrelations = this.correlations.filter((d) => rules.has(d.rule)).flatMap((d) => d.eventIds)
    if (lists.length === 1 && fromCorrelations.length === 0) return lists[0].slice()
    return [...new Set([...lists.flat(), ...fromCorrelations])].sort((a, b) => a - b)
  }
}
