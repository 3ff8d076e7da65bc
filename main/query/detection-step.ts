// `detection:` (a rule's id or title, wildcards as anywhere: detection:"*Console*") and `level:`
// (level:high, level>=high; informational < low < medium < high < critical): lookups in what
// detection keeps beside the store (main/detect/detection-column.ts), the per-event level column
// and each rule's event list, never a parse of the event.

import type { CompareOp, SpecialField } from '../../common/query/ast'
import { DETECTION_LEVELS } from '../../common/detections'
import type { EventStore } from '../store/event-store'
import { detectionProvider } from '../detect/detection-column'
import { filterIds, intersect } from './id-lists'
import type { ValueTest } from './value-match'

export type DetectionField = 'detection' | 'level'

export function isDetectionField(special: SpecialField | undefined): special is DetectionField {
  return special === 'detection' || special === 'level'
}

interface Step {
  cost: number
  run(candidates: Uint32Array): Uint32Array
}

/** Events whose rules (detection:) or highest level (level:) pass `test`. */
export function detectionStep(store: EventStore, field: DetectionField, test: ValueTest): Step {
  if (field === 'level') {
    const passes = DETECTION_LEVELS.map((name) => test(name))
    return { cost: 1, run: (candidates) => byLevel(store, candidates, (rank) => passes[rank]) }
  }
  return {
    cost: 2,
    run: (candidates) => {
      const provider = detectionProvider(store)
      if (!provider) return new Uint32Array(0)
      const ids = new Set<number>()
      for (const rule of provider.rules()) {
        if (!test(rule.ruleId) && !test(rule.title)) continue
        for (const id of provider.eventIdsOfRule(rule.ruleId)) ids.add(id)
      }
      return intersect(candidates, Uint32Array.from(ids).sort())
    },
  }
}

/** level>=high: by rank, not by spelling; a value that is not a level matches nothing. */
export function levelCompareStep(store: EventStore, op: CompareOp, value: string): Step {
  const target = DETECTION_LEVELS.indexOf(value.toLowerCase() as (typeof DETECTION_LEVELS)[number])
  const keep = (rank: number): boolean => {
    if (target < 0) return false
    if (op === '>') return rank > target
    if (op === '>=') return rank >= target
    if (op === '<') return rank < target
    return rank <= target
  }
  return { cost: 1, run: (candidates) => byLevel(store, candidates, keep) }
}

/** Events that matched any rule (detection:* and level:* as existence tests). */
export function detectionExistsStep(store: EventStore): Step {
  return { cost: 1, run: (candidates) => byLevel(store, candidates, () => true) }
}

function byLevel(store: EventStore, candidates: Uint32Array, keep: (rank: number) => boolean): Uint32Array {
  const column = detectionProvider(store)?.levels() ?? new Uint8Array(0)
  return filterIds(candidates, (id) => id < column.length && column[id] > 0 && keep(column[id] - 1))
}
