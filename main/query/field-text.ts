// The text of any field of a parsed event, by dotted path (case-insensitive, arrays walked
// through): what a field column's cell and a field facet's value show.

import { valuesAt } from './json-path'
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../common/json-depth'

/** A cell's text is cut here (a policy document can be long); the viewer shows it whole. */
export const MAX_CELL_TEXT = 2_000

/** Shown instead of a value JSON.stringify could not write (it recurses, and overflows the stack). */
export const TOO_DEEP_TEXT = `(nested more than ${MAX_JSON_DEPTH} levels deep: see the event's JSON)`

function text(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return nestsDeeperThan(value) ? TOO_DEEP_TEXT : JSON.stringify(value)
}

/** The text of one path in one parsed event: its values joined by ", " ('' when absent). */
export function fieldText(event: unknown, path: string): string {
  const values = valuesAt(event, path.toLowerCase().split('.'))
  const parts = values.flatMap((value) => (Array.isArray(value) ? value : [value])).map(text).filter((t) => t !== '')
  const joined = parts.join(', ')
  return joined.length > MAX_CELL_TEXT ? `${joined.slice(0, MAX_CELL_TEXT)}…` : joined
}
