// Detections over the service's store: the built-in pack plus the user's rule folders, run in
// detection workers behind loading (refresh() matches only the events added since the last
// call, and the tables count only those: detection-tables.ts), summarised per rule for the
// Detections panel, and indexed per event — the highest level matched (a typed array by event
// id, for the list's marker and `level:` queries) and the rules that matched it (for the viewer).

import { DetectionSession, type DetectSessionOptions } from '../detect/detect-session'
import { builtinRuleTexts } from '../detect/builtin-rules'
import { readRuleFolders, type RuleFolderRead } from '../detect/rule-files'
import { levelRank } from '../detect/rule-model'
import { DetectionTables } from '../detect/detection-tables'
import { attackOf, type DetectionsSummary, type RuleDetail, type RuleHits } from '../../common/detections'
import type { EventStore } from '../store/event-store'

export interface DetectServiceOptions extends DetectSessionOptions {
  /** Folders of the user's rules (settings), read at each reload(). */
  ruleFolders?: readonly string[]
  builtinRules?: boolean
}

export class DetectService {
  private session: DetectionSession
  private tables: DetectionTables
  private detectMs = 0
  private running: Promise<void> = Promise.resolve()
  private generation = -1
  /** What the last reading of the rule folders could not read: reported without reading again. */
  private problems: RuleFolderRead['problems'] = []

  constructor(private readonly store: EventStore, private options: DetectServiceOptions = {}) {
    this.session = this.newSession()
    this.tables = new DetectionTables(this.session.set)
  }

  private newSession(): DetectionSession {
    const folders = readRuleFolders(this.options.ruleFolders ?? [])
    this.problems = folders.problems
    const files = [...(this.options.builtinRules === false ? [] : builtinRuleTexts()), ...folders.files]
    return new DetectionSession(files, this.options)
  }

  /** The rule files the running rules could not take, from their reading. */
  get ruleProblems(): RuleFolderRead['problems'] {
    return this.problems
  }

  /** Re-reads the rules (after the settings changed or "Update rules") and matches everything again. */
  async reload(options: Partial<DetectServiceOptions> = {}): Promise<void> {
    this.options = { ...this.options, ...options }
    await this.running
    await this.session.close()
    this.session = this.newSession()
    this.generation = -1
    await this.refresh()
  }

  /** Matches the events loaded since the last call; calls queue, so one runs at a time. */
  refresh(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.generation !== this.store.generation) {
        this.generation = this.store.generation
        this.detectMs = 0
        this.tables = new DetectionTables(this.session.set)
      }
      const started = performance.now()
      await this.session.update(this.store)
      // A clear while the workers ran: the next refresh starts again from nothing.
      if (this.generation !== this.store.generation) return
      this.tables.update(this.session.matchList, this.store.size, this.store.times)
      this.detectMs += performance.now() - started
    })
    return this.running
  }

  /** Per event id: 0 none, else 1 + level rank (1 informational .. 5 critical). Read [0, size). */
  get levelColumn(): Uint8Array {
    return this.tables.levels
  }

  summary(): DetectionsSummary {
    const rules = this.session.set.rules
    const hitsOf = (rule: number): RuleHits => {
      const meta = rules[rule].meta
      return { ruleId: meta.id, title: meta.title, level: meta.level, author: meta.author, source: meta.source, ...attackOf(meta.tags), count: 0, events: 0, firstTime: null, lastTime: null, correlation: rules[rule].kind === 'correlation' }
    }
    const time = (t: number): number | null => (Number.isNaN(t) ? null : t)
    const list: RuleHits[] = []
    for (const [rule, events] of this.tables.plain) list.push({ ...hitsOf(rule), count: events.ids.length, events: events.ids.length, firstTime: time(events.first), lastTime: time(events.last) })
    const correlated = new Map<number, RuleHits & { ids: Set<number> }>()
    for (const d of this.tables.correlations) {
      let hits = correlated.get(d.rule)
      if (!hits) correlated.set(d.rule, (hits = { ...hitsOf(d.rule), ids: new Set() }))
      hits.count++
      for (const id of d.eventIds) hits.ids.add(id)
      if (!Number.isNaN(d.firstTime) && (hits.firstTime === null || d.firstTime < hits.firstTime)) hits.firstTime = d.firstTime
      if (!Number.isNaN(d.lastTime) && (hits.lastTime === null || d.lastTime > hits.lastTime)) hits.lastTime = d.lastTime
    }
    for (const { ids, ...hits } of correlated.values()) list.push({ ...hits, events: ids.size })
    list.sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.count - a.count || a.title.localeCompare(b.title))
    return {
      rules: list,
      rulesRun: rules.length,
      unsupported: this.session.set.unsupported.map((u) => ({ source: u.meta.source, title: u.meta.title, reason: u.reason })),
      eventsChecked: this.session.matchedUpTo,
      detectMs: Math.round(this.detectMs),
    }
  }

  /** The events of a rule's detections (all of a correlation's groups; every rule with this id), ascending ids. */
  eventIdsOfRule(ruleId: string): number[] {
    const numbers = new Set<number>()
    this.session.set.rules.forEach((rule, i) => {
      if (rule.meta.id === ruleId) numbers.add(i)
    })
    return this.tables.eventIdsOf(numbers)
  }

  /** The rules an event matched, highest level first. */
  rulesOfEvent(id: number): RuleDetail[] {
    const rules = this.session.set.rules
    return this.tables.rulesOf(id)
      .map((r) => rules[r].meta)
      .sort((a, b) => levelRank(b.level) - levelRank(a.level))
      .map((m) => ({ ruleId: m.id, title: m.title, description: m.description, level: m.level, author: m.author, references: m.references, falsePositives: m.falsePositives, tags: m.tags, source: m.source }))
  }

  async close(): Promise<void> {
    await this.running
    await this.session.close()
  }
}
