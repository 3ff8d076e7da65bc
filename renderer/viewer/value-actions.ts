// What the viewer's value actions work on: the JSON path at a line, the value there, the filter
// clause that keeps (or drops) events with that value, and the account a value names. Pure, so
// it is tested directly (tests/unit/viewer-value-actions.test.ts).
import { isAccountId } from '../../common/decode/ids'
import { parseArn } from '../../common/decode/arn'
import { fieldClause, quoteValue } from '../../common/query/facet-query'
import { pathAtLine, scalarText, type PrettyJson } from './pretty-json'

export interface ValueAt {
  /** The JSON path: userIdentity.arn, resources[0].ARN. */
  path: string
  /** The scalar's token as written (strings keep their quotes); undefined for objects and arrays. */
  token: string | undefined
}

/** The member or element a line of the pretty-printed event shows. */
export function valueAtLine(pretty: PrettyJson, line: number): ValueAt | null {
  if (!pretty.ok) return null
  const path = pathAtLine(pretty, line)
  if (path === null) return null
  return { path, token: pretty.values.get(path) }
}

const NAME = /^[A-Za-z_@$][A-Za-z0-9_@$-]*$/

/**
 * The query field for a JSON path: array positions dropped (the query matches through arrays:
 * resources[0].ARN -> resources.ARN). Null when a key cannot be written as a field name.
 */
export function queryField(path: string): string | null {
  const parts = path.replace(/\[\d+\]/g, '').split('.')
  return parts.every((part) => NAME.test(part)) ? parts.join('.') : null
}

/** The value as query text would match it: strings decoded, numbers and booleans as written, null as null. */
export function valueText(value: ValueAt): string | null {
  return scalarText(value.token)
}

/**
 * The clause that keeps (negate false) or drops (negate true) events with this value:
 * `field:value`, `not field:value`; for null "the field is missing"; for an object or array
 * "the field is present". A key the query cannot name falls back to searching the value as a
 * phrase (or null when there is no value to search for).
 */
export function clauseFor(value: ValueAt, negate: boolean): string | null {
  const field = queryField(value.path)
  if (value.token === undefined) {
    if (!field) return null
    return negate ? `not ${field}:*` : `${field}:*`
  }
  const text = valueText(value)
  if (!field) {
    if (text === null || text === '') return null
    const phrase = `"${text.replace(/[\\"]/g, '\\$&')}"`
    return negate ? `not ${phrase}` : phrase
  }
  return fieldClause(field, text, negate)
}

/** The value to copy: strings without their quotes, anything else as written. */
export function copyText(value: ValueAt, pretty: PrettyJson): string {
  if (value.token !== undefined) return scalarText(value.token) ?? 'null'
  return subtreeText(pretty, value.path) ?? ''
}

/** The pretty text of an object or array member (its lines, re-indented to the left). */
function subtreeText(pretty: PrettyJson, path: string): string | null {
  let start = Infinity
  let end = -Infinity
  for (const [line, p] of pretty.linePaths) {
    if (p !== path) continue
    start = Math.min(start, line)
    end = Math.max(end, line)
  }
  if (start === Infinity) return null
  const lines = pretty.text.split('\n')
  const slice = lines.slice(start - 1, end)
  const first = slice[0]
  const key = pretty.keyColumns.get(start)
  slice[0] = key ? first.slice(key.end - 1 + 2) : first.trimStart()
  const indent = /^\s*/.exec(first)![0].length
  return slice.map((l, i) => (i === 0 ? l : l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)))).join('\n').replace(/,$/, '')
}

/** The AWS account a value names: a 12-digit ID, or the account part of an ARN. */
export function accountIn(value: ValueAt): string | null {
  const text = valueText(value)
  if (text === null) return null
  if (isAccountId(text)) return text
  const arn = parseArn(text)
  return arn && isAccountId(arn.account) ? arn.account : null
}

/** For the field bar: how a value reads in the query language, for display. */
export function displayClause(field: string, text: string): string {
  return `${field}:${quoteValue(text)}`
}
