// Detections: Sigma rules run over the loaded set in main (part of the contract, see
// common/ipc-contract.ts; the answers' types are in common/detections.ts).

import type { DetectionLevel, DetectionsSummary, RuleDetail } from '../detections'
import { answer, arg, call, eventIds, wholeNumber } from './define-call'

export const DETECTION_LIMITS = {
  /** Events asked about at once (a screenful, or a window of rows). */
  eventIds: 10_000,
} as const

export const DETECTION_CALLS = {
  /** Detections over the loaded set: rules with hits (by level then count), and the rules that could not run. */
  detectionsSummary: call({ args: [], returns: answer<DetectionsSummary>(), scope: 'session', by: 'service' }),
  /** The highest detection level of each of these events that matched a rule (for the list's markers). */
  eventDetectionLevels: call({ args: [arg('ids', eventIds(DETECTION_LIMITS.eventIds))], returns: answer<{ id: number; level: DetectionLevel }[]>(), scope: 'session', by: 'service' }),
  /** The rules an event matched, highest level first, each with its author (for the viewer). */
  eventDetections: call({ args: [arg('id', wholeNumber())], returns: answer<RuleDetail[]>(), scope: 'session', by: 'service' }),
}
