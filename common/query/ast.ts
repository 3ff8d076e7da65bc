// The typed tree a filter query parses to (see docs/query-language.md). Pure data: the renderer
// uses it for instant syntax feedback, main evaluates it over the loaded set. Every node that
// came from text carries its [start, end) offsets so an editor can point at it.

/** A piece of a value: literal text (as typed, not lower-cased), `*` (any run) or `?` (one character). */
export type PatternPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' }

export type CompareOp = '>' | '>=' | '<' | '<='

/** A field as written in the query, resolved through the short names. */
export interface FieldRef {
  /** As typed, e.g. `user` or `requestParameters.bucketName`. */
  name: string
  /**
   * The dotted path into the event, lower-cased segment by segment (field names are
   * case-insensitive): `event` → ['eventname']. Empty for the short names that stand for
   * several fields at once (`special`).
   */
  path: string[]
  /** Short names that are not one path: `user`, `account`, `resourceName`. */
  special?: SpecialField
}

export type SpecialField = 'user' | 'account' | 'resourceName' | 'integrity' | 'origin' | 'chain' | 'session' | 'detection' | 'level'

interface Span {
  start: number
  end: number
}

/** The empty query: every event. */
export interface AllNode {
  type: 'all'
}

export interface AndNode {
  type: 'and'
  children: Ast[]
}

export interface OrNode {
  type: 'or'
  children: Ast[]
}

export interface NotNode extends Span {
  type: 'not'
  child: Ast
}

/** Free text: anywhere in the event's JSON, case-insensitive. */
export interface TextNode extends Span {
  type: 'text'
  /** A quoted phrase is literal (no wildcards); a bare word may hold `*` and `?`. */
  phrase: boolean
  pattern: PatternPart[]
}

/** `field:value` — the whole value, case-insensitive, with wildcards. */
export interface MatchNode extends Span {
  type: 'match'
  field: FieldRef
  pattern: PatternPart[]
}

/** `field:*` — present and not null. */
export interface ExistsNode extends Span {
  type: 'exists'
  field: FieldRef
}

/** `field>value` and friends. */
export interface CompareNode extends Span {
  type: 'compare'
  field: FieldRef
  op: CompareOp
  /** The value as typed (unquoted, unescaped). */
  value: string
  /** For eventTime: the instant the value stands for (ms since the epoch, UTC). */
  instant?: number
}

export type Ast = AllNode | AndNode | OrNode | NotNode | TextNode | MatchNode | ExistsNode | CompareNode

/** A syntax error: what is wrong and the offset in the query text where it is. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message)
    this.name = 'QueryError'
  }

  /** The plain shape that crosses IPC ({message, position}). */
  toJSON(): { message: string; position: number } {
    return { message: this.message, position: this.position }
  }
}

/** The literal a pattern stands for when it has no wildcard, else null. */
export function patternLiteral(pattern: readonly PatternPart[]): string | null {
  let out = ''
  for (const part of pattern) {
    if (part.kind !== 'text') return null
    out += part.text
  }
  return out
}

/** The pattern back as query text (wildcards bare, literal `*`, `?`, `\` and `"` escaped). */
export function patternSource(pattern: readonly PatternPart[]): string {
  return pattern.map((part) => (part.kind === 'any' ? '*' : part.kind === 'one' ? '?' : part.text.replace(/[\\*?"]/g, '\\$&'))).join('')
}
