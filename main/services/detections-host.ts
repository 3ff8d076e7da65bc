// Owns the service's DetectService: created when a load first adds events (it starts worker
// threads at construction, so a session that never loads starts none), refreshed after each
// eventsChanged push (the workers match only the events added since; refreshes coalesce so at
// most one waits behind the running one), closed on clear and dispose. Pushes detectionsChanged
// whenever a refresh or a clear changed what the Detections panel shows.

import path from 'node:path'
import { DetectService } from './detect-service'
import { DETECTION_LEVELS, type DetectionLevel, type DetectionsSummary, type RuleDetail } from '../../common/detections'
import type { RuleFoldersInfo } from '../../common/contract/detections'
import { CallError } from '../../common/call-errors'
import { readRuleFolders } from '../detect/rule-files'
import type { EventStore } from '../store/event-store'
import type { PushListener } from './service-types'
import { setDetectionProvider } from '../detect/detection-column'
import { downloadedRuleSets, updateRuleSets, type RulesUpdateOptions } from '../rules/rules-update'

export interface DetectionsOptions {
  ruleFolders?: readonly string[]
  /** Web mode: the only rule folders setRuleFolders accepts (the server's --rules); unset: any. */
  ruleFolderChoices?: readonly string[]
  /** "Update rules" (the desktop app, the CLI): where the sets go. Unset (web mode): refused. */
  rulesUpdate?: RulesUpdateOptions
}

const EMPTY_SUMMARY: DetectionsSummary = { rules: [], rulesRun: 0, unsupported: [], eventsChecked: 0, detectMs: 0 }

export class DetectionsHost {
  private service: DetectService | null = null
  private running: Promise<void> = Promise.resolve()
  /** A refresh is queued behind the running one (more eventsChanged pushes add nothing to it). */
  private queued = false
  private latest: DetectionsSummary = EMPTY_SUMMARY
  /** Each rule's events, asked for by `detection:` queries; forgotten when detections change. */
  private eventsByRule = new Map<string, number[]>()
  /** The user's rule folders (settings), once set; before, the options' (a command line's). */
  private folders: readonly string[] | null = null
  /** The "Update rules" download running, which a second click joins. */
  private updating: Promise<unknown> | null = null
  /** The problems read while there is no DetectService yet, for these folders (see ruleProblems). */
  private problemsRead: { key: string; problems: RuleFoldersInfo['problems'] } | null = null

  constructor(
    private readonly store: EventStore,
    private readonly push: PushListener,
    private readonly options: () => DetectionsOptions = () => ({}),
  ) {
    setDetectionProvider(store, {
      levels: () => this.service?.levelColumn ?? new Uint8Array(0),
      rules: () => this.latest.rules,
      eventIdsOfRule: (ruleId) => this.eventIdsOfRule(ruleId),
    })
  }

  /** Called on every eventsChanged push: matches what arrived, off this thread (detection workers). */
  follow(): void {
    if (this.store.size === 0 || this.queued) return
    this.queued = true
    this.running = this.running.then(async () => {
      this.queued = false
      if (this.store.size === 0) return
      this.service ??= new DetectService(this.store, { ruleFolders: this.ruleFolderList() })
      const service = this.service
      try {
        await service.refresh()
      } catch (error) {
        // A refresh that fails (a worker died) leaves the last summary; said once on the console.
        console.error(`[detections] ${error instanceof Error ? error.message : String(error)}`)
        return
      }
      if (service !== this.service) return // cleared meanwhile
      this.latest = service.summary()
      this.eventsByRule = new Map()
      this.push('detectionsChanged', { rules: this.latest.rules.length, eventsChecked: this.latest.eventsChecked })
    })
  }

  /** The user's folders (settings, or the command line's). */
  private ownFolders(): readonly string[] {
    return this.folders ?? this.options().ruleFolders ?? []
  }

  private downloaded(): ReturnType<typeof downloadedRuleSets> {
    const update = this.options().rulesUpdate
    return update ? downloadedRuleSets(update.dataDir) : []
  }

  /** What runs: the user's folders and the downloaded sets' (each once). */
  private ruleFolderList(downloaded = this.downloaded()): readonly string[] {
    return [...new Set([...this.ownFolders(), ...downloaded.map((d) => d.folder)])]
  }

  /**
   * What the rule folders in use could not give: the running DetectService's last reading; before
   * the first load (no service yet), one reading kept until the folders are read again.
   */
  private ruleProblems(folders: readonly string[]): RuleFoldersInfo['problems'] {
    if (this.service) return this.service.ruleProblems
    const key = JSON.stringify(folders)
    if (this.problemsRead?.key !== key) this.problemsRead = { key, problems: readRuleFolders(folders).problems }
    return this.problemsRead.problems
  }

  /** The rule folders in use, what a web client may choose, and what could not be read. */
  ruleFolders(): RuleFoldersInfo {
    const folders = [...this.ownFolders()]
    const choices = this.options().ruleFolderChoices
    const downloaded = this.downloaded()
    return {
      folders,
      choices: choices ? [...choices] : null,
      problems: this.ruleProblems(this.ruleFolderList(downloaded)),
      downloaded,
      canUpdateRules: this.options().rulesUpdate !== undefined,
    }
  }

  /**
   * Uses these rule folders from now on: the rules are read again and every loaded event is
   * matched again (behind any refresh running), then the panel is told.
   */
  async setRuleFolders(folders: readonly string[]): Promise<RuleFoldersInfo> {
    const choices = this.options().ruleFolderChoices
    const wanted = [...new Set(folders.map((f) => path.resolve(f)))]
    if (choices) {
      const allowed = new Set(choices.map((c) => path.resolve(c)))
      const refused = wanted.find((f) => !allowed.has(f))
      if (refused !== undefined) throw new CallError('rule-folder-not-allowed', `The rule folder ${refused} is not one of this server's --rules folders.`, { folder: refused })
    }
    this.folders = wanted
    await this.rerun()
    return this.ruleFolders()
  }

  /**
   * "Update rules": the published sets downloaded (one update at a time; progress pushed), then
   * the rules read again and everything matched again, also after a failure (a set may have come).
   */
  async updateRules(): Promise<RuleFoldersInfo> {
    const update = this.options().rulesUpdate
    if (!update) throw new CallError('rules-update-unavailable', 'Rules are updated from the desktop app or `ashiato update-rules`; a web server started without --rules-update-dir runs the rule folders its command line names (--rules).')
    // The rerun is part of the shared promise: a second click while one update runs waits for it
    // instead of reading and matching everything a second time.
    this.updating ??= updateRuleSets(update, (progress) => this.push('rulesUpdateProgress', progress))
      .finally(() => this.rerun())
      .finally(() => (this.updating = null))
    await this.updating
    return this.ruleFolders()
  }

  /** The rules read again from ruleFolderList() and every loaded event matched again (behind any refresh running). */
  private async rerun(): Promise<void> {
    this.problemsRead = null
    const service = this.service
    if (!service) return
    this.running = this.running.then(async () => {
      if (service !== this.service) return
      try {
        await service.reload({ ruleFolders: this.ruleFolderList() })
      } catch (error) {
        console.error(`[detections] ${error instanceof Error ? error.message : String(error)}`)
        return
      }
      if (service !== this.service) return
      this.latest = service.summary()
      this.eventsByRule = new Map()
      this.push('detectionsChanged', { rules: this.latest.rules.length, eventsChecked: this.latest.eventsChecked })
    })
    await this.running
  }

  /** Resolves when every refresh asked for so far has finished (tests, the CLI). */
  async whenIdle(): Promise<void> {
    let seen: Promise<void> | undefined
    while (seen !== this.running) {
      seen = this.running
      await seen
    }
  }

  /** A rule's events (ascending ids), kept until detections change: a query asks for them on every keystroke. */
  eventIdsOfRule(ruleId: string): number[] {
    if (!this.service) return []
    let ids = this.eventsByRule.get(ruleId)
    if (!ids) {
      ids = this.service.eventIdsOfRule(ruleId)
      this.eventsByRule.set(ruleId, ids)
    }
    return ids
  }

  summary(): DetectionsSummary {
    return this.latest
  }

  levelsOf(ids: readonly number[]): { id: number; level: DetectionLevel }[] {
    const column = this.service?.levelColumn
    if (!column) return []
    const out: { id: number; level: DetectionLevel }[] = []
    for (const id of ids) if (id < column.length && column[id] > 0) out.push({ id, level: DETECTION_LEVELS[column[id] - 1] })
    return out
  }

  rulesOf(id: number): RuleDetail[] {
    return this.service?.rulesOfEvent(id) ?? []
  }

  /** Forgets every detection (the set was cleared); the workers stop until the next load. */
  async clear(): Promise<void> {
    const service = this.service
    this.service = null
    this.latest = EMPTY_SUMMARY
    this.eventsByRule = new Map()
    await this.running
    await service?.close()
    this.push('detectionsChanged', { rules: 0, eventsChecked: 0 })
  }

  async close(): Promise<void> {
    const service = this.service
    this.service = null
    await this.running
    await service?.close()
  }
}
