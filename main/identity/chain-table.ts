// What the query fields `origin:`, `chain:` and `session:` read per issued key: the strings of
// its resolved chain (names, ARNs, roles, keys of its hops), built where the link table lives (the
// identity worker, identity-host.ts) and handed to the main thread as typed arrays plus one
// string list, so that a query costs a lookup per event and a test per distinct string, and the
// main thread never parses an event or resolves a chain for it.

import type { ChainHop } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { identityOf } from './credential-events'
import { identityIndexOf, type IdentityIndex } from './identity-index'
import { resolveKey } from './chain-resolve'

export type IdentityField = 'origin' | 'chain' | 'session'
const FIELDS: readonly IdentityField[] = ['origin', 'chain', 'session']

/** Per field: the strings of key i are strings[values[starts[i]] .. values[starts[i + 1] - 1]]. */
export interface FieldStrings {
  starts: Uint32Array
  values: Uint32Array
}

export interface ChainTable {
  /** The store's generation and size the table was built from. */
  generation: number
  size: number
  /** Store dictionary codes of the issued keys whose chain went through the link table. */
  keyCodes: Uint32Array
  fields: Record<IdentityField, FieldStrings>
  strings: string[]
}

const NO_IDENTITY = identityOf({}, '')

function hopStrings(hop: ChainHop, field: IdentityField): string[] {
  if (field === 'session') return [hop.accessKey]
  const names = [hop.name, hop.arn, hop.identityCenterUser]
  if (field === 'origin') return hop.kind === 'roleSession' ? [...names, hop.role] : names
  return [...names, hop.role, hop.accessKey, hop.sourceIdentity, hop.instanceId, hop.service]
}

/** The table of every issued key of the index's store (the worker's side). */
export function buildChainTable(index: IdentityIndex): ChainTable {
  const store = index.store
  const strings: string[] = []
  const stringIds = new Map<string, number>()
  const codes: number[] = []
  const lists: Record<IdentityField, { starts: number[]; values: number[] }> = {
    origin: { starts: [0], values: [] },
    chain: { starts: [0], values: [] },
    session: { starts: [0], values: [] },
  }
  for (const key of index.issues.keys()) {
    const code = store.codeOf(key)
    if (code <= 0) continue // issued, never used by a loaded event
    const { hops } = resolveKey(index, key, NO_IDENTITY)
    if (hops.length === 0 || hops[hops.length - 1].origin !== 'issued') continue
    codes.push(code)
    for (const field of FIELDS) {
      const list = lists[field]
      // This key's strings so far are list.values[from..]: a few dozen at most, searched rather than kept in a Set per key and field.
      const from = list.values.length
      for (const hop of field === 'origin' ? hops.slice(0, 1) : hops) {
        for (const value of hopStrings(hop, field)) {
          if (value === '') continue
          let sid = stringIds.get(value)
          if (sid === undefined) stringIds.set(value, (sid = strings.push(value) - 1))
          else if (list.values.indexOf(sid, from) >= 0) continue
          list.values.push(sid)
        }
      }
      list.starts.push(list.values.length)
    }
  }
  const fields = {} as Record<IdentityField, FieldStrings>
  for (const field of FIELDS) fields[field] = { starts: Uint32Array.from(lists[field].starts), values: Uint32Array.from(lists[field].values) }
  return { generation: store.generation, size: store.size, keyCodes: Uint32Array.from(codes), fields, strings }
}

/**
 * Per key code: 0 not an issued key, 1 its chain passes `test` in `field`, 2 it does not. Each
 * distinct string is tested once.
 */
export function keyVerdicts(table: ChainTable, field: IdentityField, test: (value: string) => boolean, dictionarySize: number): Uint8Array {
  const verdicts = new Uint8Array(dictionarySize)
  const passes = new Uint8Array(table.strings.length)
  const { starts, values } = table.fields[field]
  table.keyCodes.forEach((code, i) => {
    if (code >= dictionarySize) return
    let pass = false
    for (let v = starts[i]; v < starts[i + 1] && !pass; v++) {
      const sid = values[v]
      if (passes[sid] === 0) passes[sid] = test(table.strings[sid]) ? 1 : 2
      pass = passes[sid] === 1
    }
    verdicts[code] = pass ? 1 : 2
  })
  return verdicts
}

/** Who supplies a store's table: the identity host (kept from its worker), else it is built here. */
const sources = new WeakMap<EventStore, () => ChainTable>()

export function setChainTableSource(store: EventStore, source: () => ChainTable): void {
  sources.set(store, source)
}

const local = new WeakMap<IdentityIndex, { revision: number; table: ChainTable }>()

/**
 * The store's chain table. With no host (the CLI, the bench, tests over a bare store) it is
 * built on this thread from the store's own link table, and kept until that changes.
 */
export function chainTableOf(store: EventStore): ChainTable {
  const source = sources.get(store)
  if (source) return source()
  const index = identityIndexOf(store)
  const known = local.get(index)
  if (known && known.revision === index.revision) return known.table
  const table = buildChainTable(index)
  local.set(index, { revision: index.revision, table })
  return table
}
