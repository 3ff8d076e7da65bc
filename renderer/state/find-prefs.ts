// Preferences of the find UI kept across sessions: the list's columns (which, in which order)
// and whether the facets panel is open.
import { create } from 'zustand'
import type { RowColumn } from '../../common/event-row'
import { cleanColumns, DEFAULT_COLUMNS } from '../list/columns'

export { DEFAULT_COLUMNS }

const STORAGE_KEY = 'ashiato.find'

interface Prefs {
  columns: RowColumn[]
  facetsOpen: boolean
}

interface PrefsState extends Prefs {
  setColumns(columns: RowColumn[]): void
  toggleColumn(column: RowColumn): void
  setFacetsOpen(open: boolean): void
}

function stored(): Partial<Prefs> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (!value || typeof value !== 'object') return {}
    const { columns, facetsOpen } = value as Record<string, unknown>
    return {
      ...(Array.isArray(columns) ? { columns: cleanColumns(columns) } : {}),
      ...(typeof facetsOpen === 'boolean' ? { facetsOpen } : {}),
    }
  } catch {
    return {}
  }
}

export const useFindPrefs = create<PrefsState>()((set, get) => ({
  columns: [...DEFAULT_COLUMNS],
  facetsOpen: true,
  ...stored(),
  setColumns: (columns) => set({ columns: cleanColumns(columns) }),
  toggleColumn: (column) => {
    const columns = get().columns
    if (columns.includes(column)) {
      if (columns.length > 1) set({ columns: columns.filter((c) => c !== column) })
    } else {
      set({ columns: cleanColumns([...columns, column]) })
    }
  },
  setFacetsOpen: (facetsOpen) => set({ facetsOpen }),
}))

useFindPrefs.subscribe((state, previous) => {
  if (state.columns === previous.columns && state.facetsOpen === previous.facetsOpen) return
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ columns: state.columns, facetsOpen: state.facetsOpen }))
  } catch {
    // not persisted; the choice still holds for this session
  }
})
