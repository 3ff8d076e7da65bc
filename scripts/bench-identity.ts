// Identity figures for `npm run bench` (issue #14: "chains and dossiers for 1M events add <= 10%
// to the load time"), each printed beside the reference it is a share of:
// - the load with the identity work on versus off, on the service's path (identity-load.ts):
//   what a load pays for chains, as a share of the same load without it, same run;
// - the link table built over the whole set at once, in this thread, as a share of this
//   child's load (the part of the above that grows with the events);
// - the chain table and chains of sampled events (an `origin:` query reads the table);
// - the dossier of the most active user, an on-demand request: beside a `user:` query that
//   selects the same events, and a query that reads the same events' user agents from their
//   bytes, and as a share of the load for scale. Figures are printed, never asserted.

import { IdentityIndex } from '../main/identity/identity-index'
import { chainOfEvent } from '../main/identity/chain-resolve'
import { buildChainTable } from '../main/identity/chain-table'
import { dossierOf } from '../main/identity/dossier'
import { dossierOfPrincipal } from '../main/identity/dossier-cache'
import { principalEvents } from '../main/identity/principal-events'
import { evaluate } from '../main/query/evaluate'
import { forgetCachedResults } from '../main/query/leaf-cache'
import type { EventStore } from '../main/store/event-store'
import { identityLoads, printIdentityLoads } from './bench/identity-load'

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

/** Wall time, and the process's CPU time (this thread's, when nothing else runs): wall time counts the other processes' turns. */
function timed<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = run()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value }
}

const ms = (t: { ms: number; cpuMs: number }): string => `${t.ms.toFixed(0)} ms (CPU ${t.cpuMs.toFixed(0)} ms)`

/** Issued keys some loaded event signed with (the chain table lists only those). */
function usedIssuedKeys(index: IdentityIndex): number {
  let used = 0
  for (const key of index.issues.keys()) {
    const code = index.store.codeOf(key)
    if (code > 0 && index.keyEvents(code).length > 0) used++
  }
  return used
}

/** `dir`: the corpus this child loaded (loaded again with identity off and on, `rounds` ABBA rounds). */
export async function benchIdentity(store: EventStore, loadMs: number, dir: string, rounds = 1): Promise<void> {
  console.log('\nCredential chains and dossiers (issue #14; the machine may be shared: compare figures of the same run)')
  if (rounds > 0) printIdentityLoads(await identityLoads(dir, rounds), line)
  const pct = (ms: number): string => `${((ms / loadMs) * 100).toFixed(1)}% of this child's load, ${(loadMs / 1000).toFixed(2)} s`
  const build = timed(() => {
    const index = new IdentityIndex(store)
    index.update()
    return index
  })
  const index = build.value
  line('link table, whole set at once', `${ms(build)}: ${pct(build.ms)}; ${index.issueList.length.toLocaleString('en')} issuing events`)

  const table = timed(() => buildChainTable(index))
  const used = usedIssuedKeys(index)
  line('chain table for origin:/chain:/session:', `${table.ms.toFixed(0)} ms (${table.value.keyCodes.length.toLocaleString('en')} chains, ${table.value.strings.length.toLocaleString('en')} strings)`)
  line('  issued keys, used by a loaded event', `${index.issues.size.toLocaleString('en')}, ${used.toLocaleString('en')}`)
  if (used === 0 && index.issues.size > 0) line('  (none used: the corpus', 'keeps each issuing event\'s real response, whose key no generated caller signs with)')

  const samples = Math.min(1000, store.size)
  const chains = timed(() => {
    let hops = 0
    for (let k = 0; k < samples; k++) hops += chainOfEvent(index, Math.floor((k * store.size) / samples)).hops.length
    return hops
  })
  line(`chains of ${samples} events`, `${chains.ms.toFixed(0)} ms (${(chains.ms / samples).toFixed(2)} ms each, ${chains.value} hops)`)

  const user = topUser(store)
  const origin = timed(() => evaluate(store, `origin:${JSON.stringify(user)}`).ids.length)
  line('origin: query', `${origin.ms.toFixed(0)} ms (${origin.value.toLocaleString('en')} events, origin:${user})`)

  // The dossier (on demand) beside queries over the same events: selecting them by a column, and
  // reading each one's user agent from its bytes (what the dossier reads that no column holds).
  // Each is run twice from scratch and the second is printed (the first pays for compiling).
  const principal = { kind: 'name' as const, id: user }
  const ids = principalEvents(store, principal)
  const query = (text: string): { ms: number; cpuMs: number; value: number } => {
    let run = { ms: 0, cpuMs: 0, value: 0 }
    for (let k = 0; k < 2; k++) {
      forgetCachedResults(store)
      run = timed(() => evaluate(store, text).ids.length)
    }
    return run
  }
  const byUser = query(`user:${JSON.stringify(user)}`)
  const byAgent = query(`user:${JSON.stringify(user)} userAgent:"*"`)
  const first = timed(() => dossierOfPrincipal(store, index, principal))
  const dossier = timed(() => dossierOf(store, index, principal))
  const columns = timed(() => dossierOf(store, index, principal, ids, 0))
  const again = timed(() => dossierOfPrincipal(store, index, principal))
  line(`dossier of the most active user, ${user}`, `${ms(dossier)}; first ${first.ms.toFixed(0)} ms (${dossier.value.events.toLocaleString('en')} events, ${dossier.value.apis.length} APIs, ${dossier.value.userAgents.length} user agents)`)
  line('  reference: user: query, same events', `${ms(byUser)}; ${byUser.value.toLocaleString('en')} events, the dossier takes ${(dossier.ms / Math.max(1, byUser.ms)).toFixed(2)}x`)
  line('  reference: user: userAgent:"*" query', `${ms(byAgent)}; reads their user agents, the dossier takes ${(dossier.ms / Math.max(1, byAgent.ms)).toFixed(2)}x`)
  line('  of which from columns (no user agents)', ms(columns))
  line('  the same dossier again (kept)', `${again.ms.toFixed(1)} ms`)
  line('  for scale: as a share of the load', pct(dossier.ms))
}
