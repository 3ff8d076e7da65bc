// The app's integrity checks: collects what each load's parse workers report (hashes, digest
// texts, kept signatures), validates on request, and keeps the per-event column the
// `integrity:` query field and the list's markers read. Public keys come from files the user
// gives (list-public-keys JSON) and the key cache that `ashiato validate` fills.

import type { CoverageInfo, IntegrityEntryInfo, IntegrityInfo, IntegrityLogStatus } from '../../common/ipc-contract'
import { INTEGRITY_ENTRY_LIMIT } from '../../common/ipc-contract'
import { coverageMap } from '../integrity/coverage-map'
import { EVENT_INTEGRITY, setIntegrityProvider } from '../integrity/integrity-column'
import type { IntegrityReport } from '../integrity/integrity-types'
import { KeySet, parseKeyFile } from '../integrity/public-keys'
import { TrailCollector } from '../integrity/trail-collector'
import { keysNeeded, summaryLine, validateTrail } from '../integrity/validate-trail'
import type { LoadCallbacks } from '../loader/load-files'
import type { EventStore } from '../store/event-store'

/** Log statuses are computed without keys: see fileStatuses. */
const NO_KEYS = new KeySet()

export class IntegrityService {
  private collector = new TrailCollector()
  private readonly keys = new KeySet()
  private cached: { key: string; report: IntegrityReport } | null = null
  private columnCache: { key: string; column: Uint8Array } | null = null
  private statusCache: { key: string; byFileId: Uint8Array } | null = null
  /** Bumped when keys are added (a key may replace another under the same fingerprint). */
  private keysVersion = 0

  private cacheRead = false

  /** `keyCacheDir`: where fetched keys are kept (the S3 cache folder, shared with `ashiato validate`). */
  constructor(
    private readonly store: EventStore,
    private readonly keyCacheDir: () => string = () => '',
  ) {
    setIntegrityProvider(store, { column: () => this.column() })
  }

  /** Loader callbacks for every load into the store. */
  callbacks(): Pick<LoadCallbacks, 'onTrailFile' | 'onSignatureFile'> {
    const collector = this.collector
    const inner = collector.callbacks()
    return {
      // A load that outlives a clear must not feed the new set.
      onTrailFile: (...args) => collector === this.collector && inner.onTrailFile?.(...args),
      onSignatureFile: (file) => collector === this.collector && inner.onSignatureFile?.(file),
    }
  }

  clear(): void {
    this.collector = new TrailCollector()
    this.cached = null
    this.columnCache = null
    this.statusCache = null
  }

  addKeys(json: string): { keys: number } {
    for (const key of parseKeyFile(json)) this.keys.add(key)
    this.keysVersion++
    this.cached = null
    return { keys: this.keys.size }
  }

  /** Keys cached by earlier fetches (here or by the CLI): read once. */
  private async readCache(): Promise<void> {
    if (this.cacheRead) return
    this.cacheRead = true
    const { readKeyCache } = await import('../integrity/fetch-public-keys')
    for (const k of await readKeyCache(this.keyCacheDir())) if (!this.keys.record(k.fingerprint)) this.keys.add(k)
    this.keysVersion++
  }

  async fetchKeys(profile: string): Promise<{ keys: number }> {
    const { ensureKeys } = await import('../integrity/fetch-public-keys')
    await this.readCache()
    await ensureKeys(this.keys, keysNeeded(this.collector.files), this.keyCacheDir(), { profile: profile || undefined })
    this.keysVersion++
    this.cached = null
    return { keys: this.keys.size }
  }

  private async report(): Promise<IntegrityReport> {
    await this.readCache()
    const key = `${this.store.generation}/${this.collector.files.length}/${this.keysVersion}`
    if (this.cached?.key === key) return this.cached.report
    const report = validateTrail({ files: this.collector.files, signatures: await this.collector.signatures(), keys: this.keys })
    this.cached = { key, report }
    return report
  }

  /**
   * Each store file's log status code (EVENT_INTEGRITY), by store file id: validated again only
   * when files arrive, with no keys (a log's status does not depend on them, and an RSA check
   * per digest has no place on the main thread at every screenful of a load).
   */
  private fileStatuses(): Uint8Array {
    const key = `${this.store.generation}/${this.store.fileCount}/${this.collector.files.length}`
    if (this.statusCache?.key === key) return this.statusCache.byFileId
    const report = validateTrail({ files: this.collector.files, signatures: new Map(), keys: NO_KEYS })
    const byName = new Map<string, number>()
    for (const e of report.entries) {
      if (e.kind !== 'log') continue
      const code = EVENT_INTEGRITY.indexOf(e.status as (typeof EVENT_INTEGRITY)[number])
      if (code >= 0) byName.set(e.path, code)
    }
    // By name, as loaded: a file loaded twice has two ids and one status.
    const byFileId = new Uint8Array(this.store.fileCount)
    for (let fileId = 0; fileId < byFileId.length; fileId++) byFileId[fileId] = byName.get(this.store.fileName(fileId)) ?? 0
    this.statusCache = { key, byFileId }
    return byFileId
  }

  /** Synchronous (queries are): every event's status, from its file's. */
  private column(): Uint8Array {
    const byFileId = this.fileStatuses()
    const key = `${this.store.generation}/${this.store.size}/${this.collector.files.length}`
    if (this.columnCache?.key === key) return this.columnCache.column
    const column = new Uint8Array(this.store.size)
    for (let id = 0; id < column.length; id++) column[id] = byFileId[this.store.fileIdOfEvent(id)] ?? 0
    this.columnCache = { key, column }
    return column
  }

  async integrityReport(): Promise<IntegrityInfo> {
    const report = await this.report()
    const rank = (e: IntegrityEntryInfo): number => (e.status === 'valid' ? 1 : 0)
    const entries = [...report.entries].sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    const coverage: CoverageInfo = coverageMap(this.collector.files, this.store)
    return {
      digests: this.collector.files.filter((f) => f.kind === 'digest').length,
      keys: this.keys.size,
      summary: { ...report.summary, line: summaryLine(report.summary) },
      entries: entries.slice(0, INTEGRITY_ENTRY_LIMIT),
      entriesTotal: entries.length,
      coverage,
    }
  }

  /** The not-valid statuses among these events; none when no digest is loaded (nothing to say). */
  eventIntegrity(ids: number[]): { id: number; status: IntegrityLogStatus }[] {
    if (!this.collector.hasDigests) return []
    // A screenful's statuses from their files', not the whole column (rebuilt as a load grows).
    const byFileId = this.fileStatuses()
    const statuses: { id: number; status: IntegrityLogStatus }[] = []
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 0 || id >= this.store.size) continue
      const code = byFileId[this.store.fileIdOfEvent(id)] ?? 0
      if (code !== 1) statuses.push({ id, status: EVENT_INTEGRITY[code] })
    }
    return statuses
  }
}
