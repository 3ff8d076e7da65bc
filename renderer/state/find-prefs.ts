// Preferences of the find UI kept across sessions: the list's columns (which, in which order, how
// wide) and whether the facets panel is open.
import { create } from 'zustand'
import { cleanColumns, DEFAULT_COLUMNS, insertColumn, MAX_COLUMN_WIDTH, MAX_COLUMNS, MIN_COLUMN_WIDTH, moveColumn, type ColumnKey } from '../list/columns'

export { DEFAULT_COLUMNS }

const STORAGE_KEY = 'ashiato.find'

interface Prefs {
  columns: ColumnKey[]
  /** Widths (px) of the columns the user resized; the others share the space. */
  widths: Record<string, number>
  facetsOpen: boolean
}

interface PrefsState extends Prefs {
  setColumns(columns: ColumnKey[]): void
  toggleColumn(column: ColumnKey): void
  /** Shows a column (a field column goes last); no-op when shown. */
  addColumn(column: ColumnKey): void
  moveColumn(from: ColumnKey, to: ColumnKey): void
  /** null: back to the default width. */
  setWidth(column: ColumnKey, width: number | null): void
  setFacetsOpen(open: boolean): void
}

const clampWidth = (width: number): number => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)))

function cleanWidths(value: unknown): Record<string, number> {
  const widths: Record<string, number> = {}
  if (!value || typeof value !== 'object') return widths
  for (const [key, width] of Object.entries(value as Record<string, unknown>)) {
    if (typeof width === 'number' && Number.isFinite(width) && cleanColumns([key])[0] === key) widths[key] = clampWidth(width)
  }
  return widths
}

function stored(): Partial<Prefs> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (!value || typeof value !== 'object') return {}
    const { columns, facetsOpen, widths } = value as Record<string, unknown>
    return {
      ...(Array.isArray(columns) ? { columns: cleanColumns(columns) } : {}),
      widths: cleanWidths(widths),
      ...(typeof facetsOpen === 'boolean' ? { facetsOpen } : {}),
    }
  } catch {
    return {}
  }
}

export const useFindPrefs = create<PrefsState>()((set, get) => ({
  columns: [...DEFAULT_COLUMNS],
  widths: {},
  facetsOpen: true,
  ...stored(),
  setColumns: (columns) => set({ columns: cleanColumns(columns) }),
  toggleColumn: (column) => {
    const columns = get().columns
    if (columns.includes(column)) {
      if (columns.length > 1) set({ columns: columns.filter((c) => c !== column) })
    } else {
      get().addColumn(column)
    }
  },
  addColumn: (column) => {
    const columns = get().columns
    if (columns.includes(column) || columns.length >= MAX_COLUMNS) return
    set({ columns: cleanColumns(insertColumn(columns, column)) })
  },
  moveColumn: (from, to) => set({ columns: moveColumn(get().columns, from, to) }),
  setWidth: (column, width) => {
    const widths = { ...get().widths }
    if (width === null) delete widths[column]
    else widths[column] = clampWidth(width)
    set({ widths })
  },
  setFacetsOpen: (facetsOpen) => set({ facetsOpen }),
}))

useFindPrefs.subscribe((state, previous) => {
  if (state.columns === previous.columns && state.facetsOpen === previous.facetsOpen && state.widths === previous.widths) return
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ columns: state.columns, widths: state.widths, facetsOpen: state.facetsOpen }))
  } catch {
    // not persisted; the choice still holds for this session
  }
})
