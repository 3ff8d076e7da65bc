// `npm run bench [-- --events N] [-- --no-jq]`: builds (once) a reproducible corpus in the S3
// layout, loads it as the app does and prints the figures: events, files, wall time to a fully
// indexed, filter-ready set, events/s, MB/s of JSON, peak RSS, time to the first rows; then the
// query figures; and, when zcat and jq are installed, the `zcat | jq -c '.Records[]'` time on the
// same files. Figures are printed, never asserted: this machine's speed is not a test.

import { execSync } from 'node:child_process'
import path from 'node:path'
import { ensureCorpus } from './bench/make-corpus'
import { EventStore } from '../main/store/event-store'
import { loadInto } from '../main/loader/load-files'
import { evaluateView } from '../main/services/evaluate-view'
import { benchQueries } from '../main/query/bench-queries'
import { benchDetect } from './bench-detect'

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
const line = (label: string, value: string): void => console.log(`${label.padEnd(34)} ${value}`)

function hasCommand(command: string): boolean {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/bash' })
    return true
  } catch {
    return false
  }
}

async function main(): Promise<void> {
  const events = Number(option('events', '1000000'))
  const dir = path.resolve(option('dir', path.join('.bench', `corpus-${events}`)))
  const corpus = await ensureCorpus(dir, events, (l) => console.error(l))

  const store = new EventStore()
  const started = performance.now()
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
  const peakRss = process.resourceUsage().maxRSS * 1024

  console.log(`\nAshiato load benchmark (${process.arch}, ${(await import('node:os')).availableParallelism()} cores, Node ${process.version})`)
  line('corpus', `${corpus.files.toLocaleString('en')} files, ${mb(corpus.jsonBytes)} JSON, ${mb(corpus.gzipBytes)} gzipped`)
  line('events loaded', `${store.size.toLocaleString('en')} (${summary.duplicates} duplicates, ${summary.badFiles.length} bad files)`)
  line('first rows after', `${firstRowsMs.toFixed(0)} ms`)
  line('all files parsed and merged', `${(loadedMs / 1000).toFixed(2)} s`)
  line('sorted, filter-ready', `${(readyMs / 1000).toFixed(2)} s  (${view.ids.length.toLocaleString('en')} rows in the default view)`)
  line('events/s', Math.round(store.size / (readyMs / 1000)).toLocaleString('en'))
  line('JSON MB/s', (corpus.jsonBytes / 1e6 / (readyMs / 1000)).toFixed(0))
  line('peak RSS', `${mb(peakRss)} (${(peakRss / corpus.jsonBytes).toFixed(2)}x the JSON size)`)

  console.log('\nQueries on the loaded set (first run / again from scratch / repeated)')
  for (const figure of benchQueries(store)) {
    const times = [figure.firstMs, figure.ms, figure.repeatMs].filter((t) => t !== undefined).join(' / ')
    line(figure.label, `${times} ms  (${figure.count.toLocaleString('en')})${figure.query ? `  ${figure.query}` : ''}`)
  }

  await benchDetect(store, line)

  if (!process.argv.includes('--no-jq') && hasCommand('jq') && hasCommand('zcat')) {
    const jqStarted = performance.now()
    execSync(`find "${dir}/AWSLogs" -name '*.json.gz' -print0 | xargs -0 zcat | jq -c '.Records[]' > /dev/null`, { shell: '/bin/bash' })
    const jqMs = performance.now() - jqStarted
    line("zcat | jq -c '.Records[]'", `${(jqMs / 1000).toFixed(2)} s (Ashiato is ${(jqMs / readyMs).toFixed(1)}x faster)`)
  } else if (!process.argv.includes('--no-jq')) {
    line("zcat | jq -c '.Records[]'", 'not measured: jq is not installed (apt-get install jq)')
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
