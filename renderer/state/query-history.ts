// Back and Forward over what the list showed: every applied query, time range and quick view
// (typed, a facet click, a pivot, a brush on the timeline) is a step (history-logic.ts). The
// find store is followed, not told: whatever sets the query is recorded, with no call to add in
// each place. In web mode the step shown is also written to the page's address (replaceState, so
// the browser's own history is not filled with keystrokes): a reload or a shared link opens the
// same view, applied to the server's files as they load again.
import { create } from 'zustand'
import type { StoreApi } from 'zustand'
import { useFind } from './find-store'
import { canGoBack, canGoForward, go, record, startHistory, stepFromHash, stepToHash, type History, type Step } from './history-logic'

type FindStore = StoreApi<ReturnType<typeof useFind.getState>>

interface HistoryState {
  history: History
}

export const useQueryHistory = create<HistoryState>()(() => ({ history: startHistory({ query: '', range: { kind: 'all' }, quick: [] }) }))

/** The page's address, in web mode only (the desktop app's reload after a crash has its own fragment). */
export interface AddressBar {
  readHash(): string
  writeHash(hash: string): void
}

let find: FindStore = useFind
let address: AddressBar | null = null
/** Set while a step is being shown: the find store's change is ours, not a new step. */
let navigating = false
/** The filter text changed in this task, before the query: a programmatic set, not typing. */
let draftJustSet = false

const stepOf = (state: ReturnType<FindStore['getState']>): Step => ({ query: state.query, range: state.range, quick: state.quick })

/**
 * Starts following the find store: first the view the address names (if any) is applied, then
 * every change of what is shown is recorded. Returns the unsubscribe function.
 */
export function followQueryHistory(store: FindStore = useFind, bar: AddressBar | null = null, now: () => number = Date.now): () => void {
  find = store
  address = bar
  const fromAddress = bar ? stepFromHash(bar.readHash()) : null
  if (fromAddress) show(fromAddress)
  useQueryHistory.setState({ history: startHistory(stepOf(store.getState())) })
  return store.subscribe((state, previous) => {
    if (state.draft !== previous.draft && state.query === previous.query) {
      // The filter bar's text changed alone: a keystroke, or the first half of a pivot or facet
      // click, which runs it in the same task (find-store's editQuery sets the text, then the query).
      draftJustSet = true
      queueMicrotask(() => (draftJustSet = false))
    }
    if (navigating || (state.query === previous.query && state.range === previous.range && state.quick === previous.quick)) return
    // Typed: the text waited in the filter bar before it ran (the typing pause, or Enter).
    const typed = state.query !== previous.query && previous.draft === state.query && !draftJustSet
    const history = record(useQueryHistory.getState().history, stepOf(state), now(), typed)
    useQueryHistory.setState({ history })
    address?.writeHash(stepToHash(history.steps[history.index]))
  })
}

function show(step: Step): void {
  navigating = true
  try {
    find.setState({ draft: step.query, query: step.query, parseError: null, range: step.range, quick: [...step.quick] })
  } finally {
    navigating = false
  }
  address?.writeHash(stepToHash(step))
}

/** Back (-1) or Forward (1); false when there is no step that way. */
export function goHistory(direction: -1 | 1): boolean {
  const before = useQueryHistory.getState().history
  const history = go(before, direction)
  if (history === before) return false
  useQueryHistory.setState({ history })
  show(history.steps[history.index])
  return true
}

export { canGoBack, canGoForward }

/** What pageAddressBar needs of a window (typed here: the node build has no DOM types). */
interface PageWindow {
  location: { hash: string; pathname: string; search: string }
  history: { state: unknown; replaceState(state: unknown, unused: string, url?: string | null): void }
}

/** The address bar of a web page (location.hash through history.replaceState). */
export function pageAddressBar(win: PageWindow): AddressBar {
  return {
    readHash: () => win.location.hash,
    writeHash: (hash) => {
      if (win.location.hash === hash || (hash === '' && win.location.hash === '')) return
      win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${hash}`)
    },
  }
}
