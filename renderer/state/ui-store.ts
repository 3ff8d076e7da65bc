// Layout preferences: the list/viewer split, the inline notes toggle, the problems panel.
// The split and the notes toggle are kept (renderer/state/persisted.ts).
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { kept, legacyJson } from './persisted'

export const LAYOUT_KEY = 'ashiato.layout'

interface Layout {
  /** Fraction of the workspace's width given to the list. */
  listFraction: number
  /** Inline notes after known fields in the viewer. */
  showNotes: boolean
}

interface UiState extends Layout {
  /** The user moved the splitter (else the list gets what its default columns need, see Splitter). */
  listFractionChosen: boolean
  /** The problems panel is open (it opens by itself when a new problem arrives). */
  problemsOpen: boolean
  /** Files are being dragged over the window. */
  dragging: boolean
  setListFraction(fraction: number): void
  setShowNotes(show: boolean): void
  setProblemsOpen(open: boolean): void
  setDragging(dragging: boolean): void
}

function cleanLayout({ listFraction, showNotes }: Record<string, unknown>): Partial<Layout & { listFractionChosen: boolean }> {
  return {
    ...(typeof listFraction === 'number' && listFraction >= 0.1 && listFraction <= 0.9 ? { listFraction, listFractionChosen: true } : {}),
    ...(typeof showNotes === 'boolean' ? { showNotes } : {}),
  }
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      listFraction: 0.6,
      showNotes: true,
      listFractionChosen: false,
      problemsOpen: true,
      dragging: false,
      setListFraction: (listFraction) => set({ listFraction: Math.min(0.9, Math.max(0.1, listFraction)), listFractionChosen: true }),
      setShowNotes: (showNotes) => set({ showNotes }),
      setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
      setDragging: (dragging) => set({ dragging }),
    }),
    kept<UiState, { listFraction: number | undefined; showNotes: boolean }>({
      name: LAYOUT_KEY,
      // A split the user never moved is not kept: the list keeps sizing itself to its columns.
      keep: (s) => ({ listFraction: s.listFractionChosen ? s.listFraction : undefined, showNotes: s.showNotes }),
      clean: cleanLayout,
      fromLegacy: legacyJson, // the same fields, as a bare object
    }),
  ),
)
