// The event list's keyboard: arrows, Page Up/Down, Home/End move the current event (with Shift
// they extend the multi-selection); Space toggles the current row in it, Escape collapses it;
// Ctrl/Cmd+A selects the whole result (its ids stay in main), Ctrl/Cmd+C copies the selection;
// Enter or Right arrow goes into the viewer; the context-menu key opens the pivot menu.
import type { KeyboardEvent } from 'react'
import type { ViewSession } from '../session/create-session'
import { isMultiSelection, rowAt } from '../session/session-state'
import { focusViewer } from '../state/focus'
import { errorText } from '../api/error-text'
import { useLoad } from '../state/load-store'
import { optionId } from './EventRowView'
import { openPivotMenu } from './PivotMenu'

export interface ListKeyContext {
  session: ViewSession
  /** Rows a Page Up/Down moves by. */
  pageRows: number
  /** Scrolls the list so that row `index` is in view. */
  reveal(index: number): void
}

/** Where a movement key takes the current event, or null for other keys. */
function movedTo(key: string, current: number, matched: number, pageRows: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return current + 1
    case 'ArrowUp':
      return current < 0 ? 0 : current - 1
    case 'PageDown':
      return current + pageRows
    case 'PageUp':
      return current - pageRows
    case 'Home':
      return 0
    case 'End':
      return matched - 1
    default:
      return null
  }
}

export function onListKey(e: KeyboardEvent<HTMLDivElement>, { session, pageRows, reveal }: ListKeyContext): void {
  const state = session.store.getState()
  const matched = state.info?.matched ?? 0
  const { selectedIndex } = state
  if (matched === 0) return
  const mod = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey
  if (mod && (e.key.toLowerCase() === 'a' || e.key.toLowerCase() === 'c')) {
    e.preventDefault()
    if (e.key.toLowerCase() === 'a') session.selectAllInView().catch((error: unknown) => useLoad.getState().setCallError(errorText(error)))
    else void session.copySelection()
    return
  }
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
    // The pivot menu of the selected row, beside it.
    e.preventDefault()
    const row = selectedIndex >= 0 ? rowAt(state, selectedIndex) : undefined
    const element = document.getElementById(optionId(selectedIndex))
    if (!row || !element) return
    const box = element.getBoundingClientRect()
    openPivotMenu({ x: box.left + 40, y: box.bottom, eventId: row.id, row, returnFocus: e.currentTarget })
    return
  }
  if ((e.key === 'Enter' || e.key === 'ArrowRight') && !e.altKey && !e.shiftKey) {
    e.preventDefault()
    focusViewer() // Escape there comes back
    return
  }
  if (e.key === ' ') {
    e.preventDefault()
    const row = rowAt(state, selectedIndex)
    if (row) session.toggleSelected(selectedIndex, row.id)
    return
  }
  if (e.key === 'Escape' && isMultiSelection(state)) {
    e.preventDefault()
    session.collapseSelection()
    return
  }
  const moved = movedTo(e.key, selectedIndex < 0 ? -1 : selectedIndex, matched, pageRows)
  if (moved === null) return
  e.preventDefault()
  const next = Math.min(Math.max(0, moved), matched - 1)
  reveal(next) // keep the new current event in view
  if (e.shiftKey) void session.selectRangeTo(next) // Shift+arrows extend the multi-selection
  else session.selectIndex(next)
}
