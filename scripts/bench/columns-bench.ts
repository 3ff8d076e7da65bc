// `npm run bench -- --columns 10000000`: the field query, facets and histogram at ten million
// events over synthetic columns (synthetic-columns.ts), without building a 15 GB corpus. Facets
// and the histogram are timed as the app runs them (in the count worker over the shared columns,
// half on its helper thread; count-dispatch.ts) and, for comparison, on one thread; each over a
// view of every event in id order, the default view's order (newest first), and a view of half
// the events. The slowest of the app's three figures is held against the target.

import { syntheticColumnStore } from './synthetic-columns'
import { printColumnTargets } from './targets'
import { FACET_FIELDS } from '../../common/query/facet-query'
import { facetCounts, histogram } from '../../main/query/facets'
import { allIds, toShared } from '../../main/query/id-lists'
import { sortIds } from '../../main/query/sort-ids'
import { evaluate } from '../../main/query/evaluate'
import { forgetCachedResults } from '../../main/query/leaf-cache'
import { CountDispatcher } from '../../main/query/count-dispatch'

type Line = (label: string, value: string) => void

async function best(runs: number, run: () => unknown): Promise<number> {
  let fastest = Infinity
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

export async function benchColumns(events: number, line: Line): Promise<void> {
  const started = performance.now()
  const store = syntheticColumnStore(events)
  console.log(`\nsynthetic columns: ${store.size.toLocaleString('en')} events, ${store.dictionarySize.toLocaleString('en')} distinct strings, built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const all = allIds(store.size)
  const views = {
    'id order': toShared(all),
    "view's order": toShared(sortIds(store, all, 'time', 'desc')),
    'half, newest first': toShared(sortIds(store, all.filter((id) => id % 2 === 0), 'time', 'desc')),
  }
  // The same-run reference: one bare pass counting a column's codes over every id, the floor of
  // any count over these columns on this machine (facets are nine such passes and their top values).
  const barePass = (): Promise<number> =>
    best(3, () => {
      const codes = store.codes('eventName')
      const counts = new Uint32Array(store.dictionarySize)
      for (let k = 0; k < all.length; k++) counts[codes[all[k]]]++
    })
  const pass = await barePass()
  line('one counting pass over a column (reference)', `${pass.toFixed(0)} ms (best of 3)`)
  const times = (ms: number): string => `${(ms / pass).toFixed(1)}x the pass`
  const field = await best(3, () => {
    forgetCachedResults(store)
    evaluate(store, 'event:eventName-3')
  })
  line('field query (event:...)', `${field.toFixed(0)} ms (best of 3) = ${times(field)}`)
  const figures = [{ label: 'field query', ms: field, targetMs: 100 }]
  const counts = new CountDispatcher(store)
  // Each run is a new view to the worker (a new view id), so its ids are put in id order again.
  let viewId = 1
  for (const [what, here, inWorker, targetMs] of [
    ['facets (9 fields)', (ids: Uint32Array) => facetCounts(store, ids), (ids: Uint32Array) => counts.facets(viewId++, ids, FACET_FIELDS, 10), 300],
    ['histogram', (ids: Uint32Array) => histogram(store, ids, 100), (ids: Uint32Array) => counts.histogram(viewId++, ids, 100), 100],
  ] as const) {
    const oneThread: string[] = []
    const app: string[] = []
    let slowest = 0
    for (const [order, ids] of Object.entries(views)) {
      oneThread.push(`${(await best(3, () => here(ids))).toFixed(0)} ms ${order}`)
      // A first run starts the worker and its helper, and sends the columns: not timed.
      await inWorker(ids)
      const ms = await best(3, () => inWorker(ids))
      app.push(`${ms.toFixed(0)} ms ${order}`)
      slowest = Math.max(slowest, ms)
    }
    line(`${what}, count worker + helper`, `${app.join(', ')} (best of 3) = ${times(slowest)}`)
    line(`${what}, one thread`, oneThread.join(', '))
    figures.push({ label: what, ms: slowest, targetMs })
  }
  counts.close()
  // Again after the figures: on a machine shared with other work, a pass that took much longer
  // or shorter here says the load changed during the run, and the multiples are rough.
  line('the same pass again, after the figures', `${(await barePass()).toFixed(0)} ms (best of 3)`)
  printColumnTargets(store.size, figures, line)
  store.clear()
}
