// Layout preferences: the list/viewer split, the inline notes toggle, the problems panel.
import { create } from 'zustand'

const STORAGE_KEY = 'ashiato.layout'

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

function storedLayout(): Partial<Layout & { listFractionChosen: boolean }> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (!value || typeof value !== 'object') return {}
    const { listFraction, showNotes } = value as Record<string, unknown>
    return {
      ...(typeof listFraction === 'number' && listFraction >= 0.1 && listFraction <= 0.9 ? { listFraction, listFractionChosen: true } : {}),
      ...(typeof showNotes === 'boolean' ? { showNotes } : {}),
    }
  } catch {
    return {}
  }
}

export const useUi = create<UiState>()((set) => ({
  listFraction: 0.6,
  showNotes: true,
  listFractionChosen: false,
  ...storedLayout(),
  problemsOpen: true,
  dragging: false,
  setListFraction: (listFraction) => set({ listFraction: Math.min(0.9, Math.max(0.1, listFraction)), listFractionChosen: true }),
  setShowNotes: (showNotes) => set({ showNotes }),
  setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
  setDragging: (dragging) => set({ dragging }),
}))

useUi.subscribe((state, previous) => {
  if (state.listFraction === previous.listFraction && state.showNotes === previous.showNotes) return
  try {
    const listFraction = state.listFractionChosen ? state.listFraction : undefined
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ listFraction, showNotes: state.showNotes }))
  } catch {
    // not persisted; the layout still holds for this session
  }
})
