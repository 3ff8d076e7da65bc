// A Sigma condition (`selection and not 1 of filter_*`) parsed into a tree over the detection's
// selections: and/or/not with the usual precedence (not > and > or), parentheses, `1 of`,
// `all of`, `them` and name patterns. Sigma v1 aggregations (`| count() by x > 5`) and `near`
// are refused with that reason: the correlation rules of Sigma 2 replace them.

import { parseGlob, globMatch } from './glob-match'

export type Expr =
  | { t: 'sel'; name: string }
  | { t: 'and' | 'or'; items: Expr[] }
  | { t: 'not'; item: Expr }
  /** At least `n` of the items (`1 of x*`; `all of` is an 'and'). */
  | { t: 'of'; n: number; items: Expr[] }

export class ConditionError extends Error {}

function tokenize(text: string): string[] {
  if (/\bnear\b/i.test(text)) throw new ConditionError('"near" (Sigma v1) is not supported: use a temporal correlation rule')
  if (text.includes('|')) throw new ConditionError('Sigma v1 aggregation ("| count() ...") in the condition: rewrite as a correlation rule')
  return text.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').split(/\s+/).filter(Boolean)
}

export function parseCondition(text: string, selections: readonly string[]): Expr {
  const tokens = tokenize(text)
  let at = 0
  const peek = (): string | undefined => tokens[at]?.toLowerCase()
  const expect = (what: string): string => {
    const token = tokens[at++]
    if (token === undefined) throw new ConditionError(`condition ends early: expected ${what}`)
    return token
  }
  const names = (pattern: string): string[] => {
    // `them`: every selection, except names starting with '_' (the spec's convention).
    if (pattern.toLowerCase() === 'them') return selections.filter((s) => !s.startsWith('_'))
    const glob = parseGlob(pattern)
    const found = selections.filter((s) => globMatch(glob, s))
    if (found.length === 0) throw new ConditionError(`no selection matches "${pattern}"`)
    return found
  }
  const primary = (): Expr => {
    const token = expect('a selection')
    const lower = token.toLowerCase()
    if (lower === '(') {
      const inner = or()
      if (expect('")"') !== ')') throw new ConditionError('unbalanced parentheses')
      return inner
    }
    if (lower === 'near') throw new ConditionError('"near" (Sigma v1) is not supported: use a temporal correlation rule')
    if ((lower === 'all' || /^\d+$/.test(lower)) && peek() === 'of') {
      at++
      const items = names(expect('a selection pattern')).map((name): Expr => ({ t: 'sel', name }))
      return lower === 'all' ? { t: 'and', items } : { t: 'of', n: Number(lower), items }
    }
    if (['and', 'or', 'not', ')', 'of'].includes(lower)) throw new ConditionError(`unexpected "${token}"`)
    if (!selections.includes(token)) throw new ConditionError(`unknown selection "${token}"`)
    return { t: 'sel', name: token }
  }
  const not = (): Expr => {
    if (peek() === 'not') {
      at++
      return { t: 'not', item: not() }
    }
    return primary()
  }
  const chain = (op: 'and' | 'or', next: () => Expr) => (): Expr => {
    const items = [next()]
    while (peek() === op) {
      at++
      items.push(next())
    }
    return items.length === 1 ? items[0] : { t: op, items }
  }
  const and = chain('and', not)
  const or = chain('or', and)
  const tree = or()
  if (at < tokens.length) throw new ConditionError(`unexpected "${tokens[at]}"`)
  return tree
}
