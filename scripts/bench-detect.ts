// The detection figures of `npm run bench`: every rule in ../shared/sigma ($ASHIATO_SHARED/sigma; SigmaHQ and Suzaku,
// read from there; absent, the built-in pack alone) plus the built-in pack, run over the loaded
// store in detection workers as the app does. Reference, measured in the same run: the same
// compiled rules evaluated naively — JSON.parse every event, every rule on every event — on a
// sample of the events, scaled to the whole set.

import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { builtinRuleTexts } from '../main/detect/builtin-rules'
import { readRuleFolders } from '../main/detect/rule-files'
import { DetectionSession } from '../main/detect/detect-session'
import { DetectionTables } from '../main/detect/detection-tables'
import { evaluateTree, TRUE, type Tri } from '../main/detect/evaluate-tree'
import { valuesAt } from '../main/detect/field-values'
import type { DetectionRule } from '../main/detect/compile-rule'
import { compileRuleSet, type RuleText } from '../main/detect/rule-set'
import { EventMatcher } from '../main/detect/event-matcher'
import { MatchList } from '../main/detect/match-list'
import { pinnedNames } from '../main/detect/rule-index'
import type { EventStore } from '../main/store/event-store'

const NAIVE_SAMPLE = 20_000
/** Events the breakdown by kind of rule is measured on (in this thread). */
const SPLIT_SAMPLE = 50_000

export async function benchDetect(store: EventStore, line: (label: string, value: string) => void, sigmaDir = path.resolve(process.env.ASHIATO_SHARED ?? path.join('..', 'shared'), 'sigma')): Promise<void> {
  const shared = existsSync(sigmaDir) ? readRuleFolders([sigmaDir]).files : []
  const files = [...builtinRuleTexts(), ...shared]
  console.log(`\nDetections (${shared.length ? `${shared.length} rule files of ${sigmaDir}` : `${sigmaDir} absent: built-in rules only`} + the built-in pack)`)

  const started = performance.now()
  const session = new DetectionSession(files)
  const compiledMs = performance.now() - started
  // CPU time of every thread of this process (the workers' too): on a shared machine it says
  // what the wall time cannot (the load average is printed beside it).
  const cpuBefore = process.cpuUsage()
  const matchStarted = performance.now()
  await session.update(store)
  const matchedMs = performance.now() - matchStarted
  // What the app then has: each rule's events and each event's level (the Detections panel,
  // the list's markers, level: queries), as the service keeps them.
  const tables = new DetectionTables(session.set)
  tables.update(session.matchList, store.size, store.times)
  const totalMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  await session.close()
  const rules = session.set.rules
  const detections = [...tables.plain.values()].reduce((n, events) => n + events.ids.length, tables.correlations.length)
  line('rules', `${rules.length} run, ${session.set.unsupported.length} unsupported (compiled in ${compiledMs.toFixed(0)} ms)`)
  line('all rules × all events', `${(totalMs / 1000).toFixed(2)} s  (${store.size.toLocaleString('en')} events, ${session.matchList.length.toLocaleString('en')} matches, ${detections.toLocaleString('en')} detections)`)
  line('  of which matching in workers / tables', `${(matchedMs / 1000).toFixed(2)} s / ${((totalMs - compiledMs - matchedMs) / 1000).toFixed(2)} s; CPU, all threads: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; load average ${os.loadavg()[0].toFixed(1)}`)
  const listStarted = performance.now()
  const sorted = session.detections(store)
  line('  every detection as a sorted list (CLI)', `${((performance.now() - listStarted) / 1000).toFixed(2)} s (${sorted.length.toLocaleString('en')})`)

  // The reference: no index, no columns, no byte checks.
  const detection = rules.filter((r): r is DetectionRule => r.kind === 'detection')
  const sample = Math.min(NAIVE_SAMPLE, store.size)
  const naiveStarted = performance.now()
  let naiveMatches = 0
  for (let id = 0; id < sample; id++) {
    const event = store.parsed(id)
    const leaf = (l: DetectionRule['leaves'][number]): Tri => (l.test(l.field === null ? [] : valuesAt(event, l.path), event) ? 1 : 0)
    for (const rule of detection) if (evaluateTree(rule.root, leaf) === TRUE) naiveMatches++
  }
  const naiveMs = ((performance.now() - naiveStarted) / sample) * store.size
  line('naive: JSON.parse + every rule', `${(naiveMs / 1000).toFixed(1)} s  (measured on ${sample.toLocaleString('en')} events, ${naiveMatches} matches there; scaled; Ashiato is ${(naiveMs / totalMs).toFixed(0)}x faster)`)
  splitByKind(store, files, line)
}

/**
 * Where matching goes: the same rules matched in this thread on the first events, all of them,
 * then only those that pin an eventName (found through the index), then only those that do not
 * (they are candidates for every event of their errorCode/userIdentity.type, and read its text).
 * A rule left out keeps its number but matches nothing. CPU time of this process (the workers
 * are closed by then).
 */
function splitByKind(store: EventStore, files: readonly RuleText[], line: (label: string, value: string) => void): void {
  const sample = Math.min(SPLIT_SAMPLE, store.size)
  const run = (keep: (rule: DetectionRule) => boolean): { ms: number; matches: number; rules: string[] } => {
    const set = compileRuleSet(files)
    const kept: string[] = []
    for (const rule of set.rules) {
      if (rule.kind !== 'detection') continue
      if (keep(rule)) kept.push(rule.meta.title)
      else rule.root = { t: 'or', items: [] }
    }
    const out = new MatchList()
    const matcher = new EventMatcher(set)
    const before = process.cpuUsage()
    matcher.match(store, 0, sample, out)
    const cpu = process.cpuUsage(before)
    return { ms: (cpu.user + cpu.system) / 1000, matches: out.length, rules: kept }
  }
  const all = run(() => true)
  const pinned = run((rule) => pinnedNames(rule.root) !== null)
  const unpinned = run((rule) => pinnedNames(rule.root) === null)
  const per = (ms: number): string => `${((ms * 1000) / sample).toFixed(1)} µs/event`
  line(`  in this thread, first ${sample.toLocaleString('en')} events: all rules`, `${per(all.ms)} (${all.matches.toLocaleString('en')} matches)`)
  line(`    ${pinned.rules.length} rules that pin an eventName`, `${per(pinned.ms)} (${pinned.matches.toLocaleString('en')} matches)`)
  line(`    ${unpinned.rules.length} that do not`, `${per(unpinned.ms)} (${unpinned.matches.toLocaleString('en')} matches): ${[...new Set(unpinned.rules)].join('; ')}`)
}
