// Recursive-descent parser from tokens to the AST. Precedence, loosest first: `or`, then `and`
// (written, or implied by two terms side by side), then `not` / `-`, then a term or a
// parenthesised group — so `a or b c` is `a or (b and c)`, and `not a b` is `(not a) and b`.

import { QueryError, patternLiteral, type Ast, type CompareOp, type FieldRef, type PatternPart } from './ast'
import { isEventTime, resolveField } from './fields'
import { parseInstant } from '../time'
import { tokenize, type Token } from './tokenizer'

export type ParseResult = { ok: true; ast: Ast } | { ok: false; error: QueryError }

const describe = (token: Token | undefined): string =>
  token === undefined ? 'the end' : token.type === 'lparen' ? "'('" : token.type === 'rparen' ? "')'" : `'${token.type}'`

/**
 * The deepest nesting of parentheses and `not`s a query may have. The parser and the evaluator
 * recurse once per level: 20,000 `(` overflowed the stack (and ended a CLI run with no output).
 */
export const MAX_QUERY_NESTING = 100

class Parser {
  private index = 0
  private depth = 0

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Ast {
    if (this.tokens.length === 0) return { type: 'all' }
    const ast = this.parseOr()
    const extra = this.peek()
    if (extra) {
      // Only a stray ')' can stop the loops above before the end.
      throw new QueryError("This ')' has no matching '('", extra.start)
    }
    return ast
  }

  private peek(): Token | undefined {
    return this.tokens[this.index]
  }

  private next(): Token {
    return this.tokens[this.index++]
  }

  private parseOr(after?: string): Ast {
    const children = [this.parseAnd(after)]
    while (this.peek()?.type === 'or') {
      this.next()
      children.push(this.parseAnd('or'))
    }
    return flatten('or', children)
  }

  private parseAnd(after?: string): Ast {
    const children = [this.parseUnary(after)]
    for (;;) {
      const token = this.peek()
      if (token === undefined || token.type === 'or' || token.type === 'rparen') break
      if (token.type === 'and') {
        this.next()
        children.push(this.parseUnary('and'))
      } else {
        children.push(this.parseUnary())
      }
    }
    return flatten('and', children)
  }

  private parseUnary(after?: string): Ast {
    const token = this.peek()
    if (this.depth >= MAX_QUERY_NESTING) {
      throw new QueryError(`The query is nested too deeply (more than ${MAX_QUERY_NESTING} levels of parentheses and 'not')`, token?.start ?? this.text.length)
    }
    this.depth++
    try {
      if (token?.type === 'not' || token?.type === 'minus') {
        this.next()
        const child = this.parseUnary(token.type === 'not' ? 'not' : '-')
        return { type: 'not', child, start: token.start, end: endOf(child, token.end) }
      }
      return this.parsePrimary(after)
    } finally {
      this.depth--
    }
  }

  /** `after` is what came just before (an operator or '('), for the error message. */
  private parsePrimary(after?: string): Ast {
    const token = this.peek()
    if (token === undefined) throw new QueryError(after ? `Expected a term after '${after}'` : 'Expected a term', this.text.length)
    if (token.type === 'rparen' || token.type === 'and' || token.type === 'or') {
      if (after) throw new QueryError(`Expected a term after '${after}', found ${describe(token)}`, token.start)
      if (token.type === 'rparen') throw new QueryError("Expected a term before ')'", token.start)
      throw new QueryError(`'${token.type}' needs a term before it`, token.start)
    }
    this.next()
    if (token.type === 'lparen') {
      if (this.peek()?.type === 'rparen') throw new QueryError("Expected a term inside '( )'", this.peek()!.start)
      const inner = this.parseOr('(')
      if (this.peek()?.type !== 'rparen') throw new QueryError("This '(' is never closed", token.start)
      this.next()
      return inner
    }
    if (token.type === 'text') return { type: 'text', phrase: token.phrase, pattern: token.pattern, start: token.start, end: token.end }
    if (token.type === 'field') return fieldNode(token)
    // 'minus' and 'not' are taken by parseUnary.
    throw new QueryError(`Unexpected ${describe(token)}`, token.start)
  }
}

/** Where a node's text ends (and/or nodes end where their last child does). */
function endOf(node: Ast, fallback: number): number {
  if ('end' in node) return node.end
  return node.type === 'all' ? fallback : endOf(node.children[node.children.length - 1], fallback)
}

function flatten(type: 'and' | 'or', children: Ast[]): Ast {
  if (children.length === 1) return children[0]
  const flat: Ast[] = []
  for (const child of children) {
    if (child.type === type) flat.push(...child.children)
    else flat.push(child)
  }
  return { type, children: flat }
}

function fieldNode(token: Extract<Token, { type: 'field' }>): Ast {
  const field: FieldRef = resolveField(token.name)
  const { start, end } = token
  if (token.op === ':') {
    if (!token.quoted && token.pattern.length === 1 && token.pattern[0].kind === 'any') return { type: 'exists', field, start, end }
    return { type: 'match', field, pattern: token.pattern, start, end }
  }
  return compareNode(field, token.op, token.pattern, token.valueStart, start, end)
}

function compareNode(field: FieldRef, op: CompareOp, pattern: PatternPart[], valueStart: number, start: number, end: number): Ast {
  const value = patternLiteral(pattern)
  if (value === null) throw new QueryError(`Wildcards cannot be used with '${op}'`, valueStart)
  if (isEventTime(field)) {
    const instant = parseInstant(value)
    if (!instant) throw new QueryError(`Expected a date such as 2024-03-05 or 2024-03-05T14:30Z after '${field.name}${op}'`, valueStart)
    return { type: 'compare', field, op, value, instant: instant.start, start, end }
  }
  return { type: 'compare', field, op, value, start, end }
}

/** Parses query text; throws QueryError (with the offset) when it does not parse. */
export function parseQuery(text: string): Ast {
  return new Parser(text, tokenize(text)).parse()
}

/** Parses without throwing, for instant feedback while typing. */
export function tryParseQuery(text: string): ParseResult {
  try {
    return { ok: true, ast: parseQuery(text) }
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error }
    throw error
  }
}
