// Identity figures for `npm run bench`, printed beside the load time: the link table built over
// the whole loaded set from scratch (what the load pays for chains; the service builds it in the
// identity worker while events arrive), chains of sampled events, the chain table the main
// thread keeps for `origin:`/`chain:`/`session:`, an `origin:` query, and the dossier of the most
// active user (first, and again from the per-principal cache). Figures are printed, never asserted.

import { IdentityIndex } from '../main/identity/identity-index'
import { chainOfEvent } from '../main/identity/chain-resolve'
import { buildChainTable } from '../main/identity/chain-table'
import { dossierOf } from '../main/identity/dossier'
import { dossierOfPrincipal } from '../main/identity/dossier-cache'
import { evaluate } from '../main/query/evaluate'
import type { EventStore } from '../main/store/event-store'

const line = (label: string, value: string): void => console.log(`  ${label.padEnd(40)} ${value}`)

/** The most frequent value of the user column (the principal a responder would open first). */
function topUser(store: EventStore): string {
  const codes = store.codes('user')
  const counts = new Map<number, number>()
  for (let id = 0; id < store.size; id++) counts.set(codes[id], (counts.get(codes[id]) ?? 0) + 1)
  let best = 0
  let bestCount = -1
  for (const [code, count] of counts) if (code !== 0 && count > bestCount) [best, bestCount] = [code, count]
  return store.value(best)
}

export function benchIdentity(store: EventStore, loadMs: number): void {
  console.log('\nCredential chains and dossiers (relative to the load, same run)')
  const pct = (ms: number): string => `${((ms / loadMs) * 100).toFixed(1)}% of the load`
  line('load, all files parsed and merged (ref.)', `${(loadMs / 1000).toFixed(2)} s`)
  let started = performance.now()
  const index = new IdentityIndex(store)
  index.update()
  const buildMs = performance.now() - started
  line('link table, whole set', `${buildMs.toFixed(0)} ms (${pct(buildMs)}; ${index.issueList.length.toLocaleString('en')} issuing events)`)

  started = performance.now()
  const table = buildChainTable(index)
  const tableMs = performance.now() - started
  line('chain table for origin:/chain:/session:', `${tableMs.toFixed(0)} ms (${table.keyCodes.length.toLocaleString('en')} issued keys, ${table.strings.length.toLocaleString('en')} strings)`)

  const samples = Math.min(1000, store.size)
  started = performance.now()
  let hops = 0
  for (let k = 0; k < samples; k++) hops += chainOfEvent(index, Math.floor((k * store.size) / samples)).hops.length
  const chainMs = performance.now() - started
  line(`chains of ${samples} events`, `${chainMs.toFixed(0)} ms (${(chainMs / samples).toFixed(2)} ms each, ${hops} hops)`)

  const user = topUser(store)
  started = performance.now()
  const origin = evaluate(store, `origin:${JSON.stringify(user)}`).ids.length
  const queryMs = performance.now() - started
  line('origin: query', `${queryMs.toFixed(0)} ms (${origin.toLocaleString('en')} events, origin:${user})`)

  started = performance.now()
  const dossier = dossierOfPrincipal(store, index, { kind: 'name', id: user })
  const dossierMs = performance.now() - started
  line('dossier of the most active user', `${dossierMs.toFixed(0)} ms (${pct(dossierMs)}; ${dossier.events.toLocaleString('en')} events, ${dossier.apis.length} APIs)`)
  // What the dossier costs without the one thing no column holds (user agents, read from the bytes).
  started = performance.now()
  dossierOf(store, index, { kind: 'name', id: user }, undefined, 0)
  const columnsMs = performance.now() - started
  line('  of which from columns (no user agents)', `${columnsMs.toFixed(0)} ms (${pct(columnsMs)})`)
  started = performance.now()
  dossierOfPrincipal(store, index, { kind: 'name', id: user })
  line('the same dossier again (kept)', `${(performance.now() - started).toFixed(1)} ms`)
  line('link table + dossier, total', `${(buildMs + dossierMs).toFixed(0)} ms (${pct(buildMs + dossierMs)})`)
}
