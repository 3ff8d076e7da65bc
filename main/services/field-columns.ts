// Any field as a list column: the values of dotted paths for a screenful of events (parsed here,
// bounded by a screenful of ids), and the catalogue of field paths seen in the loaded set (for
// the column and facet choosers), added up from what the parse workers sampled.

import type { FieldCatalogue } from '../../common/ipc-contract'
import { fieldText } from '../query/field-text'
import type { EventStore } from '../store/event-store'
import type { FieldPathTally } from '../loader/field-paths'
import type { LoadCallbacks } from '../loader/load-files'

/** Distinct paths kept; keys are chosen by whoever made the API call, so a set can hold many. */
export const CATALOGUE_MAX_FIELDS = 3_000
/** For each id, each path's text. Ids outside the set give '' cells. */
export function fieldValues(store: EventStore, ids: readonly number[], paths: readonly string[]): string[][] {
  return ids.map((id) => {
    if (!Number.isInteger(id) || id < 0 || id >= store.size) return paths.map(() => '')
    let event: unknown
    try {
      event = JSON.parse(store.text(id))
    } catch {
      return paths.map(() => '')
    }
    return paths.map((path) => fieldText(event, path))
  })
}

/**
 * The catalogue as loads go: the parse workers sample and walk events (loader/field-paths.ts) and
 * send their tallies with each job's results; here they are only added up.
 */
export class FieldCatalogueTally {
  private counts = new Map<string, number>()
  private sampled = 0
  private capped = 0

  constructor(private readonly store: EventStore) {}

  /** Loader callbacks for every load into the store. */
  callbacks(): Pick<LoadCallbacks, 'onFieldPaths'> {
    const generation = this.store.generation
    return {
      // A load that outlives a clear must not feed the new set.
      onFieldPaths: (tally) => generation === this.store.generation && this.add(tally),
    }
  }

  private add(tally: FieldPathTally): void {
    this.sampled += tally.sampled
    this.capped += tally.capped
    for (let i = 0; i < tally.paths.length; i++) {
      const path = tally.paths[i]
      const count = this.counts.get(path)
      if (count !== undefined) this.counts.set(path, count + tally.counts[i])
      else if (this.counts.size < CATALOGUE_MAX_FIELDS) this.counts.set(path, tally.counts[i])
      else this.capped++
    }
  }

  clear(): void {
    this.counts = new Map()
    this.sampled = 0
    this.capped = 0
  }

  /** The leaf paths of the sampled events, with how many of them have each. */
  catalogue(): FieldCatalogue {
    const fields = [...this.counts].map(([path, count]) => ({ path, count })).sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
    return { fields, sampled: this.sampled, total: this.store.size, capped: this.capped }
  }
}
