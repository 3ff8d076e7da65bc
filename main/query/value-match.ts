// Value tests shared by every kind of predicate. A test sees a value's string form (a dictionary
// entry, or a JSON scalar: 5 -> "5", false -> "false"), so that a column and a parsed event can
// never disagree about what `readOnly:false` or `count>5` means.

import type { CompareOp, PatternPart } from '../../common/query/ast'
import { patternLiteral } from '../../common/query/ast'
import { parseInstant } from '../../common/time'
import { compileGlob } from '../../common/glob-match'
import { MAX_JSON_DEPTH } from '../../common/json-depth'

export type ValueTest = (value: string) => boolean

/** Whole-value, case-insensitive match of a pattern (linear time: see common/glob-match.ts). */
export function patternTest(pattern: readonly PatternPart[]): ValueTest {
  const literal = patternLiteral(pattern)
  if (literal !== null) {
    const lower = literal.toLowerCase()
    return (value) => value.toLowerCase() === lower
  }
  const glob = compileGlob(pattern, { foldCase: true })
  return (value) => glob(value.toLowerCase())
}

// Written so that each digit can be matched one way only: the former `\d+\.?\d*` could split
// a run of digits between its two quantifiers in every way, which took seconds on a 40 KB value
// of digits (and grew as the square of its length) before failing.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

export function isNumeric(text: string): boolean {
  return NUMBER.test(text.trim())
}

function compareNumbers(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '>':
      return a > b
    case '>=':
      return a >= b
    case '<':
      return a < b
    case '<=':
      return a <= b
  }
}

/**
 * `field>value` on a string form. The query value decides how: a number compares numbers
 * (values that are not numbers never match), an instant compares instants (values that are
 * not dates never match), anything else compares text, case-insensitively.
 */
export function compareTest(op: CompareOp, value: string): ValueTest {
  if (isNumeric(value)) {
    const target = Number(value)
    return (text) => isNumeric(text) && compareNumbers(op, Number(text), target)
  }
  const instant = parseInstant(value)
  if (instant) {
    return (text) => {
      const other = parseInstant(text)
      return other !== null && compareNumbers(op, other.start, instant.start)
    }
  }
  const lower = value.toLowerCase()
  return (text) => {
    const other = text.toLowerCase()
    return compareNumbers(op, other < lower ? -1 : other > lower ? 1 : 0, 0)
  }
}

/**
 * String forms of the scalars among JSON values, through arrays at any depth down to
 * MAX_JSON_DEPTH (iteratively: a hostile event's nested arrays cannot overflow the stack).
 */
export function scalarStrings(values: readonly unknown[], out: string[] = []): string[] {
  const stack: [unknown, number][] = []
  for (let i = values.length - 1; i >= 0; i--) stack.push([values[i], 0])
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (typeof value === 'string') out.push(value)
    else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value))
    else if (Array.isArray(value) && depth < MAX_JSON_DEPTH) for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1])
  }
  return out
}

/** Whether any scalar among the values passes the test. */
export function anyValuePasses(values: readonly unknown[], test: ValueTest): boolean {
  return scalarStrings(values).some(test)
}

/** `field:*`: the field is there and not null (an empty array or object counts as there). */
export function isPresent(values: readonly unknown[]): boolean {
  return values.some((value) => value !== null && value !== undefined)
}
