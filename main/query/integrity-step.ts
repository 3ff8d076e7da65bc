// `integrity:` (integrity:modified, integrity:valid, integrity:not-*): a lookup in the
// per-event integrity column (main/integrity/integrity-column.ts), as cheap as a store column.

import type { EventStore } from '../store/event-store'
import { EVENT_INTEGRITY, integrityColumn } from '../integrity/integrity-column'
import { filterIds } from './id-lists'
import type { ValueTest } from './value-match'

export function integrityStep(store: EventStore, test: ValueTest): { cost: number; run(candidates: Uint32Array): Uint32Array } {
  return {
    cost: 1,
    run: (candidates) => {
      const column = integrityColumn(store)
      const passes = EVENT_INTEGRITY.map((name) => test(name))
      return filterIds(candidates, (id) => passes[column[id]] === true)
    },
  }
}
