// n / Shift+N: the next or previous failed event (one with an errorCode) in the list's order,
// from the selected row. Rows are read from the view's cache, else asked for a window at a time;
// at most MAX_SCAN rows are looked through before the search says there is none that near.
import { getApi } from '../api/get-api'
import type { ViewSession } from '../session/create-session'
import { rowAt } from '../session/session-state'
import { revealRow } from './reveal'

export const MAX_SCAN = 50_000
const WINDOW = 500

/** The index of the next failed row after `from` (direction 1) or before it (-1), or null. */
async function findFailed(session: ViewSession, viewId: number, from: number, direction: 1 | -1, matched: number): Promise<number | null> {
  let index = from + direction
  let scanned = 0
  while (index >= 0 && index < matched && scanned < MAX_SCAN) {
    const cached = rowAt(session.store.getState(), index)
    if (cached) {
      if (cached.errorCode) return index
      index += direction
      scanned++
      continue
    }
    const start = direction === 1 ? index : Math.max(0, index - WINDOW + 1)
    const { rows } = await getApi().getRows({ viewId, start, count: WINDOW })
    if (session.store.getState().info?.viewId !== viewId || rows.length === 0) return null
    const order = direction === 1 ? rows.map((_, i) => i) : rows.map((_, i) => rows.length - 1 - i)
    for (const i of order) {
      const at = start + i
      if ((direction === 1 && at < index) || (direction === -1 && at > index)) continue
      scanned++
      if (rows[i].errorCode) return at
    }
    index = direction === 1 ? start + rows.length : start - 1
  }
  return null
}

/** Selects the next (1) or previous (-1) failed event and scrolls the list to it; false when there is none. */
export async function gotoFailed(session: ViewSession, direction: 1 | -1): Promise<boolean> {
  const { info, selectedIndex } = session.store.getState()
  if (!info || info.matched === 0) return false
  const from = selectedIndex < 0 ? (direction === 1 ? -1 : info.matched) : selectedIndex
  const found = await findFailed(session, info.viewId, from, direction, info.matched)
  if (found === null || session.store.getState().info?.viewId !== info.viewId) return false
  session.selectIndex(found)
  revealRow(found)
  return true
}
