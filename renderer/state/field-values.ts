// Values of the list's field columns (any field of the event, by dotted path), fetched from main
// for the rows on screen and kept by event id; and the catalogue of fields the loaded set holds,
// for the column chooser. Event ids are stable until the set is cleared, which empties both.
import { create } from 'zustand'
import type { FieldCatalogue } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'

/** Cells kept before the cache starts over (a few thousand rows of a few columns). */
const MAX_CACHED_EVENTS = 20_000
/** fieldValues answers at most this many ids per call (main/services/validate-args.ts). */
const IDS_PER_CALL = 1_000

interface FieldValuesState {
  /** Bumped when values arrive. */
  version: number
  catalogue: FieldCatalogue | null
}

export const useFieldValues = create<FieldValuesState>()(() => ({ version: 0, catalogue: null }))

let cells = new Map<number, Map<string, string>>()
const pending = new Set<string>()

/** The text of a field column's cell, or undefined until it arrives. */
export function fieldValueOf(id: number, path: string): string | undefined {
  return cells.get(id)?.get(path)
}

/** Asks main for the field values these rows lack (one call per batch of ids). */
export function ensureFieldValues(ids: readonly number[], paths: readonly string[]): void {
  if (paths.length === 0) return
  const missing = ids.filter((id) => paths.some((path) => !cells.get(id)?.has(path) && !pending.has(`${id} ${path}`)))
  if (missing.length === 0) return
  if (cells.size > MAX_CACHED_EVENTS) cells = new Map()
  for (let start = 0; start < missing.length; start += IDS_PER_CALL) {
    const batch = missing.slice(start, start + IDS_PER_CALL)
    for (const id of batch) for (const path of paths) pending.add(`${id} ${path}`)
    const generation = cells
    getApi()
      .fieldValues({ ids: batch, paths: [...paths] })
      .then((values) => {
        if (generation !== cells) return // cleared meanwhile
        batch.forEach((id, i) => {
          const row = cells.get(id) ?? new Map<string, string>()
          paths.forEach((path, j) => row.set(path, values[i]?.[j] ?? ''))
          cells.set(id, row)
        })
        useFieldValues.setState((s) => ({ version: s.version + 1 }))
      })
      .catch(() => undefined) // cells stay blank; the next scroll asks again
      .finally(() => {
        for (const id of batch) for (const path of paths) pending.delete(`${id} ${path}`)
      })
  }
}

/** Fetches the catalogue of fields (again when the loaded set has grown since). */
export async function loadCatalogue(): Promise<FieldCatalogue | null> {
  const total = loadedTotal
  const known = useFieldValues.getState().catalogue
  if (known && known.total === total) return known
  try {
    const catalogue = await getApi().fieldCatalogue()
    useFieldValues.setState({ catalogue })
    return catalogue
  } catch {
    return known
  }
}

/** Events loaded, as the view last said (the catalogue is asked again when it grew). */
let loadedTotal = 0

/** The loaded set changed size (follow-session.ts). A cleared set gives its ids to the next one: forget everything. */
export function loadedTotalChanged(total: number): void {
  const shrank = total < loadedTotal
  loadedTotal = total
  if (!shrank) return
  cells = new Map()
  pending.clear()
  useFieldValues.setState({ catalogue: null, version: useFieldValues.getState().version + 1 })
}
