// `npx tsx scripts/bench-queries.ts [--events N] [--full]`: times the query engine alone
// (evaluate, facets, histogram, sort) on a synthetic in-memory store; `npm run bench` gives the
// same figures on a loaded corpus. Figures are printed, never asserted.

import { syntheticStore } from './bench/synthetic-store'
import { benchQueries } from '../main/query/bench-queries'

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const events = Number(option('events', '1000000'))
const kind = process.argv.includes('--full') ? 'full' : 'indexed'
const started = performance.now()
const { store, jsonBytes } = syntheticStore(events, kind)
console.log(`${store.size.toLocaleString('en')} ${kind} events, ${(jsonBytes / 1e6).toFixed(0)} MB of JSON, built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
for (const figure of benchQueries(store)) {
  const what = figure.query ? `  ${figure.query}` : ''
  const repeat = figure.repeatMs === undefined ? '' : `, again ${figure.repeatMs} ms`
  console.log(`${figure.label.padEnd(30)} ${`${figure.ms} ms`.padStart(10)} (first ${figure.firstMs} ms${repeat}) ${figure.count.toLocaleString('en').padStart(10)}${what}`)
}
