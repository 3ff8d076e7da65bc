// The matches of every rule made into detections: one per event for a plain rule (unless it only
// feeds a correlation), and the correlations' groups. Ordered by time, then rule, then first
// event, so two runs over the same inputs print the same lines. A million matches are common
// (informational rules match much of a trail): no object is copied per match, and the sort
// compares typed arrays rather than objects.

import { correlate, type TimedHit } from './correlate'
import type { MatchList } from './match-list'
import type { RuleSet } from './rule-set'
import type { Detection } from './rule-model'

/** The correlations' detections over every match so far (the CLI's one pass; the app's tables keep theirs as matches arrive). */
export function correlationDetections(set: RuleSet, matches: MatchList, timeOf: (id: number) => number): Detection[] {
  if (!set.rules.some((rule) => rule.kind === 'correlation')) return []
  const bases = new Set(set.bases.flat())
  const byRule = new Map<number, TimedHit[]>()
  for (let k = 0; k < matches.length; k++) {
    const rule = matches.rule(k)
    if (!bases.has(rule)) continue
    let list = byRule.get(rule)
    if (!list) byRule.set(rule, (list = []))
    const id = matches.id(k)
    list.push({ rule, id, fields: matches.fields(k), time: timeOf(id) })
  }
  const detections: Detection[] = []
  set.rules.forEach((rule, i) => {
    if (rule.kind === 'correlation') for (const d of correlate(i, rule, set.bases[i], set.carried, byRule)) detections.push(d)
  })
  return detections
}

export function assembleDetections(set: RuleSet, matches: MatchList, timeOf: (id: number) => number): Detection[] {
  const detections: Detection[] = []
  for (let k = 0; k < matches.length; k++) {
    const rule = matches.rule(k)
    if (!set.reported[rule]) continue
    const id = matches.id(k)
    const time = timeOf(id)
    detections.push({ rule, eventIds: [id], firstTime: time, lastTime: time })
  }
  for (const d of correlationDetections(set, matches, timeOf)) detections.push(d)
  const n = detections.length
  const times = new Float64Array(n)
  const rules = new Int32Array(n)
  const firsts = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const d = detections[k]
    times[k] = Number.isNaN(d.firstTime) ? Infinity : d.firstTime
    rules[k] = d.rule
    firsts[k] = d.eventIds[0]
  }
  // Ties on all three keep their order (a stable sort by position last).
  const order = new Uint32Array(n).map((_, k) => k).sort((a, b) => times[a] - times[b] || rules[a] - rules[b] || firsts[a] - firsts[b] || a - b)
  const sorted: Detection[] = new Array(n)
  for (let k = 0; k < n; k++) sorted[k] = detections[order[k]]
  return sorted
}
