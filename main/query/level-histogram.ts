// The timeline's detections layer: per time bucket, how many events of the result matched a
// detection rule, split by each event's highest level, and the same for the events without a
// readable eventTime, which are in no bucket but must not vanish from the count (a detection on
// an event whose time was tampered with is the one an investigator most needs to see). Kept
// apart from histogram() (facets.ts) so the counting pass there stays as fast as it is; this pass
// reads only the level column detection keeps beside the store (main/detect/detection-column.ts),
// and runs whenever something detects over the store (its answer is empty when no event of the
// result matched).
import { DETECTION_LEVELS } from '../../common/detections'
import type { EventStore } from '../store/event-store'
import { detectionProvider } from '../detect/detection-column'

/** The buckets histogram() chose: bucket i covers [start + i·bucketMs, start + (i+1)·bucketMs). */
export interface Buckets {
  start: number
  bucketMs: number
  count: number
}

/**
 * levels[rank][bucket]: events whose highest level is DETECTION_LEVELS[rank], per bucket;
 * untimedLevels[rank]: the same for the events without a time. Each is left out when it counts
 * nothing (no event of `ids` matched a rule, or nothing detects over this store), so an answer
 * without detections carries nothing more than before.
 */
export function levelBuckets(store: EventStore, ids: Uint32Array, buckets: Buckets): { levels?: number[][]; untimedLevels?: number[] } {
  const column = detectionProvider(store)?.levels()
  if (!column || column.length === 0) return {}
  const levels = DETECTION_LEVELS.map(() => new Array<number>(buckets.count).fill(0))
  const untimedLevels = DETECTION_LEVELS.map(() => 0)
  const times = store.times
  let timed = false
  let untimed = false
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]
    const level = id < column.length ? column[id] : 0
    if (level === 0) continue
    const t = times[id]
    if (Number.isNaN(t)) {
      untimedLevels[level - 1]++
      untimed = true
      continue
    }
    const bucket = Math.floor((t - buckets.start) / buckets.bucketMs)
    if (bucket < 0 || bucket >= buckets.count) continue
    levels[level - 1][bucket]++
    timed = true
  }
  return { ...(timed ? { levels } : {}), ...(untimed ? { untimedLevels } : {}) }
}
