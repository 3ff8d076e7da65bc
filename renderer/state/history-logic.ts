// The query history's logic: what a step is (the query, the time range, the quick views), how a
// new step joins the list (typing coalesces; a step after going back drops the steps ahead, as a
// browser does), and how a step is written to and read from the page's address (#q=...&last=1h)
// so that a reload or a shared link restores the view. Pure, tested under Node.
import { VIEW_LIMITS } from '../../common/ipc-contract'
import { PRESETS, QUICK_VIEWS, type QuickViewId, type TimeRange } from './view-spec'

export interface Step {
  query: string
  range: TimeRange
  quick: readonly QuickViewId[]
}

export interface History {
  steps: readonly Step[]
  /** The step shown now. */
  index: number
  /** When the step at `index` was typed (ms), for coalescing typed queries; null when it was not typed. */
  typedAt: number | null
}

/** Steps kept (the oldest go first). */
export const MAX_STEPS = 100
/** Typed queries this close together (and one extending the other) are one step. */
export const COALESCE_MS = 1_500

export function startHistory(step: Step): History {
  return { steps: [step], index: 0, typedAt: null }
}

function sameRange(a: TimeRange, b: TimeRange): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'preset' && b.kind === 'preset') return a.preset === b.preset
  if (a.kind === 'custom' && b.kind === 'custom') return a.from === b.from && a.to === b.to
  return true
}

const sameQuick = (a: readonly QuickViewId[], b: readonly QuickViewId[]): boolean => a.length === b.length && a.every((q) => b.includes(q))

export function sameStep(a: Step, b: Step): boolean {
  return a.query === b.query && sameRange(a.range, b.range) && sameQuick(a.quick, b.quick)
}

/**
 * A new step shown (typed, a facet click, a pivot, a brush...): the history after it. A typed
 * query that extends or shortens the typed step before it, soon after, replaces it: the pauses
 * of one person typing one query are not steps.
 */
export function record(history: History, step: Step, now: number, typed = false): History {
  const current = history.steps[history.index]
  if (sameStep(current, step)) return history
  const typing =
    typed &&
    history.typedAt !== null &&
    now - history.typedAt < COALESCE_MS &&
    history.index > 0 &&
    sameRange(current.range, step.range) &&
    sameQuick(current.quick, step.quick) &&
    (step.query.startsWith(current.query) || current.query.startsWith(step.query))
  const kept = history.steps.slice(0, typing ? history.index : history.index + 1)
  const steps = [...kept, step].slice(-MAX_STEPS)
  return { steps, index: steps.length - 1, typedAt: typed ? now : null }
}

export const canGoBack = (history: History): boolean => history.index > 0
export const canGoForward = (history: History): boolean => history.index < history.steps.length - 1

/** One step back (-1) or forward (1); the same history when there is none. */
export function go(history: History, direction: -1 | 1): History {
  const index = history.index + direction
  if (index < 0 || index >= history.steps.length) return history
  return { ...history, index, typedAt: null }
}

// ------------------------------------------------------------------------- the page's address

const isoOrNull = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString())

/** The step as an address fragment: #q=...&last=1h, or #q=...&from=ISO&to=ISO; '' for the default view. */
export function stepToHash(step: Step): string {
  const params = new URLSearchParams()
  if (step.query !== '') params.set('q', step.query)
  if (step.range.kind === 'preset') params.set('last', step.range.preset)
  if (step.range.kind === 'custom') {
    params.set('from', isoOrNull(step.range.from))
    params.set('to', isoOrNull(step.range.to))
  }
  const quick = QUICK_VIEWS.filter((q) => step.quick.includes(q))
  if (quick.length > 0) params.set('quick', quick.join(','))
  const text = params.toString()
  return text === '' ? '' : `#${text}`
}

function instantOrNull(text: string | null): number | null {
  if (!text) return null
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? ms : null
}

/** The step an address fragment names, or null when it names none (anything unknown is left out). */
export function stepFromHash(hash: string): Step | null {
  if (!/^#(q|last|from|to|quick)=/.test(hash)) return null
  const params = new URLSearchParams(hash.slice(1))
  const query = (params.get('q') ?? '').slice(0, VIEW_LIMITS.queryLength)
  let range: TimeRange = { kind: 'all' }
  const last = params.get('last')
  const preset = PRESETS.find((p) => p.id === last)
  if (preset) range = { kind: 'preset', preset: preset.id }
  else if (params.has('from') || params.has('to')) {
    const from = instantOrNull(params.get('from'))
    const to = instantOrNull(params.get('to'))
    if (from !== null || to !== null) range = { kind: 'custom', from, to }
  }
  const named = (params.get('quick') ?? '').split(',')
  const quick = QUICK_VIEWS.filter((q) => named.includes(q))
  return { query, range, quick }
}
