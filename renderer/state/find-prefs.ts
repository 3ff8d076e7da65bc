// Preferences of the find UI kept across sessions: the list's columns (which, in which order, how
// wide) and whether the facets panel is open (kept through renderer/state/persisted.ts).
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { cleanColumns, DEFAULT_COLUMNS, insertColumn, MAX_COLUMN_WIDTH, MAX_COLUMNS, MIN_COLUMN_WIDTH, moveColumn, type ColumnKey } from '../list/columns'

import { kept, legacyJson } from './persisted'

export { DEFAULT_COLUMNS }

export const FIND_PREFS_KEY = 'ashiato.find'

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

function cleanPrefs({ columns, facetsOpen, widths }: Record<string, unknown>): Partial<Prefs> {
  return {
    ...(Array.isArray(columns) ? { columns: cleanColumns(columns) } : {}),
    widths: cleanWidths(widths),
    ...(typeof facetsOpen === 'boolean' ? { facetsOpen } : {}),
  }
}

export const useFindPrefs = create<PrefsState>()(
  persist(
    (set, get) => ({
      columns: [...DEFAULT_COLUMNS],
      widths: {},
      facetsOpen: true,
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
    }),
    kept<PrefsState, Prefs>({
      name: FIND_PREFS_KEY,
      keep: (s): Prefs => ({ columns: s.columns, widths: s.widths, facetsOpen: s.facetsOpen }),
      clean: cleanPrefs,
      fromLegacy: legacyJson, // the same fields, as a bare object
    }),
  ),
)
