// The matches of every rule made into detections: one per event for a plain rule (unless it only
// feeds a correlation), and the correlations' groups. Ordered by time, then rule, so two runs
// over the same inputs print the same lines.

import { correlate, type TimedHit } from './correlate'
import type { Hit } from './event-matcher'
import type { RuleSet } from './rule-set'
import type { Detection } from './rule-model'

export function assembleDetections(set: RuleSet, hits: readonly Hit[], timeOf: (id: number) => number): Detection[] {
  const byRule = new Map<number, TimedHit[]>()
  for (const hit of hits) {
    let list = byRule.get(hit.rule)
    if (!list) byRule.set(hit.rule, (list = []))
    list.push({ ...hit, time: timeOf(hit.id) })
  }
  const detections: Detection[] = []
  set.rules.forEach((rule, i) => {
    if (rule.kind === 'correlation') {
      detections.push(...correlate(i, rule, set.bases[i], set.carried, byRule))
    } else if (set.reported[i]) {
      for (const hit of byRule.get(i) ?? []) detections.push({ rule: i, eventIds: [hit.id], firstTime: hit.time, lastTime: hit.time })
    }
  })
  const t = (x: number): number => (Number.isNaN(x) ? Infinity : x)
  return detections.sort((a, b) => t(a.firstTime) - t(b.firstTime) || a.rule - b.rule || a.eventIds[0] - b.eventIds[0])
}
