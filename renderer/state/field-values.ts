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

type Cells = ReadonlyMap<number, ReadonlyMap<string, string>>

interface FieldValuesState {
  /** Known cells by event id, then path; a new map when values arrive (the list selects it). */
  cells: Cells
  catalogue: FieldCatalogue | null
  /** Events loaded, as the view last said (the catalogue is asked again when it grew). */
  loadedTotal: number
  /** Bumped when the cells start over: answers asked for before are dropped. */
  epoch: number
}

export const useFieldValues = create<FieldValuesState>()(() => ({ cells: new Map(), catalogue: null, loadedTotal: 0, epoch: 0 }))

/** Cells asked for and not answered yet ("id path"). */
const pending = new Set<string>()

/** The text of a field column's cell, or undefined until it arrives. */
export function fieldValueOf(id: number, path: string): string | undefined {
  return useFieldValues.getState().cells.get(id)?.get(path)
}

/** Asks main for the field values these rows lack (one call per batch of ids). */
export function ensureFieldValues(ids: readonly number[], paths: readonly string[]): void {
  if (paths.length === 0) return
  const known = useFieldValues.getState().cells
  const missing = ids.filter((id) => paths.some((path) => !known.get(id)?.has(path) && !pending.has(`${id} ${path}`)))
  if (missing.length === 0) return
  if (known.size > MAX_CACHED_EVENTS) useFieldValues.setState((s) => ({ cells: new Map(), epoch: s.epoch + 1 }))
  for (let start = 0; start < missing.length; start += IDS_PER_CALL) {
    const batch = missing.slice(start, start + IDS_PER_CALL)
    for (const id of batch) for (const path of paths) pending.add(`${id} ${path}`)
    const epoch = useFieldValues.getState().epoch
    getApi()
      .fieldValues({ ids: batch, paths: [...paths] })
      .then((values) => {
        if (useFieldValues.getState().epoch !== epoch) return // cleared meanwhile
        const cells = new Map(useFieldValues.getState().cells)
        batch.forEach((id, i) => {
          const row = new Map(cells.get(id))
          paths.forEach((path, j) => row.set(path, values[i]?.[j] ?? ''))
          cells.set(id, row)
        })
        useFieldValues.setState({ cells })
      })
      .catch(() => undefined) // cells stay blank; the next scroll asks again
      .finally(() => {
        for (const id of batch) for (const path of paths) pending.delete(`${id} ${path}`)
      })
  }
}

/** Fetches the catalogue of fields (again when the loaded set has grown since). */
export async function loadCatalogue(): Promise<FieldCatalogue | null> {
  const total = useFieldValues.getState().loadedTotal
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

/** The loaded set changed size (follow-session.ts). A cleared set gives its ids to the next one: forget everything. */
export function loadedTotalChanged(total: number): void {
  const { loadedTotal, epoch } = useFieldValues.getState()
  if (total >= loadedTotal) {
    useFieldValues.setState({ loadedTotal: total })
    return
  }
  pending.clear()
  useFieldValues.setState({ loadedTotal: total, cells: new Map(), catalogue: null, epoch: epoch + 1 })
}
