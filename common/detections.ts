// Detections as the UI sees them (contract types; the engine is main/detect). The DRL 1.1 asks
// that a rule's author is shown with every match: every shape here that names a rule carries it.

export const DETECTION_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const
export type DetectionLevel = (typeof DETECTION_LEVELS)[number]

/** One rule's hits over the loaded set (a row of the Detections panel). */
export interface RuleHits {
  ruleId: string
  title: string
  level: DetectionLevel
  author: string
  /** 'builtin' or the rule file's path. */
  source: string
  /** ATT&CK tactics (attack.persistence -> persistence) and techniques (T1098.001). */
  tactics: string[]
  techniques: string[]
  /** Detections: events for a plain rule, groups for a correlation. */
  count: number
  /** Distinct events involved. */
  events: number
  firstTime: number | null
  lastTime: number | null
  correlation: boolean
}

/** A rule as the viewer shows it beside an event it matched. */
export interface RuleDetail {
  ruleId: string
  title: string
  description: string
  level: DetectionLevel
  author: string
  references: string[]
  falsePositives: string[]
  tags: string[]
  source: string
}

export interface UnsupportedRuleInfo {
  source: string
  title: string
  reason: string
}

export interface DetectionsSummary {
  /** Rules with at least one hit, by level (critical first) then count. */
  rules: RuleHits[]
  rulesRun: number
  unsupported: UnsupportedRuleInfo[]
  /** Events matched by the engine so far (detection runs behind loading). */
  eventsChecked: number
  detectMs: number
}

/** ATT&CK tactics and techniques from Sigma tags. */
export function attackOf(tags: readonly string[]): { tactics: string[]; techniques: string[] } {
  const tactics: string[] = []
  const techniques: string[] = []
  for (const tag of tags) {
    const m = /^attack\.(.+)$/i.exec(tag)
    if (!m) continue
    if (/^t\d{4}(\.\d{3})?$/i.test(m[1])) techniques.push(m[1].toUpperCase())
    else if (!/^(g|s)\d{4}$/i.test(m[1])) tactics.push(m[1].replace(/_/g, '-'))
  }
  return { tactics, techniques }
}
