// Any field as a list column: the values of dotted paths for a screenful of events, and the
// catalogue of field paths seen in the loaded set (for the column and facet choosers). Both parse
// event JSON, so both are bounded: a screenful of ids, and an evenly spaced sample of the set.

import type { FieldCatalogue } from '../../common/ipc-contract'
import { fieldText } from '../query/field-text'
import type { EventStore } from '../store/event-store'

/** Events parsed to build the catalogue (evenly spaced over the set). */
export const CATALOGUE_SAMPLE = 2_000
/** Distinct paths kept; keys are chosen by whoever made the API call, so a set can hold many. */
export const CATALOGUE_MAX_FIELDS = 3_000
/** Deepest path walked (requestParameters.x.y.z...). */
const MAX_DEPTH = 8
/** A key longer than this, or with characters outside [A-Za-z0-9_$@:-], is no column name. */
const KEY = /^[A-Za-z0-9_$@:-]{1,64}$/
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

function walk(value: unknown, prefix: string, depth: number, seen: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, prefix, depth, seen)
    return
  }
  if (value === null || typeof value !== 'object') {
    if (prefix) seen.add(prefix)
    return
  }
  if (depth >= MAX_DEPTH) {
    if (prefix) seen.add(prefix)
    return
  }
  for (const [key, child] of Object.entries(value)) {
    if (!KEY.test(key)) continue
    walk(child, prefix ? `${prefix}.${key}` : key, depth + 1, seen)
  }
}

/** The leaf paths of a sample of the set, with how many sampled events have each. */
export function fieldCatalogue(store: EventStore, sample = CATALOGUE_SAMPLE): FieldCatalogue {
  const total = store.size
  const step = Math.max(1, total / sample)
  const counts = new Map<string, number>()
  let sampled = 0
  for (let at = 0; at < total; at += step) {
    const id = Math.floor(at)
    let event: unknown
    try {
      event = JSON.parse(store.text(id))
    } catch {
      continue
    }
    sampled++
    const seen = new Set<string>()
    walk(event, '', 0, seen)
    for (const path of seen) {
      const count = counts.get(path)
      if (count !== undefined) counts.set(path, count + 1)
      else if (counts.size < CATALOGUE_MAX_FIELDS) counts.set(path, 1)
    }
  }
  const fields = [...counts].map(([path, count]) => ({ path, count })).sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
  return { fields, sampled, total }
}
