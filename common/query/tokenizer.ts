// Splits query text into tokens. A term is lexed whole here (`field:value`, `field>=value`, a
// bare word or a quoted phrase) because where a value ends depends on how it started: a quoted
// value runs to its closing quote, a bare one to the next space or parenthesis.

import { QueryError, type CompareOp, type PatternPart } from './ast'

export type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; start: number; end: number }
  | { type: 'text'; phrase: boolean; pattern: PatternPart[]; start: number; end: number }
  | {
      type: 'field'
      name: string
      op: ':' | CompareOp
      pattern: PatternPart[]
      /** The value was quoted (so a lone `*` is a pattern, not "present"). */
      quoted: boolean
      valueStart: number
      start: number
      end: number
    }

/** A field name: dotted segments of letters, digits, `_`, `@`, `$` and inner `-`. */
const FIELD = /[A-Za-z_@$][\w@$-]*(?:\.[A-Za-z_@$][\w@$-]*)*(?=:|<|>)/y
/** Words that look like `name:...` but are free text: ARNs and URLs. */
const NOT_A_FIELD = new Set(['arn', 'http', 'https'])
const KEYWORDS = new Set(['and', 'or', 'not'])

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c)
const endsBareWord = (c: string | undefined): boolean => c === undefined || isSpace(c) || c === '(' || c === ')'

/** Adds literal text to a pattern, merging with the previous literal. */
function pushText(parts: PatternPart[], text: string): void {
  const last = parts[parts.length - 1]
  if (last?.kind === 'text') last.text += text
  else parts.push({ kind: 'text', text })
}

function pushWildcard(parts: PatternPart[], kind: 'any' | 'one'): void {
  // `**` means the same as `*`; keeping one makes "is it just `*`?" a simple check.
  if (kind === 'any' && parts[parts.length - 1]?.kind === 'any') return
  parts.push({ kind })
}

interface Lexed {
  pattern: PatternPart[]
  end: number
}

/** A quoted string starting at `start` (the quote). `wildcards` false: `*` and `?` are literal. */
function lexQuoted(text: string, start: number, wildcards: boolean): Lexed {
  const parts: PatternPart[] = []
  let i = start + 1
  while (i < text.length) {
    const c = text[i]
    if (c === '"') {
      if (!endsBareWord(text[i + 1]))
        throw new QueryError('Expected a space or a parenthesis after the closing quote', i + 1)
      if (parts.length === 0) pushText(parts, '')
      return { pattern: parts, end: i + 1 }
    }
    if (c === '\\') {
      if (i + 1 >= text.length) break
      pushText(parts, text[i + 1])
      i += 2
      continue
    }
    if (wildcards && (c === '*' || c === '?')) pushWildcard(parts, c === '*' ? 'any' : 'one')
    else pushText(parts, c)
    i++
  }
  throw new QueryError('This quote is never closed', start)
}

/** A bare word or value from `start` to the next space or parenthesis; `*` and `?` are wildcards. */
function lexBare(text: string, start: number): Lexed {
  const parts: PatternPart[] = []
  let i = start
  while (!endsBareWord(text[i])) {
    const c = text[i]
    if (c === '"') throw new QueryError('A quote cannot start in the middle of a word: quote the whole value', i)
    if (c === '\\') {
      if (i + 1 >= text.length) throw new QueryError('Nothing after the backslash to escape', i)
      pushText(parts, text[i + 1])
      i += 2
    } else {
      if (c === '*' || c === '?') pushWildcard(parts, c === '*' ? 'any' : 'one')
      else pushText(parts, c)
      i++
    }
  }
  return { pattern: parts, end: i }
}

function lexOperator(text: string, i: number): ':' | CompareOp {
  const two = text.slice(i, i + 2)
  if (two === '>=' || two === '<=') return two
  return text[i] as ':' | '>' | '<'
}

/** Lexes one term starting at `start` (not a space, not a parenthesis). */
function lexTerm(text: string, start: number): Token {
  if (text[start] === '"') {
    const { pattern, end } = lexQuoted(text, start, false)
    return { type: 'text', phrase: true, pattern, start, end }
  }
  FIELD.lastIndex = start
  const field = FIELD.exec(text)
  if (field && !NOT_A_FIELD.has(field[0].toLowerCase())) {
    const name = field[0]
    const op = lexOperator(text, start + name.length)
    const valueStart = start + name.length + op.length
    const next = text[valueStart]
    if (endsBareWord(next)) {
      const hint = op === ':' ? ` (${name}:* matches any value; quote values with spaces)` : ''
      throw new QueryError(`Expected a value right after '${name}${op}'${hint}`, valueStart)
    }
    const quoted = next === '"'
    const { pattern, end } = quoted ? lexQuoted(text, valueStart, true) : lexBare(text, valueStart)
    return { type: 'field', name, op, pattern, quoted, valueStart, start, end }
  }
  const { pattern, end } = lexBare(text, start)
  const word = text.slice(start, end)
  if (KEYWORDS.has(word.toLowerCase())) return { type: word.toLowerCase() as 'and' | 'or' | 'not', start, end }
  return { type: 'text', phrase: false, pattern, start, end }
}

/** Tokenizes a whole query; throws QueryError on a lexical error. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  // A `-` only negates at the start of a term: `us-east-1` is one word.
  let termStart = true
  while (i < text.length) {
    const c = text[i]
    if (isSpace(c)) {
      i++
      termStart = true
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 })
      i++
      termStart = true
    } else if (c === '-' && termStart) {
      const next = text[i + 1]
      if (next === undefined || isSpace(next) || next === ')') throw new QueryError("Expected a term right after '-' (it means not)", i + 1)
      tokens.push({ type: 'minus', start: i, end: i + 1 })
      i++
    } else {
      const token = lexTerm(text, i)
      tokens.push(token)
      i = token.end
      termStart = false
    }
  }
  return tokens
}
