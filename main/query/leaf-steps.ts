// One executable step per query term. Each step filters a candidate list; its cost lets `and`
// run the cheap steps first so that byte searches and JSON.parse only see what is left.

import type { CompareNode, ExistsNode, FieldRef, MatchNode, TextNode } from '../../common/query/ast'
import { patternLiteral, patternSource } from '../../common/query/ast'
import { formatEventTime, parseInstant } from '../../common/time'
import type { EventStore } from '../store/event-store'
import { freeTextIds, keyNeedle, parsedCandidates, pathNeedles, valueNeedle } from './prefilter'
import { filterColumns, filterColumnsPresent, filterReadOnly, filterTimes } from './column-filter'
import { planField, type Extract, type FieldPlan } from './field-plans'
import { integrityStep } from './integrity-step'
import { difference, filterIds, union } from './id-lists'
import { freeTextTest } from './free-text'
import { anyValuePasses, compareTest, isPresent, patternTest, type ValueTest } from './value-match'
import { identityStep, isIdentityField } from '../identity/identity-query'
import { detectionExistsStep, detectionStep, isDetectionField, levelCompareStep } from './detection-step'
import { ipRangeTest } from './ip-range'
import type { Needle } from './needle'
import { filterTexts } from './candidate-texts'

export interface Step {
  /** Relative cost per candidate: 1 for a column lookup, ~100 for parsing JSON. */
  cost: number
  run(candidates: Uint32Array): Uint32Array
}

const COLUMN_COST = 1
const MIXED_COST = 30
/** Steps from this cost up read bytes or parse JSON: their results are worth keeping. */
export const CACHED_FROM_COST = MIXED_COST
const BYTES_COST = 40
const PARSED_COST = 100
const UNFILTERED_PARSE_COST = 1000

/** Byte prefilter (see prefilter.ts), then JSON.parse and the test on what is left (read in disk order). */
function parsedFilter(store: EventStore, candidates: Uint32Array, needles: readonly (Needle | null)[], extract: Extract, test: (values: unknown[]) => boolean): Uint32Array {
  return filterTexts(store, parsedCandidates(store, candidates, needles), (text) => test(extract(JSON.parse(text) as Record<string, unknown>)))
}

/** Keys every event with a value at the field holds: each step of its path, else the plan's key (short names). */
function keyNeedles(field: FieldRef, plan: FieldPlan): (Needle | null)[] {
  if (field.path.length > 0) return pathNeedles(field.path)
  return plan.kind === 'mixed' || plan.kind === 'parsed' ? [keyNeedle(plan.key)] : []
}

/** A value test (match or compare) on a field, whatever its plan. */
function valueStep(store: EventStore, field: FieldRef, plan: FieldPlan, test: ValueTest, needle: Needle | null): Step {
  switch (plan.kind) {
    case 'readOnly':
      return { cost: COLUMN_COST, run: (c) => filterReadOnly(store, c, test) }
    case 'column':
      return { cost: COLUMN_COST, run: (c) => filterColumns(store, c, plan.columns, test) }
    case 'time':
      return {
        cost: BYTES_COST,
        run: (c) => filterIds(c, (id) => !Number.isNaN(store.times[id]) && test(formatEventTime(store.times[id]))),
      }
    case 'mixed':
      return {
        cost: MIXED_COST,
        run: (c) => {
          const hits = filterColumns(store, c, plan.columns, test)
          const rest = difference(c, hits)
          return union(hits, parsedFilter(store, rest, [needle, ...keyNeedles(field, plan)], plan.extract, (v) => anyValuePasses(v, test)))
        },
      }
    case 'parsed': {
      const needles = [needle, ...keyNeedles(field, plan)]
      return {
        cost: needles.some(Boolean) ? PARSED_COST : UNFILTERED_PARSE_COST,
        run: (c) => parsedFilter(store, c, needles, plan.extract, (v) => anyValuePasses(v, test)),
      }
    }
  }
}

export function matchStep(store: EventStore, node: MatchNode): Step {
  if (node.field.special === 'integrity') return integrityStep(store, patternTest(node.pattern))
  if (isIdentityField(node.field.special)) return identityStep(store, node.field.special, patternTest(node.pattern), patternSource(node.pattern))
  if (isDetectionField(node.field.special)) return detectionStep(store, node.field.special, patternTest(node.pattern))
  const plan = planField(node.field)
  const literal = patternLiteral(node.pattern)
  if (plan.kind === 'time' && literal !== null) {
    // eventTime:2024-03-05 is that day; eventTime:2024-03-05T14:30Z that minute.
    const instant = parseInstant(literal)
    if (instant) return { cost: COLUMN_COST, run: (c) => filterTimes(store, c, instant.start, false, instant.end, true) }
  }
  const range = ipRangeTest(node) // ip:3.238.0.0/16: no byte needle, addresses are compared as numbers
  // A dotted path's values are the JSON values themselves: their needle may take the string's quotes.
  const quoted = node.field.special === undefined && plan.kind === 'parsed'
  return valueStep(store, node.field, plan, range ?? patternTest(node.pattern), range ? null : valueNeedle(node.pattern, quoted))
}

export function compareStep(store: EventStore, node: CompareNode): Step {
  if (node.field.special === 'integrity') return integrityStep(store, compareTest(node.op, node.value))
  if (isIdentityField(node.field.special)) return identityStep(store, node.field.special, compareTest(node.op, node.value), node.value)
  if (node.field.special === 'level') return levelCompareStep(store, node.op, node.value)
  if (node.field.special === 'detection') return detectionStep(store, 'detection', compareTest(node.op, node.value))
  const plan = planField(node.field)
  if (plan.kind === 'time' && node.instant !== undefined) {
    const t = node.instant
    const open = node.op === '>' || node.op === '<'
    const run =
      node.op === '>' || node.op === '>='
        ? (c: Uint32Array) => filterTimes(store, c, t, open, Infinity, false)
        : (c: Uint32Array) => filterTimes(store, c, -Infinity, false, t, open)
    return { cost: COLUMN_COST, run }
  }
  return valueStep(store, node.field, plan, compareTest(node.op, node.value), null)
}

export function existsStep(store: EventStore, node: ExistsNode): Step {
  if (node.field.special === 'integrity') return integrityStep(store, () => true)
  if (isIdentityField(node.field.special)) return identityStep(store, node.field.special, (value) => value !== '')
  if (isDetectionField(node.field.special)) return detectionExistsStep(store)
  const plan = planField(node.field)
  switch (plan.kind) {
    case 'time':
      // An eventTime that is not a date ("eventTime" in hand-edited fixtures) counts as absent.
      return { cost: COLUMN_COST, run: (c) => filterTimes(store, c, -Infinity, false, Infinity, false) }
    case 'readOnly':
      return { cost: COLUMN_COST, run: (c) => filterReadOnly(store, c, 'present') }
    case 'column':
      return { cost: COLUMN_COST, run: (c) => filterColumnsPresent(store, c, plan.columns) }
    case 'mixed':
      if (plan.existsOnColumns) return { cost: COLUMN_COST, run: (c) => filterColumnsPresent(store, c, plan.columns) }
      return {
        cost: MIXED_COST,
        run: (c) => {
          const hits = filterColumnsPresent(store, c, plan.columns)
          return union(hits, parsedFilter(store, difference(c, hits), keyNeedles(node.field, plan), plan.extract, isPresent))
        },
      }
    case 'parsed': {
      const needles = keyNeedles(node.field, plan)
      return { cost: needles.some(Boolean) ? PARSED_COST : UNFILTERED_PARSE_COST, run: (c) => parsedFilter(store, c, needles, plan.extract, isPresent) }
    }
  }
}

/** Free text: anywhere in the event's JSON text (keys included), case-insensitive. */
export function textStep(store: EventStore, node: TextNode): Step {
  if (!node.pattern.some((part) => part.kind === 'text')) return { cost: COLUMN_COST, run: (c) => c } // `*`: any text at all
  const verify = freeTextTest(node.pattern)
  return { cost: BYTES_COST, run: (c) => freeTextIds(store, c, node.pattern, verify) }
}
