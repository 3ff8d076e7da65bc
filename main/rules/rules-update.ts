// "Update rules": each published rule set (rule-sources.ts) downloaded into a temporary folder
// inside <user data>/rules/, and only once it was read whole (its rules and LICENSE written,
// source.json beside them) renamed into the place of the previous copy. A download that fails in
// any way leaves the previous set as it was and its temporary folder removed.

import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { extractRuleArchive, refusedEntry } from './rule-archive'
import { fetchRuleArchive, requireHttps } from './rule-fetch'
import type { DownloadedRuleSet } from '../../common/contract/detections'
import { RULE_SOURCES, RULES_UPDATE_LIMITS, SOURCE_FILE, type RuleSetRecord, type RuleSource, type RulesUpdateLimit } from './rule-sources'

export interface RulesUpdateOptions {
  /** The user data folder; the sets go to its rules/ folder. */
  dataDir: string
  /** Tests: other sources (their own https server). Never from the renderer. */
  sources?: readonly RuleSource[]
  /** Tests: the certificate authority of their server (PEM). */
  ca?: string | Buffer
  limits?: Partial<Record<RulesUpdateLimit, number>>
}

const PROGRESS_STEP_BYTES = 256 * 1024

export interface RulesUpdateProgress {
  source: string
  phase: 'downloading' | 'done' | 'failed'
  bytes: number
}

export function ruleSetsDir(dataDir: string): string {
  return path.join(dataDir, 'rules')
}

/** The folder whose rules/ sub-folder holds a set's rules (the folder added to the rule set). */
export function ruleSetRulesFolder(dataDir: string, id: string): string {
  return path.join(ruleSetsDir(dataDir), id, 'rules')
}

/** Downloads one set and puts it in place; throws (a CallError) with the previous set untouched. */
export async function updateRuleSet(source: RuleSource, options: RulesUpdateOptions, onProgress: (p: RulesUpdateProgress) => void = () => {}): Promise<RuleSetRecord> {
  const limits = { ...RULES_UPDATE_LIMITS, ...options.limits }
  requireHttps(source.url)
  const base = ruleSetsDir(options.dataDir)
  await mkdir(base, { recursive: true })
  // A dot-folder: never taken for a set (downloadedRuleSets skips it) while it is being filled.
  const temp = await mkdtemp(path.join(base, `.download-${source.id}-`))
  try {
    await mkdir(path.join(temp, 'rules'))
    onProgress({ source: source.name, phase: 'downloading', bytes: 0 })
    // Progress every 256 KiB, not every network chunk: each one crosses to the window.
    let told = 0
    const onBytes = (bytes: number): void => {
      if (bytes - told < PROGRESS_STEP_BYTES) return
      told = bytes
      onProgress({ source: source.name, phase: 'downloading', bytes })
    }
    const stream = await fetchRuleArchive(source.url, { ca: options.ca, maxCompressedBytes: limits.compressedBytes, onBytes })
    const { files, licence } = await extractRuleArchive(stream, temp, source.paths, limits)
    // The DRL 1.1 asks that copies keep the licence: a set without its LICENSE is not kept.
    if (!licence) throw refusedEntry('LICENSE', 'the archive has no LICENSE at its root')
    const record: RuleSetRecord = { id: source.id, name: source.name, url: source.url, home: source.home, fetchedAt: new Date().toISOString(), files, licence: source.licence }
    await writeFile(path.join(temp, SOURCE_FILE), `${JSON.stringify(record, null, 2)}\n`)
    await swapInto(temp, path.join(base, source.id))
    onProgress({ source: source.name, phase: 'done', bytes: 0 })
    return record
  } catch (error) {
    onProgress({ source: source.name, phase: 'failed', bytes: 0 })
    throw error
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/** Puts `temp` at `target`: the old folder moves aside first, and comes back if the new one cannot go in. */
async function swapInto(temp: string, target: string): Promise<void> {
  const aside = `${path.join(path.dirname(target), '.previous-')}${path.basename(target)}-${Date.now()}`
  let moved = false
  try {
    await rename(target, aside)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  try {
    await rename(temp, target)
  } catch (error) {
    if (moved) await rename(aside, target)
    throw error
  }
  if (moved) await rm(aside, { recursive: true, force: true })
}

/** Every source in turn; the first failure is thrown after the others were tried (the sets that came are kept). */
export async function updateRuleSets(options: RulesUpdateOptions, onProgress?: (p: RulesUpdateProgress) => void, onSet?: (source: RuleSource, outcome: { record: RuleSetRecord } | { error: unknown }) => void): Promise<RuleSetRecord[]> {
  const records: RuleSetRecord[] = []
  let failure: unknown = null
  for (const source of options.sources ?? RULE_SOURCES) {
    try {
      const record = await updateRuleSet(source, options, onProgress)
      records.push(record)
      onSet?.(source, { record })
    } catch (error) {
      failure ??= error
      onSet?.(source, { error })
    }
  }
  if (failure) throw failure
  return records
}

/**
 * The sets downloaded so far (each folder of rules/ with a readable source.json), with their
 * rules folder. Synchronous: a handful of small files, read when the rule set is assembled.
 */
export function downloadedRuleSets(dataDir: string): DownloadedRuleSet[] {
  const base = ruleSetsDir(dataDir)
  let names: string[]
  try {
    names = readdirSync(base).filter((n) => !n.startsWith('.')).sort()
  } catch {
    return []
  }
  const sets: DownloadedRuleSet[] = []
  for (const name of names) {
    try {
      const record = JSON.parse(readFileSync(path.join(base, name, SOURCE_FILE), 'utf8')) as RuleSetRecord
      sets.push({ ...record, id: name, folder: ruleSetRulesFolder(dataDir, name) })
    } catch {
      // A folder without its source.json is not one Ashiato wrote.
    }
  }
  return sets
}
