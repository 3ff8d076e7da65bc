// Why a filter matched nothing, when the text says: `eventName=PutUserPolicy` (fields take `:`),
// `event:Describe` (a value matches whole: did you mean `event:Describe*`?). Pure; each hint
// carries the query it suggests.
import type { Ast } from '../../common/query/ast'
import { tryParseQuery } from '../../common/query/parser'
import { parseCidr } from '../../common/ip-address'

export type ZeroHint = { kind: 'useColon'; suggestion: string; field: string } | { kind: 'prefix'; suggestion: string; field: string; value: string }

const EQUALS = /(^|[\s(])([A-Za-z_][\w.]*)\s*={1,2}\s*/g

function firstExactMatch(ast: Ast, negated = false): { field: string; value: string; start: number; end: number } | null {
  switch (ast.type) {
    case 'and':
    case 'or':
      for (const child of ast.children) {
        const found = firstExactMatch(child, negated)
        if (found) return found
      }
      return null
    case 'not':
      return firstExactMatch(ast.child, !negated)
    case 'match': {
      if (negated || ast.pattern.length === 0 || ast.pattern.some((p) => p.kind !== 'text')) return null
      const value = ast.pattern.map((p) => (p.kind === 'text' ? p.text : '')).join('')
      return value ? { field: ast.field.name, value, start: ast.start, end: ast.end } : null
    }
    default:
      return null
  }
}

/** The hints for a query that matched nothing (most useful first). */
export function zeroHints(query: string): ZeroHint[] {
  const hints: ZeroHint[] = []
  if (EQUALS.test(query)) {
    EQUALS.lastIndex = 0
    const field = EQUALS.exec(query)?.[2] ?? ''
    EQUALS.lastIndex = 0
    hints.push({ kind: 'useColon', field, suggestion: query.replace(EQUALS, (_, before: string, name: string) => `${before}${name}:`) })
    EQUALS.lastIndex = 0
  }
  const parsed = tryParseQuery(query)
  if (parsed.ok) {
    const exact = firstExactMatch(parsed.ast)
    // A network (ip:3.238.0.0/16) is a range already: `*` after it would make it text again.
    if (exact && !/[\s"()]/.test(exact.value) && !(exact.value.includes('/') && parseCidr(exact.value))) {
      const suggestion = `${query.slice(0, exact.start)}${exact.field}:${exact.value}*${query.slice(exact.end)}`
      hints.push({ kind: 'prefix', field: exact.field, value: exact.value, suggestion })
    }
  }
  return hints
}
