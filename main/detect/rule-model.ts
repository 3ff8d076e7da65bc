// What a Sigma rule becomes once read: its metadata (shown with every match: the DRL 1.1 asks
// for the author) and either a compiled detection, a correlation, or the reason it cannot run.

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const
export type Level = (typeof LEVELS)[number]

/** 0 informational .. 4 critical; unknown levels count as informational. */
export function levelRank(level: string): number {
  const i = LEVELS.indexOf(level as Level)
  return i < 0 ? 0 : i
}

export interface RuleMeta {
  /** The rule's `id` (a UUID in well-formed rules); the file and document index when it has none. */
  id: string
  title: string
  name?: string
  level: Level
  status: string
  author: string
  description: string
  references: string[]
  falsePositives: string[]
  tags: string[]
  /** 'builtin', or the rule file's path. */
  source: string
}

/** A rule that cannot be evaluated, with the reason (listed, never silently skipped). */
export interface UnsupportedRule {
  meta: RuleMeta
  reason: string
}

export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered'

export interface CountCondition {
  op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq'
  value: number
  /** value_count: the field whose distinct values are counted. */
  field?: string
}

export interface CorrelationSpec {
  type: CorrelationType
  /** The referenced rules as written (their name, id or title). */
  ruleRefs: string[]
  groupBy: string[]
  timespanMs: number
  condition?: CountCondition
  /** Whether the referenced rules' own matches are reported too. */
  generate: boolean
}

/** One hit: a plain rule's event, or a correlation's group of events. */
export interface Detection {
  /** Index of the rule in the rule set. */
  rule: number
  /** Event ids, in time order. */
  eventIds: number[]
  firstTime: number
  lastTime: number
  /** Correlation group-by values, by field. */
  group?: Record<string, string>
}
