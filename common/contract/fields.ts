// Any field of the events, beyond the list's fixed columns: the field columns read a screenful
// at a time, the chooser lists the fields seen; and the field notes' documentation links, which
// open in the system browser (part of the contract, see common/ipc-contract.ts).

import * as v from 'valibot'
import { answer, arg, boundedList, call, eventIds } from './define-call'
import { VIEW_LIMITS } from './views'

export const FIELD_LIMITS = {
  /** fieldValues: a screenful of rows, a few field columns. */
  ids: 1_000,
  paths: 16,
  /** Characters in an address openExternal is asked to open. */
  urlLength: 2_048,
} as const

/** Any field of some events, for the list's field columns (a screenful at a time). */
export const FieldValuesRequestSchema = v.object({
  ids: eventIds(FIELD_LIMITS.ids),
  /** Dotted paths, case-insensitive, arrays walked through. */
  paths: boundedList(v.pipe(v.string(), v.minLength(1), v.maxLength(VIEW_LIMITS.fieldPathLength)), FIELD_LIMITS.paths),
})
export type FieldValuesRequest = v.InferOutput<typeof FieldValuesRequestSchema>

/** A field seen in the loaded set, and in how many of the sampled events. */
export interface CatalogueField {
  path: string
  count: number
}

/** The fields seen in the loaded set (the field columns' and facets' chooser). */
export interface FieldCatalogue {
  fields: CatalogueField[]
  /** Events read to build it, out of total: each parse worker's first events, then ever sparser (loader/field-paths.ts). */
  sampled: number
  total: number
  /** Paths left out by the per-event, per-worker or catalogue caps (hostile keys); absent or 0 when none. */
  capped?: number
}

export const FIELD_CALLS = {
  /** For each id, each path's value as text ('' when absent; several values joined by ", "). */
  fieldValues: call({ args: [arg('request', FieldValuesRequestSchema)], returns: answer<string[][]>(), scope: 'session', by: 'service' }),
  /** Every field path seen in (a sample of) the loaded set, most common first. */
  fieldCatalogue: call({ args: [], returns: answer<FieldCatalogue>(), scope: 'session', by: 'service' }),
  /** Open an https URL in the system browser; which URLs may open is the shell's decision (AWS documentation only). */
  openExternal: call({ args: [arg('url', v.pipe(v.string(), v.minLength(1), v.maxLength(FIELD_LIMITS.urlLength)))], returns: answer(), scope: 'session', by: 'shell' }),
}
