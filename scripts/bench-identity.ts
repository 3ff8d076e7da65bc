// Identity figures for `npm run bench`, printed beside the load time: the link table built over
// the whole loaded set from scratch (what the load pays for chains, as the service builds it
// while events arrive), chains of sampled events, an `origin:` query, and the dossier of the most
// active user. Figures are printed, never asserted.

import { IdentityIndex } from '../main/identity/identity-index'
import { chainOfEvent } from '../main/identity/chain-resolve'
import { dossierOf } from '../main/identity/dossier'
import { evaluate } from '../main/query/evaluate'
import type { EventStore } from '../main/store/event-store'

const line = (label: string, value: string): void => console.log(`${label.padEnd(34)} ${value}`)

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
  console.log('\nCredential chains and dossiers')
  const pct = (ms: number): string => `${((ms / loadMs) * 100).toFixed(1)}% of the load`
  let started = performance.now()
  const index = new IdentityIndex(store)
  index.update()
  const buildMs = performance.now() - started
  line('link table, whole set', `${buildMs.toFixed(0)} ms (${pct(buildMs)}; ${index.issueList.length.toLocaleString('en')} issuing events)`)

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
  const dossier = dossierOf(store, index, { kind: 'name', id: user })
  const dossierMs = performance.now() - started
  line('dossier of the most active user', `${dossierMs.toFixed(0)} ms (${pct(dossierMs)}; ${dossier.events.toLocaleString('en')} events, ${dossier.apis.length} APIs)`)
  line('chains + dossier, total', `${(buildMs + dossierMs).toFixed(0)} ms (${pct(buildMs + dossierMs)})`)
}
