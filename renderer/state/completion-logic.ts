// What the filter bar completes at the caret: a field name (the short names, then the paths seen
// in the loaded set) while a term has no `:` yet, a value after `field:` (asked from main, over
// the view shown: see completions.ts). And how a choice is put in the text: a field gets its `:`,
// a value is quoted when it must be (facet-query's quoteValue, as a facet click writes it).
// Pure, tested under Node.
import { FACET_FIELDS, FACET_QUERY_FIELD, quoteValue } from '../../common/query/facet-query'
import { SHORT_NAMES, shortNameOf } from '../../common/query/fields'

/** Suggestions shown at most. */
export const MAX_SUGGESTIONS = 12

export interface CompletionContext {
  kind: 'field' | 'value'
  /** [start, end) of the text a choice replaces: the field name, or the value after `:`. */
  start: number
  end: number
  /** The field before `:` (value completions). */
  field: string
  /** What is typed of the name or value so far (unquoted). */
  prefix: string
}

const WORDS = new Set(['and', 'or', 'not'])

/** The term the caret is in, and what completes it; null where nothing does (in a phrase, after a space). */
export function completionContext(text: string, caret: number): CompletionContext | null {
  if (caret < 0 || caret > text.length) return null
  // The term starts after the last space or parenthesis outside quotes before the caret.
  let start = 0
  let quoted = false
  for (let i = 0; i < caret; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '"') quoted = !quoted
    else if (!quoted && (c === ' ' || c === '\t' || c === '(' || c === ')')) start = i + 1
  }
  // The term ends at the next space or parenthesis after the caret (a choice replaces it whole).
  let end = caret
  while (end < text.length && !/[\s()]/.test(text[end])) end++
  let term = text.slice(start, caret)
  if (term.startsWith('-')) {
    term = term.slice(1)
    start++
  }
  const colon = term.indexOf(':')
  if (colon < 0) {
    if (quoted || term === '' || WORDS.has(term.toLowerCase()) || !/^[A-Za-z_][\w.-]*$/.test(term)) return null
    return { kind: 'field', start, end, field: '', prefix: term }
  }
  const field = term.slice(0, colon)
  if (!/^[A-Za-z_][\w.-]*$/.test(field)) return null
  const value = term.slice(colon + 1)
  if (/[*?]/.test(value)) return null // a pattern: the user is past picking one value
  return { kind: 'value', start: start + colon + 1, end, field, prefix: value.replace(/^"/, '').replace(/\\(.)/g, '$1') }
}

/** Field names to offer for a prefix: short names first, then the set's paths (by prefix, then by a segment's prefix). */
export function fieldSuggestions(prefix: string, paths: readonly string[]): string[] {
  const lower = prefix.toLowerCase()
  const names = SHORT_NAMES.map((short) => short.names[0])
  const byPrefix = (name: string): boolean => name.toLowerCase().startsWith(lower)
  const bySegment = (name: string): boolean => name.toLowerCase().split('.').some((segment, i) => i > 0 && segment.startsWith(lower))
  const ordered = [...names.filter(byPrefix), ...paths.filter(byPrefix), ...paths.filter(bySegment)]
  // Field names are case-insensitive: eventId (a short name) and eventID (the path) are one.
  const seen = new Set<string>([lower])
  return ordered.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase())).slice(0, MAX_SUGGESTIONS)
}

/** The field to ask main for values of (a facet's field, or the path the name stands for); null when it has none. */
export function valueField(field: string): string | null {
  const lower = field.toLowerCase()
  const facet = FACET_FIELDS.find((f) => f.toLowerCase() === lower || FACET_QUERY_FIELD[f].toLowerCase() === lower)
  if (facet) return facet
  const short = shortNameOf(field)
  // Detection's level and rule: main counts their values (main/detect/detection-facets.ts).
  if (short?.special === 'level' || short?.special === 'detection') return short.special
  if (short) return short.path ?? null // user, account...: facets above; the other specials have no values
  return field
}

/** Values to offer: those starting with what is typed first, then those containing it. */
export function valueSuggestions(prefix: string, values: readonly string[]): string[] {
  const lower = prefix.toLowerCase()
  const starts = values.filter((value) => value.toLowerCase().startsWith(lower))
  const contains = values.filter((value) => !value.toLowerCase().startsWith(lower) && value.toLowerCase().includes(lower))
  return [...starts, ...contains].filter((value) => value !== prefix).slice(0, MAX_SUGGESTIONS)
}

/** The text with a choice put in, and where the caret goes (after the field's `:`, or after the value and a space). */
export function applyChoice(text: string, context: CompletionContext, choice: string): { text: string; caret: number } {
  const inserted = context.kind === 'field' ? `${choice}:` : quoteValue(choice)
  const after = text.slice(context.end)
  const spacer = context.kind === 'value' && !after.startsWith(' ') ? ' ' : ''
  const next = `${text.slice(0, context.start)}${inserted}${spacer}${after}`
  return { text: next, caret: context.start + inserted.length + spacer.length }
}
