// Byte prefilters for the terms that must read events (JSON paths, free text): which events
// can match, decided from their bytes, so that only those are parsed or decoded. A prefilter
// may keep events that do not match (the exact test follows) but must never drop one that
// does. The bytes can hide a match where the exact test sees the decoded, lower-cased text:
// a \u escape can stand for any character, `\/` for `/`, and two characters lower-case to
// ASCII (İ to i + U+0307, the Kelvin sign to k). Events holding any of those are kept for the
// exact test whatever their bytes say; they are found in the same pass as the needle.

import type { PatternPart } from '../../common/query/ast'
import { patternLiteral } from '../../common/query/ast'
import type { EventStore } from '../store/event-store'
import { literalNeedle, searchBytes, withFlags } from './byte-search'
import { union } from './id-lists'
import { filterTexts } from './candidate-texts'
import { LITERAL_HIT, NEEDLE_HIT } from './segment-scan'
import { isNumeric } from './value-match'
import type { Needle } from './needle'

/** Latin1 forms of what can hide ASCII text from a byte search: a \u escape, İ and the Kelvin sign in UTF-8. */
const HIDES_ASCII = ['\\u', '\xc4\xb0', '\xe2\x84\xaa'] as const
/** The same, and any other escape: for text holding characters JSON writes escaped (" \ / controls). */
const HIDES_ANY = ['\\', '\xc4\xb0', '\xe2\x84\xaa'] as const

/** Runs of text that a JSON writer never escapes (so they appear as typed in the bytes, or \u-escaped). */
const VERBATIM_RUN = /[\x20-\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+/g
/** The verbatim run a text begins with. */
const LEADING_RUN = /^[\x20-\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+/

/** The longest verbatim run in the pattern's text, or '' when it has none. */
function longestRun(pattern: readonly PatternPart[]): string {
  let best = ''
  for (const part of pattern) {
    if (part.kind !== 'text') continue
    for (const run of part.text.match(VERBATIM_RUN) ?? []) if (run.length > best.length) best = run
  }
  return best
}

/**
 * Whether a value whose string form begins with `start` can only be a JSON string: a bare value
 * (a number, true, false) has a string form of digits, `.`, `e`, signs, or is the word itself.
 */
function onlyInStrings(start: string): boolean {
  const lower = start.toLowerCase()
  return /[^0-9.e+-]/.test(lower) && !['true', 'false'].some((word) => word.startsWith(lower))
}

/**
 * A byte needle every event whose value matches must contain (unless its bytes hide it), or null.
 * `quoted`: the values tested are the JSON values themselves (a dotted path), so a pattern that
 * begins with text (`logs-*`) is looked for with the string's opening quote (`"logs-`), and a
 * pattern of plain text alone with both quotes: `"logs-` is in the events holding a value that
 * starts so, not in those where it is inside one (central-logs-…, aws-cloudtrail-logs-…): on the
 * bench corpus, 24,882 events to parse became 16,3xx. The text must be as long as half the
 * longest run and say it is no number or boolean (those are written without quotes).
 */
export function valueNeedle(pattern: readonly PatternPart[], quoted = false): Needle | null {
  const best = longestRun(pattern)
  const first = pattern[0]
  const lead = first?.kind === 'text' ? (first.text.match(LEADING_RUN)?.[0] ?? '') : ''
  if (quoted && lead.length >= 3 && 2 * lead.length >= best.length && onlyInStrings(lead)) {
    const whole = pattern.length === 1 && first.kind === 'text' && lead === first.text
    return { forms: [`"${lead}${whole ? '"' : ''}`] }
  }
  // Too short to narrow anything; a number may be written differently in the JSON (1e3 for 1000).
  if (best.length < 3 || isNumeric(best)) return null
  return literalNeedle(best)
}

/** A needle for a field name every matching event holds as a key, or null when it is not plain ASCII. */
export function keyNeedle(key: string | null): Needle | null {
  if (key === null || key.length === 0 || key.replace(VERBATIM_RUN, '') !== '') return null
  return literalNeedle(`"${key}"`)
}

/**
 * Needles for every step of a dotted path, the last first: each step is a key of every event
 * that has a value there, and the last is the most telling (`"bucketName"` is in few events,
 * `"requestParameters"` in nearly all: the former longest-step choice took the latter).
 */
export function pathNeedles(path: readonly string[]): Needle[] {
  return [...path].reverse().flatMap((step) => keyNeedle(step) ?? [])
}

/**
 * The candidates that may hold values passing a JSON-path test: those whose bytes hold every
 * needle, and those whose bytes could hide one. All of them when there is no needle.
 */
export function parsedCandidates(store: EventStore, candidates: Uint32Array, needles: readonly (Needle | null)[]): Uint32Array {
  const present = needles.filter((needle): needle is Needle => needle !== null)
  if (present.length === 0 || candidates.length === 0) return candidates
  // One read of the bytes: the further needles are looked for only in the events holding the first.
  const flags = searchBytes(store, candidates, present, HIDES_ASCII)
  return withFlags(candidates, flags, NEEDLE_HIT | LITERAL_HIT)
}

/**
 * Free text: the candidates whose JSON text holds the pattern (`verify`, the exact test on one
 * event's text, freeTextTest). An ASCII literal is decided by its byte needle alone, but for the
 * events whose bytes could hide it; other patterns are narrowed by their longest verbatim run.
 */
export function freeTextIds(store: EventStore, candidates: Uint32Array, pattern: readonly PatternPart[], verify: (text: string) => boolean): Uint32Array {
  if (candidates.length === 0) return candidates
  const literal = patternLiteral(pattern)
  // eslint-disable-next-line no-control-regex
  if (literal !== null && /^[\x00-\x7f]*$/.test(literal)) {
    const hides = literal.replace(VERBATIM_RUN, '') === '' ? HIDES_ASCII : HIDES_ANY
    const flags = searchBytes(store, candidates, [literalNeedle(literal)], hides)
    const sure = withFlags(candidates, flags, NEEDLE_HIT)
    const unsure = new Uint32Array(candidates.length)
    let n = 0
    for (let k = 0; k < flags.length; k++) if (flags[k] === LITERAL_HIT) unsure[n++] = candidates[k]
    return union(sure, filterTexts(store, unsure.subarray(0, n), verify))
  }
  const run = longestRun(pattern)
  const maybe = run === '' ? candidates : withFlags(candidates, searchBytes(store, candidates, [literalNeedle(run)], HIDES_ASCII), NEEDLE_HIT | LITERAL_HIT)
  return filterTexts(store, maybe, verify)
}
