// `npm run bench [-- --events N] [-- --corpus realistic|low|both] [-- --no-jq] [-- --no-queries]
// [-- --data ../shared/data] [-- --dir .bench] [-- --detect-only] [-- --identity-only [-- --rounds 2]]
// [-- --columns 10000000] [-- --corpus none]`:
// builds (once, streamed to disk) reproducible corpora in the S3 layout — 'realistic' from the
// real event shapes in ../shared/data with a real trail's cardinality, 'low' the original
// low-cardinality one — and for each prints, beside references measured in the same run on the
// same files (read + inflate on all cores; naive one-thread read + gunzip + JSON.parse; jq when
// installed): the load to a sorted, filter-ready set, its peak RSS, and the query figures.
// Each measurement runs in a child process of its own, so each peak RSS is its own. Each of
// the issue's targets (#16) is printed beside its figure; `--columns N` times the field query,
// facets and histogram on N events of synthetic columns (10M without a 15 GB corpus).
// Figures are printed, never asserted: this machine's speed is not a test.

import { execFileSync, execSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { ensureCorpus, SHARED_DATA, type CorpusInfo, type CorpusKind } from './bench/make-corpus'
import { corpusFiles, naiveParse, readInflateAllCores } from './bench/references'
import { EventStore } from '../main/store/event-store'
import { loadInto } from '../main/loader/load-files'
import { evaluateView } from '../main/query/evaluate-view'
import { benchQueries, type QueryFigure } from '../main/query/bench-queries'
import { benchDetect } from './bench-detect'
import { printLoadTargets } from './bench/targets'
import { benchColumns } from './bench/columns-bench'
import { defaultQueryWorkerPath } from '../main/query/query-dispatch'
import { useScanHelper } from '../main/query/scan-helper'

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const line = (label: string, value: string): void => console.log(`  ${label.padEnd(40)} ${value}`)
const peakRss = (): number => process.resourceUsage().maxRSS * 1024
/** CPU time of every thread of this process so far, ms (user + system). */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

function hasCommand(command: string): boolean {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/bash' })
    return true
  } catch {
    return false
  }
}

interface LoadFigures {
  events: number
  duplicates: number
  badFiles: number
  firstRowsMs: number
  loadedMs: number
  readyMs: number
  viewRows: number
  peakRss: number
  /** CPU time of all the load's threads until filter-ready: beside wall time, it says less about other work on the machine. */
  cpuMs: number
  spilledBytes: number
  queries: QueryFigure[]
}

/** Child: loads the corpus as the app does and times the queries; prints one JSON line. */
async function childLoad(dir: string, queries: boolean): Promise<void> {
  const store = new EventStore()
  // As in the app's query worker: large byte searches split with a helper thread (started by
  // the first of them, whose figure includes that).
  useScanHelper(defaultQueryWorkerPath())
  const started = performance.now()
  const cpuStarted = cpuMs()
  let firstRowsMs = -1
  const summary = await loadInto(store, [{ path: path.join(dir, 'AWSLogs') }], {}, {
    onFileReport: () => {
      if (firstRowsMs < 0 && store.size > 0) firstRowsMs = performance.now() - started
    },
  })
  const loadedMs = performance.now() - started
  // Filter-ready: the default view (every event, newest first) is sorted and can be paged.
  const view = evaluateView(store, { query: '' })
  const readyMs = performance.now() - started
  const cpuReady = cpuMs() - cpuStarted
  const figures: LoadFigures = {
    events: store.size,
    duplicates: summary.duplicates,
    badFiles: summary.badFiles.length,
    firstRowsMs,
    loadedMs,
    readyMs,
    viewRows: view.ids.length,
    peakRss: peakRss(),
    cpuMs: cpuReady,
    spilledBytes: store.spilledBytes,
    queries: queries ? benchQueries(store) : [],
  }
  // Credential chains and dossiers over the same loaded set (printed beside the load time).
  if (!process.argv.includes('--no-features')) {
    await (await import('./bench-identity')).benchIdentity(store, loadedMs, dir)
    // Every rule of the built-in pack and ../shared/sigma over the same events.
    await benchDetect(store, line)
  }
  store.clear()
  console.log(JSON.stringify(figures))
}

/** Child of --detect-only: loads the corpus, then only the detection figures (with their naive reference). */
async function childDetect(dir: string): Promise<void> {
  const store = new EventStore()
  const started = performance.now()
  await loadInto(store, [{ path: path.join(dir, 'AWSLogs') }], {}, {})
  line('events loaded', `${store.size.toLocaleString('en')} in ${s(performance.now() - started)}`)
  await benchDetect(store, line)
  store.clear()
  console.log('{}')
}

/** Child of --identity-only: only the loads with identity off and on (ABBA rounds), the figure issue #14 names. */
async function childIdentity(dir: string): Promise<void> {
  const { identityLoads, printIdentityLoads } = await import('./bench/identity-load')
  printIdentityLoads(await identityLoads(dir, Number(option('rounds', '2'))), line)
  console.log('{}')
}

async function child(kind: string, dir: string): Promise<void> {
  if (kind === 'load') return childLoad(dir, !process.argv.includes('--no-queries'))
  if (kind === 'detect') return childDetect(dir)
  if (kind === 'identity') return childIdentity(dir)
  if (kind === 'columns') {
    await benchColumns(Number(option('columns', '10000000')), line)
    console.log(JSON.stringify({ peakRss: peakRss() }))
    return
  }
  const files = corpusFiles(path.join(dir, 'AWSLogs'))
  if (kind === 'inflate') {
    const cpuStarted = cpuMs()
    const figures = await readInflateAllCores(files)
    console.log(JSON.stringify({ ...figures, cpuMs: cpuMs() - cpuStarted, peakRss: peakRss() }))
  }
  else if (kind === 'naive') console.log(JSON.stringify({ ...naiveParse(files), peakRss: peakRss() }))
}

function runChild<T>(kind: string, dir: string): T {
  const passed = ['--no-queries', '--no-features'].filter((flag) => process.argv.includes(flag))
  if (kind === 'columns') passed.push('--columns', option('columns', '10000000'))
  if (kind === 'identity') passed.push('--rounds', option('rounds', '2'))
  const args = [...process.execArgv, process.argv[1], '--child', kind, '--dir', dir, ...passed]
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] })
  // The last line is the child's figures; any before it are figures it printed itself.
  const lines = out.trim().split('\n')
  for (const printed of lines.slice(0, -1)) console.log(printed)
  return JSON.parse(lines[lines.length - 1]) as T
}

function measure(corpus: CorpusInfo, withJq: boolean): void {
  const dir = corpus.dir
  console.log(`\n${corpus.kind} corpus: ${corpus.events.toLocaleString('en')} events, ${corpus.files.toLocaleString('en')} files, ${mb(corpus.jsonBytes)} JSON, ${mb(corpus.gzipBytes)} gzipped`)
  if (corpus.shapes) console.log(`  shapes: ${corpus.shapes}`)
  // References first and last would bracket the load; once, before it, keeps the run short.
  // Twice, the second timed: the first may read from disk (a corpus just written, or pushed out
  // of the page cache), and the load after it reads from the cache: a cold reference once made
  // a load of 3x look like 1.27x.
  const cold = runChild<{ ms: number; bytes: number; cpuMs: number }>('inflate', dir)
  const inflate = runChild<{ ms: number; bytes: number; cpuMs: number }>('inflate', dir)
  line(`read + inflate, ${os.availableParallelism()} threads (reference)`, `${s(inflate.ms)} (the first pass, which warms the page cache: ${s(cold.ms)})`)
  const naive = runChild<{ ms: number; events: number }>('naive', dir)
  line('read + gunzip + JSON.parse, 1 thread (ref.)', s(naive.ms))
  const load = runChild<LoadFigures>('load', dir)
  line('events loaded', `${load.events.toLocaleString('en')} (${load.duplicates} duplicates, ${load.badFiles} bad files)`)
  line('first rows after', `${load.firstRowsMs.toFixed(0)} ms`)
  line('all files parsed and merged', s(load.loadedMs))
  line('sorted, filter-ready', `${s(load.readyMs)} = ${(load.readyMs / inflate.ms).toFixed(2)}x read + inflate, ${(load.readyMs / naive.ms).toFixed(2)}x naive parse`)
  line('CPU time, all threads', `${s(load.cpuMs)} = ${(load.cpuMs / inflate.cpuMs).toFixed(2)}x read + inflate's ${s(inflate.cpuMs)} (less moved by other work on the machine than wall time)`)
  line('events/s', Math.round(load.events / (load.readyMs / 1000)).toLocaleString('en'))
  line('peak RSS', `${mb(load.peakRss)} = ${(load.peakRss / corpus.jsonBytes).toFixed(2)}x the JSON size`)
  line('event text in temporary segment files', mb(load.spilledBytes))
  if (load.queries.length > 0) {
    console.log('  queries on the loaded set (first run / again from scratch / repeated, ms):')
    for (const figure of load.queries) {
      const times = [figure.firstMs, figure.ms, figure.repeatMs].filter((t) => t !== undefined).join(' / ')
      line(`  ${figure.label}`, `${times}  (${figure.count.toLocaleString('en')})${figure.query ? `  ${figure.query}` : ''}`)
    }
  }
  printLoadTargets({ events: load.events, readyMs: load.readyMs, inflateMs: inflate.ms, peakRss: load.peakRss, jsonBytes: corpus.jsonBytes, queries: load.queries }, line)
  if (withJq && hasCommand('jq') && hasCommand('zcat')) {
    const jqStarted = performance.now()
    execSync(`find "${dir}/AWSLogs" -name '*.json.gz' -print0 | xargs -0 zcat | jq -c '.Records[]' > /dev/null`, { shell: '/bin/bash' })
    const jqMs = performance.now() - jqStarted
    line("zcat | jq -c '.Records[]' (reference)", `${s(jqMs)} (the load is ${(jqMs / load.readyMs).toFixed(1)}x faster)`)
  } else if (withJq) {
    line("zcat | jq -c '.Records[]'", 'not measured: jq is not installed (apt-get install jq)')
  }
}

async function main(): Promise<void> {
  const childKind = option('child', '')
  if (childKind) return child(childKind, option('dir', ''))
  const events = Number(option('events', '1000000'))
  const kinds: CorpusKind[] = (() => {
    const asked = option('corpus', events > 2_000_000 ? 'realistic' : 'both')
    if (asked === 'none') return []
    return asked === 'both' ? ['realistic', 'low'] : [asked as CorpusKind]
  })()
  console.log(`Ashiato load benchmark (${process.arch}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.cpus()[0]?.model ?? ''})`)
  for (const kind of kinds) {
    const dir = path.resolve(option('dir', '.bench'), kind === 'low' ? `corpus-${events}` : `${kind}-${events}`)
    const corpus = await ensureCorpus(dir, events, (l) => console.error(l), kind, option('data', SHARED_DATA))
    // Detection alone (the loop of speeding it up): no load figures, no references but its own.
    if (process.argv.includes('--detect-only')) {
      console.log(`\n${corpus.kind} corpus: ${corpus.events.toLocaleString('en')} events`)
      runChild('detect', corpus.dir)
      continue
    }
    // Identity alone: the load with the identity worker off and on, interleaved (off, on, on, off).
    if (process.argv.includes('--identity-only')) {
      console.log(`\n${corpus.kind} corpus: ${corpus.events.toLocaleString('en')} events; identity off/on loads, ABBA`)
      runChild('identity', corpus.dir)
      continue
    }
    measure(corpus, !process.argv.includes('--no-jq'))
    // The features measured against the same corpus: each prints its cost beside the load's.
    if (kind === 'realistic' && !process.argv.includes('--no-features')) {
      await (await import('./bench-integrity')).benchIntegrity(corpus.dir, line)
    }
  }
  if (process.argv.includes('--columns')) {
    const { peakRss: columnsRss } = runChild<{ peakRss: number }>('columns', '')
    line('peak RSS (synthetic columns)', mb(columnsRss))
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
