// One `ashiato detect` run: read the rules (built-in pack, the sets "Update rules" downloaded, as
// the desktop app runs them, and --rules folders), load the inputs as `ashiato` does, match in
// detection workers, print the detections.

import path from 'node:path'
import { EventStore } from '../store/event-store'
import { loadInto } from '../loader/load-files'
import { isS3Url } from '../s3/cli-options'
import { builtinRuleTexts } from '../detect/builtin-rules'
import { readRuleFolders } from '../detect/rule-files'
import { downloadedRuleSets } from '../rules/rules-update'
import { desktopDataDir } from './update-rules'
import { DetectionSession } from '../detect/detect-session'
import { levelRank, type Detection } from '../detect/rule-model'
import { csvCell } from '../export/csv-format'
import { EXIT_INPUT_PROBLEM, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-run'
import type { DetectCliOptions } from './detect-args'
import type { FileReport } from '../../common/ipc-contract'

const COLUMNS = ['ruleId', 'title', 'level', 'author', 'tags', 'source', 'eventIds', 'firstTime', 'lastTime', 'group'] as const

const iso = (ms: number): string | null => (Number.isNaN(ms) ? null : new Date(ms).toISOString())

export async function runDetectCli(options: DetectCliOptions, io: CliIo & { detectWorkerPath?: string }): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`ashiato: ${line}\n`)
  const folders = readRuleFolders(options.ruleDirs)
  if (folders.problems.length > 0) {
    for (const p of folders.problems) say(`--rules ${p.file}: ${p.reason}`)
    return EXIT_USAGE
  }
  // The downloaded sets: where the app finds them; a problem in one is said, not fatal (the
  // user did not name that folder on this command line).
  const sets = options.downloadedRules ? downloadedRuleSets(desktopDataDir()) : []
  const named = new Set(options.ruleDirs.map((d) => path.resolve(d)))
  const downloaded = readRuleFolders(sets.map((set) => set.folder).filter((folder) => !named.has(path.resolve(folder))))
  for (const p of downloaded.problems) say(`downloaded rules ${p.file}: ${p.reason}`)
  const files = [...(options.builtinRules ? builtinRuleTexts() : []), ...downloaded.files, ...folders.files]
  if (files.length === 0) {
    say(`no rules to run: --no-builtin-rules, and no rule set downloaded in ${desktopDataDir()} (run "ashiato update-rules", or add --rules DIR)`)
    return EXIT_USAGE
  }

  const store = new EventStore()
  let badFiles = 0
  let loadedFiles = 0
  const problem = (file: string, reason: string): void => {
    badFiles++
    say(`${file}: ${reason}`)
  }
  const onFileReport = (report: FileReport): void => {
    if (report.kind === 'error' || report.reason) problem(report.file, report.reason)
  }
  const loadStarted = performance.now()
  const local = options.inputs.filter((input) => !isS3Url(input)).map((path) => ({ path }))
  if (local.length > 0) loadedFiles += (await loadInto(store, local, { workerPath: io.workerPath, signal: io.signal }, { onFileReport })).files
  for (const url of options.inputs.filter(isS3Url)) {
    if (io.signal?.aborted) break
    const { openS3Input } = await import('./cli-s3')
    const opened = openS3Input(url, { s3: {}, signal: io.signal, onError: problem })
    loadedFiles += (await loadInto(store, opened.inputs, { workerPath: io.workerPath, signal: io.signal, timeRange: opened.timeRange }, { onFileReport })).files
    await opened.finished
  }
  const loadMs = Math.round(performance.now() - loadStarted)
  if (io.signal?.aborted) return EXIT_INTERRUPTED

  const detectStarted = performance.now()
  const session = new DetectionSession(files, { workerPath: io.detectWorkerPath })
  let detections: Detection[]
  try {
    for (const u of session.set.unsupported) say(`${u.meta.source}: rule "${u.meta.title}" not evaluated: ${u.reason}`)
    await session.update(store)
    detections = session.detections(store)
  } finally {
    await session.close()
  }
  const detectMs = Math.round(performance.now() - detectStarted)
  const min = levelRank(options.minLevel)
  detections = detections.filter((d) => levelRank(session.set.rules[d.rule].meta.level) >= min)

  // eventIds are CloudTrail's eventID values (what a user can search for anywhere), read once.
  const eventIdOf = (id: number): string => {
    const value = store.parsed(id).eventID
    return typeof value === 'string' ? value : ''
  }
  if (options.format === 'csv') io.stdout.write(`${COLUMNS.join(',')}\n`)
  for (const d of detections) {
    const meta = session.set.rules[d.rule].meta
    const record = {
      ruleId: meta.id,
      title: meta.title,
      level: meta.level,
      author: meta.author,
      tags: meta.tags,
      source: meta.source,
      eventIds: d.eventIds.map(eventIdOf),
      firstTime: iso(d.firstTime),
      lastTime: iso(d.lastTime),
      ...(d.group ? { group: d.group } : {}),
    }
    if (options.format === 'jsonl') io.stdout.write(`${JSON.stringify(record)}\n`)
    else {
      const cells = [record.ruleId, record.title, record.level, record.author, record.tags.join(';'), record.source, record.eventIds.join(';'), record.firstTime ?? '', record.lastTime ?? '', d.group ? JSON.stringify(d.group) : '']
      io.stdout.write(`${cells.map(csvCell).join(',')}\n`)
    }
  }
  if (options.stats) {
    const stats = { events: store.size, files: loadedFiles, badFiles, loadMs, rules: session.set.rules.length, rulesUnsupported: session.set.unsupported.length, ruleSets: sets.map((set) => ({ id: set.id, name: set.name, files: set.files, fetchedAt: set.fetchedAt, folder: set.folder })), detections: detections.length, detectMs }
    io.stderr.write(`${JSON.stringify(stats)}\n`)
  }
  return badFiles > 0 ? EXIT_INPUT_PROBLEM : EXIT_OK
}
