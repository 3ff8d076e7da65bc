// Detections over the service's store: the built-in pack plus the user's rule folders, run in
// detection workers behind loading (refresh() matches only the events added since the last
// call), summarised per rule for the Detections panel, and indexed per event — the highest level
// matched (a typed array by event id, for the list's marker and `level:` queries) and the rules
// that matched it (for the viewer).

import { DetectionSession, type DetectSessionOptions } from '../detect/detect-session'
import { builtinRuleTexts } from '../detect/builtin-rules'
import { readRuleFolders } from '../detect/rule-files'
import { levelRank, type Detection } from '../detect/rule-model'
import { attackOf, type DetectionsSummary, type RuleDetail, type RuleHits } from '../../common/detections'
import type { EventStore } from '../store/event-store'

export interface DetectServiceOptions extends DetectSessionOptions {
  /** Folders of the user's rules (settings), read at each reload(). */
  ruleFolders?: readonly string[]
  builtinRules?: boolean
}

export class DetectService {
  private session: DetectionSession
  private detections: Detection[] = []
  private detectMs = 0
  private running: Promise<void> = Promise.resolve()
  /** Per event id: 0 no match, else 1 + the highest level rank matched. */
  private levels = new Uint8Array(0)
  private rulesByEvent = new Map<number, number[]>()
  private generation = -1

  constructor(private readonly store: EventStore, private options: DetectServiceOptions = {}) {
    this.session = this.newSession()
  }

  private newSession(): DetectionSession {
    const folders = readRuleFolders(this.options.ruleFolders ?? [])
    const files = [...(this.options.builtinRules === false ? [] : builtinRuleTexts()), ...folders.files]
    return new DetectionSession(files, this.options)
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
      }
      const started = performance.now()
      await this.session.update(this.store)
      this.detections = this.session.detections(this.store)
      this.detectMs += performance.now() - started
      this.index()
    })
    return this.running
  }

  private index(): void {
    const levels = new Uint8Array(this.store.size)
    const byEvent = new Map<number, number[]>()
    const rules = this.session.set.rules
    for (const d of this.detections) {
      const rank = levelRank(rules[d.rule].meta.level) + 1
      for (const id of d.eventIds) {
        if (levels[id] < rank) levels[id] = rank
        const list = byEvent.get(id)
        if (!list) byEvent.set(id, [d.rule])
        else if (!list.includes(d.rule)) list.push(d.rule)
      }
    }
    this.levels = levels
    this.rulesByEvent = byEvent
  }

  /** Per event id: 0 none, else 1 + level rank (1 informational .. 5 critical). Read [0, size). */
  get levelColumn(): Uint8Array {
    return this.levels
  }

  summary(): DetectionsSummary {
    const rules = this.session.set.rules
    const byRule = new Map<number, RuleHits & { ids: Set<number> }>()
    for (const d of this.detections) {
      const meta = rules[d.rule].meta
      let hits = byRule.get(d.rule)
      if (!hits) {
        hits = { ruleId: meta.id, title: meta.title, level: meta.level, author: meta.author, source: meta.source, ...attackOf(meta.tags), count: 0, events: 0, firstTime: null, lastTime: null, correlation: rules[d.rule].kind === 'correlation', ids: new Set() }
        byRule.set(d.rule, hits)
      }
      hits.count++
      for (const id of d.eventIds) hits.ids.add(id)
      if (!Number.isNaN(d.firstTime) && (hits.firstTime === null || d.firstTime < hits.firstTime)) hits.firstTime = d.firstTime
      if (!Number.isNaN(d.lastTime) && (hits.lastTime === null || d.lastTime > hits.lastTime)) hits.lastTime = d.lastTime
    }
    const list = [...byRule.values()].map(({ ids, ...hits }) => ({ ...hits, events: ids.size }))
    list.sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.count - a.count || a.title.localeCompare(b.title))
    return {
      rules: list,
      rulesRun: rules.length,
      unsupported: this.session.set.unsupported.map((u) => ({ source: u.meta.source, title: u.meta.title, reason: u.reason })),
      eventsChecked: this.session.matchedUpTo,
      detectMs: Math.round(this.detectMs),
    }
  }

  /** The events of a rule's detections (all of a correlation's groups), ascending ids. */
  eventIdsOfRule(ruleId: string): number[] {
    const rules = this.session.set.rules
    const ids = new Set<number>()
    for (const d of this.detections) if (rules[d.rule].meta.id === ruleId) for (const id of d.eventIds) ids.add(id)
    return [...ids].sort((a, b) => a - b)
  }

  /** The rules an event matched, highest level first. */
  rulesOfEvent(id: number): RuleDetail[] {
    const rules = this.session.set.rules
    return (this.rulesByEvent.get(id) ?? [])
      .map((r) => rules[r].meta)
      .sort((a, b) => levelRank(b.level) - levelRank(a.level))
      .map((m) => ({ ruleId: m.id, title: m.title, description: m.description, level: m.level, author: m.author, references: m.references, falsePositives: m.falsePositives, tags: m.tags, source: m.source }))
  }

  async close(): Promise<void> {
    await this.running
    await this.session.close()
  }
}
