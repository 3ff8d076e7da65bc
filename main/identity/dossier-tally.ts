// Counts with first use, for a dossier's lists (source IPs, regions, accounts, keys, user agents,
// roles): CodeTally counts store dictionary codes (a number per event, the strings looked up once
// per distinct value at the end), Tally counts strings (what no column holds). Both list the
// most frequent first, ties by value, so the answer does not depend on the order events came in.

import type { FirstUse } from '../../common/identity'
import type { EventStore } from '../store/event-store'

export const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null)

interface Use {
  count: number
  first: number
}

function add<K>(counts: Map<K, Use>, value: K, time: number): void {
  const known = counts.get(value)
  if (!known) counts.set(value, { count: 1, first: time })
  else {
    known.count++
    if (time < known.first || Number.isNaN(known.first)) known.first = time
  }
}

function listOf(entries: [string, Use][]): FirstUse[] {
  return entries
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([value, { count, first }]) => ({ value, count, firstSeen: iso(first) }))
}

export class Tally {
  private readonly counts = new Map<string, Use>()

  add(value: string, time: number): void {
    if (value) add(this.counts, value, time)
  }

  list(): FirstUse[] {
    return listOf([...this.counts.entries()])
  }
}

export class CodeTally {
  readonly counts = new Map<number, Use>()

  /** Code 0 is an absent value: not counted. */
  add(code: number, time: number): void {
    if (code !== 0) add(this.counts, code, time)
  }

  list(store: EventStore): FirstUse[] {
    const entries: [string, Use][] = []
    for (const [code, use] of this.counts) {
      const value = store.value(code)
      if (value) entries.push([value, use])
    }
    return listOf(entries)
  }
}
