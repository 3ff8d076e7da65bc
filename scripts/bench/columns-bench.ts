// `npm run bench -- --columns 10000000`: the field query, facets and histogram at ten million
// events over synthetic columns (synthetic-columns.ts), without building a 15 GB corpus. Each
// is timed over all ids in id order and over the default view's order (newest first), as the
// app asks for them; the slower of the two is held against the target.

import { syntheticColumnStore } from './synthetic-columns'
import { printColumnTargets } from './targets'
import { facetCounts, histogram } from '../../main/query/facets'
import { allIds } from '../../main/query/id-lists'
import { sortIds } from '../../main/query/sort-ids'
import { evaluate } from '../../main/query/evaluate'
import { forgetCachedResults } from '../../main/query/leaf-cache'

type Line = (label: string, value: string) => void

function best(runs: number, run: () => void): number {
  let fastest = Infinity
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

export function benchColumns(events: number, line: Line): void {
  const started = performance.now()
  const store = syntheticColumnStore(events)
  console.log(`\nsynthetic columns: ${store.size.toLocaleString('en')} events, ${store.dictionarySize.toLocaleString('en')} distinct strings, built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const all = allIds(store.size)
  const newestFirst = sortIds(store, all, 'time', 'desc')
  // The same-run reference: one bare pass counting a column's codes over every id, the floor of
  // any count over these columns on this machine (facets are nine such passes and their sorting).
  const pass = best(3, () => {
    const codes = store.codes('eventName')
    const counts = new Uint32Array(store.dictionarySize)
    for (let k = 0; k < all.length; k++) counts[codes[all[k]]]++
  })
  line('one counting pass over a column (reference)', `${pass.toFixed(0)} ms (best of 3)`)
  const times = (ms: number): string => `${(ms / pass).toFixed(1)}x the pass`
  const field = best(3, () => {
    forgetCachedResults(store)
    evaluate(store, 'event:eventName-3')
  })
  line('field query (event:...)', `${field.toFixed(0)} ms (best of 3) = ${times(field)}`)
  const figures = [{ label: 'field query', ms: field, targetMs: 100 }]
  for (const [what, run, targetMs] of [
    ['facets (9 fields)', (ids: Uint32Array) => facetCounts(store, ids), 300],
    ['histogram', (ids: Uint32Array) => histogram(store, ids, 100), 100],
  ] as const) {
    const inIdOrder = best(3, () => run(all))
    const inViewOrder = best(3, () => run(newestFirst))
    line(what, `${inIdOrder.toFixed(0)} ms in id order, ${inViewOrder.toFixed(0)} ms in the view's order (best of 3) = ${times(Math.max(inIdOrder, inViewOrder))}`)
    figures.push({ label: what, ms: Math.max(inIdOrder, inViewOrder), targetMs })
  }
  printColumnTargets(store.size, figures, line)
  store.clear()
}
