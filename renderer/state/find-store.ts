// The find controls: the filter bar's text, the quick views, the time range and the sort. The
// text is parsed here on every keystroke (common/query, the same parser main uses) so a syntax
// error shows at once, where it is; only text that parses is applied, ~150 ms after typing
// stops (Enter applies at once). The view store listens to `query`, `quick`, `range` and `sort`
// and asks for the view again; a newer request supersedes an older one there.
import { create } from 'zustand'
import type { RowColumn } from '../../common/event-row'
import type { QueryError } from '../../common/ipc-contract'
import { appendClause } from '../../common/query/facet-query'
import { tryParseQuery } from '../../common/query/parser'
import { ALL_TIME, DEFAULT_SORT, nextSort, type QuickViewId, type Sort, type TimeRange } from './view-spec'

/** Typing pauses this long before the filter runs. */
export const TYPING_DELAY_MS = 150

interface FindState {
  /** The text in the filter bar, as typed. */
  draft: string
  /** The last text that parsed, once applied: what the view shows. */
  query: string
  /** Why `draft` does not parse (null when it does). */
  parseError: { query: string; error: QueryError } | null
  quick: QuickViewId[]
  range: TimeRange
  sort: Sort
}

export const useFind = create<FindState>()(() => ({
  draft: '',
  query: '',
  parseError: null,
  quick: [],
  range: ALL_TIME,
  sort: DEFAULT_SORT,
}))

const set = useFind.setState
const get = useFind.getState

let typingTimer: ReturnType<typeof setTimeout> | undefined

/** The filter bar's text changed. Applies it after `delayMs` if it parses (0: now). */
export function editQuery(text: string, delayMs = TYPING_DELAY_MS): void {
  clearTimeout(typingTimer)
  typingTimer = undefined
  const parsed = tryParseQuery(text)
  if (!parsed.ok) {
    // The list keeps the last good result; nothing is sent.
    set({ draft: text, parseError: { query: text, error: parsed.error.toJSON() } })
    return
  }
  set({ draft: text, parseError: null })
  if (delayMs <= 0) set({ query: text })
  else typingTimer = setTimeout(() => set({ query: get().draft }), delayMs)
}

/** Enter: run the text now. */
export function applyQuery(): void {
  editQuery(get().draft, 0)
}

/** Escape: empty the filter. */
export function clearQuery(): void {
  editQuery('', 0)
}

/** Replaces the filter text and runs it (pivots, examples from the help). */
export function replaceQuery(text: string): void {
  editQuery(text, 0)
}

/** Adds a clause with `and` (a facet click) and runs it. */
export function addClause(clause: string): void {
  editQuery(appendClause(get().draft, clause), 0)
}

export function toggleQuickView(id: QuickViewId): void {
  const quick = get().quick
  set({ quick: quick.includes(id) ? quick.filter((q) => q !== id) : [...quick, id] })
}

export function clearQuickViews(): void {
  if (get().quick.length > 0) set({ quick: [] })
}

export function setRange(range: TimeRange): void {
  set({ range })
}

export function sortBy(column: RowColumn): void {
  set({ sort: nextSort(get().sort, column) })
}
