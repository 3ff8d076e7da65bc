// Re-indents one JSON text token by token, without JSON.parse/stringify: numbers keep their
// original digits (big integers and 1.0 stay as written), strings keep their escapes, keys keep
// their order (duplicates too). Along the way it notes on which line each member's key landed,
// so the viewer can annotate fields without parsing again. Pure; never recurses (a hostile,
// deeply nested text cannot overflow the stack), and gives up on texts nested deeper than
// MAX_JSON_DEPTH: every line carries one indent per level, so 100,000 levels would make a text
// of some 10^10 characters (the renderer ran out of memory). Those are shown as written.

import { jsonDepth, MAX_JSON_DEPTH } from '../../common/json-depth'
import { childPath } from '../../common/json-walk'

export interface PrettyJson {
  /** The re-indented text; the original text when it could not be re-indented (ok false). */
  text: string
  ok: boolean
  /** Why not: not JSON, or nested deeper than MAX_JSON_DEPTH; null when ok. */
  problem: 'notJson' | 'tooDeep' | null
  /**
   * Each member's JSON path -> the 1-based line of its key. Paths join keys with '.', array
   * elements as [n]: userIdentity.type, resources[0].ARN. The first of duplicate keys wins.
   */
  lines: Map<string, number>
  /** Each scalar member's JSON path -> its value token as written (strings keep their quotes). */
  values: Map<string, string>
  /** 1-based line -> 1-based columns of the key token on that line (for decorations). */
  keyColumns: Map<number, { start: number; end: number }>
  /**
   * 1-based line -> the JSON path of what that line shows: a member (its key's line), an array
   * element that starts the line, or the container a closing bracket ends. For context actions.
   */
  linePaths: Map<number, string>
}

type TokenKind = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'scalar'

interface Token {
  kind: TokenKind
  text: string
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERAL = /true|false|null/y

/** Splits a JSON text into tokens; null when it holds something that is not JSON. */
export function tokenize(source: string): Token[] | null {
  const tokens: Token[] = []
  let i = 0
  const n = source.length
  while (i < n) {
    const c = source.charCodeAt(i)
    // whitespace: space, tab, LF, CR
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++
      continue
    }
    const ch = source[i]
    if (ch === '{' || ch === '}' || ch === '[' || ch === ']' || ch === ':' || ch === ',') {
      tokens.push({ kind: ch, text: ch })
      i++
      continue
    }
    if (ch === '"') {
      let j = i + 1
      for (;;) {
        if (j >= n) return null
        const d = source.charCodeAt(j)
        if (d === 0x22) break // closing quote
        if (d < 0x20) return null // raw control characters (newlines) are not allowed in strings
        j += d === 0x5c ? 2 : 1 // a backslash escapes the next character
      }
      tokens.push({ kind: 'string', text: source.slice(i, j + 1) })
      i = j + 1
      continue
    }
    NUMBER.lastIndex = i
    LITERAL.lastIndex = i
    const match = NUMBER.exec(source) ?? LITERAL.exec(source)
    if (!match) return null
    tokens.push({ kind: 'scalar', text: match[0] })
    i += match[0].length
  }
  return tokens
}

interface Frame {
  kind: '{' | '['
  path: string
  index: number
}

function decodeKey(token: string): string | null {
  try {
    const key: unknown = JSON.parse(token)
    return typeof key === 'string' ? key : null
  } catch {
    return null
  }
}

function failed(source: string, problem: 'notJson' | 'tooDeep' = 'notJson'): PrettyJson {
  return { text: source, ok: false, problem, lines: new Map(), values: new Map(), keyColumns: new Map(), linePaths: new Map() }
}

/** A scalar as a value token (strings quoted), or null for objects and arrays. */
function scalarToken(value: unknown): string | null {
  if (value === null) return 'null'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value)
  return null
}

/**
 * The scalar members of the top two levels (eventName, userIdentity.type...) of a text too deep
 * to lay out, so the viewer's header still names the event. JSON.parse copes with any depth
 * (V8 parses iteratively); only two levels are read from what it returns.
 */
function shallowValues(source: string): Map<string, string> {
  const values = new Map<string, string>()
  let root: unknown
  try {
    root = JSON.parse(source)
  } catch {
    return values
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return values
  for (const [key, value] of Object.entries(root)) {
    const token = scalarToken(value)
    if (token !== null) values.set(key, token)
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        const innerToken = scalarToken(innerValue)
        if (innerToken !== null) values.set(childPath(key, inner), innerToken)
      }
    }
  }
  return values
}

/** Pretty-prints one JSON text with `indent` per level (two spaces by default). */
export function prettyJson(source: string, indent = '  '): PrettyJson {
  // Checked first, on the text: cheaper than tokens, and nothing quadratic gets started.
  if (jsonDepth(source, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH) return { ...failed(source, 'tooDeep'), values: shallowValues(source) }
  const tokens = tokenize(source)
  if (!tokens || tokens.length === 0) return failed(source)

  const out: string[] = []
  let line = ''
  const lines = new Map<string, number>()
  const values = new Map<string, string>()
  const keyColumns = new Map<number, { start: number; end: number }>()
  const linePaths = new Map<number, string>()
  const stack: Frame[] = []
  const newline = (): void => {
    out.push(line)
    line = indent.repeat(stack.length)
  }

  type Expect = 'value' | 'key' | 'colon' | 'after'
  let expect: Expect = 'value'
  let path = ''

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]
    switch (expect) {
      case 'value': {
        // An array element at the start of its line: the line shows it.
        if (path && stack[stack.length - 1]?.kind === '[' && line.trim() === '' && !linePaths.has(out.length + 1)) linePaths.set(out.length + 1, path)
        if (token.kind === '{' || token.kind === '[') {
          const close = token.kind === '{' ? '}' : ']'
          if (tokens[t + 1]?.kind === close) {
            line += token.kind + close
            t++
            expect = 'after'
          } else {
            line += token.kind
            stack.push({ kind: token.kind, path, index: 0 })
            newline()
            if (token.kind === '[') {
              path = childPath(path, 0)
              expect = 'value'
            } else {
              expect = 'key'
            }
          }
        } else if (token.kind === 'string' || token.kind === 'scalar') {
          line += token.text
          if (path && !values.has(path)) values.set(path, token.text)
          expect = 'after'
        } else {
          return failed(source)
        }
        break
      }
      case 'key': {
        if (token.kind !== 'string') return failed(source)
        const key = decodeKey(token.text)
        if (key === null) return failed(source)
        path = childPath(stack[stack.length - 1].path, key)
        const lineNumber = out.length + 1
        if (!lines.has(path)) lines.set(path, lineNumber)
        linePaths.set(lineNumber, path)
        keyColumns.set(lineNumber, { start: line.length + 1, end: line.length + 1 + token.text.length })
        line += token.text
        expect = 'colon'
        break
      }
      case 'colon': {
        if (token.kind !== ':') return failed(source)
        line += ': '
        expect = 'value'
        break
      }
      case 'after': {
        const frame = stack[stack.length - 1]
        if (!frame) return failed(source) // something after the top-level value
        if (token.kind === ',') {
          line += ','
          newline()
          if (frame.kind === '{') {
            expect = 'key'
          } else {
            frame.index++
            path = childPath(frame.path, frame.index)
            expect = 'value'
          }
        } else if ((token.kind === '}' && frame.kind === '{') || (token.kind === ']' && frame.kind === '[')) {
          stack.pop()
          newline()
          line += token.kind
          if (frame.path) linePaths.set(out.length + 1, frame.path)
          path = frame.path
          expect = 'after'
        } else {
          return failed(source)
        }
        break
      }
    }
  }
  if (expect !== 'after' || stack.length > 0) return failed(source)
  out.push(line)
  return { text: out.join('\n'), ok: true, problem: null, lines, values, keyColumns, linePaths }
}

/** The value of a JSON string token, or null when the token is not a string. */
export function stringValue(token: string | undefined): string | null {
  if (token === undefined || !token.startsWith('"')) return null
  return decodeKey(token)
}

/** Each pretty-printed event's path -> line table (lineOfPath), built once per event. */
const pathLines = new WeakMap<PrettyJson, Map<string, number>>()

/**
 * The line that shows a member's or an array element's path: a member's key line (`lines`), else
 * the first line an element starts (`linePaths`); null when the event has no such path.
 */
export function lineOfPath(pretty: PrettyJson, path: string): number | null {
  let byPath = pathLines.get(pretty)
  if (!byPath) {
    byPath = new Map(pretty.lines)
    for (const [line, shown] of pretty.linePaths) if (!byPath.has(shown)) byPath.set(shown, line)
    pathLines.set(pretty, byPath)
  }
  return byPath.get(path) ?? null
}

/** The JSON path a line shows (see linePaths); the nearest line above for lines without one. */
export function pathAtLine(pretty: PrettyJson, line: number): string | null {
  for (let l = line; l >= 1; l--) {
    const path = pretty.linePaths.get(l)
    if (path !== undefined) return path
  }
  return null
}

/** A scalar token as text: strings decoded, numbers and true/false as written, null as null. */
export function scalarText(token: string | undefined): string | null {
  if (token === undefined || token === 'null') return null
  if (token.startsWith('"')) return stringValue(token)
  return token
}
