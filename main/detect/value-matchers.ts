// One field test of a Sigma selection (`field|mod|mod: value or [values]`) compiled into a
// predicate over the field's values in an event. Strings compare case-insensitively unless
// `|cased` (as the Sigma specification says), with `*`/`?` wildcards; `|re` is case-sensitive
// unless `|i`. Logs are hostile: wildcards never backtrack exponentially (glob-match.ts), and a
// regular expression is tested on at most the first MAX_RE_SUBJECT characters of a value, and
// refused when it nests quantifiers (the shape that backtracks catastrophically).

import { parseGlob, wrapGlob, lowerGlob, globMatch, type GlobPattern } from './glob-match'
import { parseCidr, inNetwork, type Network } from './cidr'
import { textOf, splitPath, valuesAt } from './field-values'
import { columnOf } from './match-columns'
import { pathBytes } from './byte-path'

/** A `|re` regular expression sees at most this many characters of a value. */
export const MAX_RE_SUBJECT = 2048

export interface Leaf {
  /** 'field|mods' as written, for messages. */
  spec: string
  /** The field (null: a keyword, searched in every string of the event). */
  field: string | null
  path: string[]
  /** `path` as bytes, for reading the field without parsing the event (byte-path.ts). */
  bytePath: Uint8Array[]
  /** The last key of the path: absent from an event's text means absent from the event. */
  key: string
  /** Whether the test needs other fields of the event (`|fieldref`): never decided from one column. */
  needsEvent: boolean
  test(values: unknown[], event: unknown): boolean
  /** Texts one of which the event's JSON must contain for the test to hold (a byte prefilter). */
  needles?: Needle[]
  /** Plain case-insensitive equality to these (lowercased) values and nothing else: indexable. */
  literals?: string[]
  /** The store column holding this field's value (an index in MATCH_COLUMNS), or -1. */
  column: number
  /** Results by the column's dictionary code, filled as met (the matcher clears it per store). */
  memo: Map<number, boolean>
  /** Results by value, for single short string values (the matcher fills and bounds it). */
  valueMemo: Map<string, boolean>
  /** The field's number among those a matcher reads (set by the matcher; -1 before). */
  slot: number
  /** The test's number among the distinct tests of a matcher's rules (set by the matcher; -1 before). */
  serial: number
}

type ValueTest = (text: string) => boolean

/** A text searched in an event's text: printable ASCII; `lowerText` is its lowercase. */
export interface Needle {
  text: string
  caseless: boolean
  lowerText: string
}

/**
 * A needle for `text`: its longest piece of printable ASCII without the characters JSON must
 * escape (" and \\): any piece of a matching value appears as is in the event's text when the
 * text holds no backslash (the matcher uses needles only then, so `/`, which JSON may write as
 * \\/, is kept: `:assumed-role/aws:` rules out far more events than `:assumed-role`). Null when
 * no piece of 3 characters exists, or the text looks like a number (1000 may be written 1e3).
 */
export function needleOf(text: string, caseless: boolean): Needle | null {
  if (/^[-+0-9.eE]+$/.test(text)) return null
  const piece = text.split(/[^\x20-\x7e]|["\\]/).reduce((a, b) => (b.length > a.length ? b : a), '')
  if (piece.length < 3) return null
  return { text: piece, caseless, lowerText: caseless ? piece.toLowerCase() : piece }
}

/** The longest run of literal characters every match of a regular expression must contain. */
export function requiredLiteral(source: string): string | null {
  if (/[|]/.test(source.replace(/\\./g, ''))) return null
  let best = ''
  let run = ''
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    let literal: string | null = null
    if (c === '\\' && i + 1 < source.length && /[^A-Za-z0-9]/.test(source[i + 1])) literal = source[++i]
    else if (!'\\^$.*+?()[]{}|'.includes(c)) literal = c
    const next = source[i + 1]
    if (literal !== null && next !== '*' && next !== '?' && next !== '{') {
      run += literal
      if (next === '+') { if (run.length > best.length) best = run; run = '' }
    } else {
      if (run.length > best.length) best = run
      run = ''
      if (c === '(' || c === '[') return best.length >= 3 ? best : null
    }
  }
  if (run.length > best.length) best = run
  return best.length >= 3 ? best : null
}

const base64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

/** The three encodings of `value` at byte offsets 0, 1, 2 (as Sigma's base64offset defines them). */
function base64Offsets(value: string): string[] {
  const starts = [0, 2, 3]
  const ends = [undefined, -3, -2]
  const length = Buffer.byteLength(value)
  return [0, 1, 2].map((i) => base64(' '.repeat(i) + value).slice(starts[i], ends[(length + i) % 3]))
}

/** Windows' dash variants of a command-line flag: -x, /x, and the Unicode dashes. */
function windash(value: string): string[] {
  if (!value.includes('-')) return [value]
  return ['-', '/', '\u2013', '\u2014', '\u2015'].map((dash) => value.replaceAll('-', dash))
}

/** Refuses patterns whose quantified group itself contains a quantifier or alternation. */
export function unsafeRegexReason(source: string): string | null {
  const stack: { risky: boolean }[] = []
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      // Skip a character class.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++
      continue
    }
    if (c === '(') stack.push({ risky: false })
    else if (c === ')') {
      const group = stack.pop()
      const next = source[i + 1]
      const quantified = next === '*' || next === '+' || next === '{'
      if (group?.risky && quantified) return 'regular expression with a quantified group that repeats or alternates inside (catastrophic backtracking on hostile input)'
      if (group?.risky && stack.length > 0) stack[stack.length - 1].risky = true
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && stack.length > 0) stack[stack.length - 1].risky = true
  }
  return null
}

function numberOf(text: string): number {
  return text.trim() === '' ? NaN : Number(text)
}

/** Compiles `field|mods` with its values; a string is the reason it cannot be evaluated. */
export function compileLeaf(fieldSpec: string | null, raw: unknown): Leaf | string {
  const parts = fieldSpec === null ? [] : fieldSpec.split('|')
  const field = fieldSpec === null ? null : parts[0]
  const mods = parts.slice(1)
  const has = (m: string): boolean => mods.includes(m)
  const known = new Set(['contains', 'startswith', 'endswith', 'all', 're', 'i', 'm', 's', 'cidr', 'exists', 'gt', 'gte', 'lt', 'lte', 'fieldref', 'base64', 'base64offset', 'windash', 'cased'])
  for (const m of mods) {
    if (!known.has(m)) return `modifier |${m} is not supported (${['utf16', 'utf16le', 'utf16be', 'wide'].includes(m) ? 'Windows text encodings do not occur in CloudTrail' : m === 'expand' ? 'placeholders need a pipeline configuration' : 'unknown modifier'})`
  }
  if (field === '') return 'empty field name'
  const path = field === null ? [] : splitPath(field)
  const values = Array.isArray(raw) ? raw : [raw]
  for (const v of values) {
    if (v !== null && typeof v === 'object') return `value of ${fieldSpec} is a ${Array.isArray(v) ? 'nested list' : 'map'}, not a scalar`
  }
  const all = has('all')
  const leaf = (test: Leaf['test'], needsEvent = false): Leaf => ({
    spec: fieldSpec ?? '(keywords)',
    field,
    path,
    bytePath: pathBytes(path),
    key: path[path.length - 1] ?? '',
    needsEvent,
    test,
    column: fieldSpec === null ? -1 : columnOf(field!),
    memo: new Map(),
    valueMemo: new Map(),
    slot: -1,
    serial: -1,
  })

  if (has('exists')) {
    const want = values[0] === true || String(values[0]).toLowerCase() === 'true'
    return leaf((vals) => vals.some((v) => v !== null) === want)
  }
  if (has('fieldref')) {
    const others = values.map((v) => splitPath(String(v)))
    const cased = has('cased')
    const norm = (t: string): string => (cased ? t : t.toLowerCase())
    const matches = (vals: unknown[], event: unknown, other: string[]): boolean => {
      const wanted = new Set(valuesAt(event, other).map(textOf).filter((t): t is string => t !== null).map(norm))
      return vals.some((v) => {
        const t = textOf(v)
        return t !== null && wanted.has(norm(t))
      })
    }
    return leaf((vals, event) => (all ? others.every((o) => matches(vals, event, o)) : others.some((o) => matches(vals, event, o))), true)
  }

  let tests: ValueTest[]
  let nullWanted = false
  /** Per value, a text the event must contain for it to match (null: no such text known). */
  let needleTexts: { text: string; caseless: boolean }[] | null = null
  const scalars = values.filter((v) => {
    if (v === null) nullWanted = true
    return v !== null
  })
  const numeric = ['gt', 'gte', 'lt', 'lte'].find(has)
  if (numeric) {
    tests = []
    for (const v of scalars) {
      const limit = Number(v)
      if (!Number.isFinite(limit)) return `|${numeric} needs a number, not ${JSON.stringify(v)}`
      const cmp = { gt: (n: number) => n > limit, gte: (n: number) => n >= limit, lt: (n: number) => n < limit, lte: (n: number) => n <= limit }[numeric]!
      tests.push((t) => cmp(numberOf(t)))
    }
  } else if (has('cidr')) {
    const networks: Network[] = []
    for (const v of scalars) {
      const network = parseCidr(String(v))
      if (!network) return `|cidr: ${JSON.stringify(v)} is not a network`
      networks.push(network)
    }
    tests = networks.map((n) => (t: string) => inNetwork(n, t))
  } else if (has('re')) {
    tests = []
    const flags = `${has('i') ? 'i' : ''}${has('m') ? 'm' : ''}${has('s') ? 's' : ''}`
    for (const v of scalars) {
      const source = String(v)
      const unsafe = unsafeRegexReason(source)
      if (unsafe) return `${fieldSpec}: ${unsafe}`
      let re: RegExp
      try {
        re = new RegExp(source, flags)
      } catch (error) {
        return `${fieldSpec}: invalid regular expression (${(error as Error).message})`
      }
      // A text without the literal every match contains cannot match: one substring search
      // instead of a backtracking run (`.+:assumed-role/aws:.+` on every ARN of a trail).
      const literal = has('i') ? null : requiredLiteral(source)
      const subject = (t: string): string => (t.length > MAX_RE_SUBJECT ? t.slice(0, MAX_RE_SUBJECT) : t)
      tests.push(literal === null ? (t) => re.test(subject(t)) : (t) => t.includes(literal) && re.test(subject(t)))
    }
    const literals = scalars.map((v) => requiredLiteral(String(v)))
    if (!has('i') && literals.every((l) => l !== null)) needleTexts = literals.map((text) => ({ text: text!, caseless: false }))
  } else {
    // Wildcard strings: base64 encodings are case-sensitive by nature, so they keep case.
    const encoded = has('base64') || has('base64offset')
    const cased = has('cased') || encoded
    const before = has('contains') || has('endswith') || field === null
    const after = has('contains') || has('startswith') || field === null
    tests = []
    if (!encoded && !has('windash') && scalars.every((v) => !/[*?\\]/.test(String(v)))) needleTexts = scalars.map((v) => ({ text: String(v), caseless: !cased }))
    for (const v of scalars) {
      const variants: string[][] = []
      for (const text of has('windash') ? windash(String(v)) : [String(v)]) {
        if (has('base64offset')) variants.push(base64Offsets(text))
        else if (has('base64')) variants.push([base64(text)])
        else variants.push([text])
      }
      // One value's variants are alternatives (any), even under |all.
      const globs: GlobPattern[] = variants.flat().map((text) => {
        // Encoded text has no wildcards of its own: escape what base64 cannot contain anyway.
        const glob = encoded ? { chars: text, wild: new Uint8Array(text.length), literal: true } : parseGlob(text)
        const wrapped = before || after ? wrapGlob(glob, before, after) : glob
        return cased ? wrapped : lowerGlob(wrapped)
      })
      tests.push(cased ? (t) => globs.some((g) => globMatch(g, t)) : (t) => {
        const lower = t.toLowerCase()
        return globs.some((g) => globMatch(g, lower))
      })
    }
  }

  const plain = mods.length === 0 && !nullWanted && scalars.length > 0 && scalars.every((v) => !/[*?\\]/.test(String(v)))
  const texts = (vals: unknown[]): string[] => vals.map(textOf).filter((t): t is string => t !== null)
  const nullMatch = (vals: unknown[]): boolean => nullWanted && (vals.length === 0 || vals.some((v) => v === null))
  if (field === null) {
    // Keywords: any string anywhere in the event contains the value.
    const keywordTests = tests
    return leaf((_vals, event) => {
      const strings: string[] = []
      collectStrings(event, strings, 0)
      const one = (test: ValueTest): boolean => strings.some((s) => test(s))
      return all ? keywordTests.every(one) : keywordTests.some(one)
    }, true)
  }
  const compiled = leaf((vals) => {
    if (nullMatch(vals)) return true
    if (tests.length === 0) return false
    const ts = texts(vals)
    const one = (test: ValueTest): boolean => ts.some((t) => test(t))
    return all ? tests.every(one) : tests.some(one)
  })
  if (plain) compiled.literals = scalars.map((v) => String(v).toLowerCase())
  if (needleTexts && !nullWanted && needleTexts.length > 0) {
    const needles = needleTexts.map((t) => needleOf(t.text, t.caseless))
    if (needles.every((n) => n !== null)) compiled.needles = needles as Needle[]
  }
  return compiled
}

function collectStrings(node: unknown, out: string[], depth: number): void {
  if (depth > 32) return
  if (typeof node === 'string') out.push(node)
  else if (Array.isArray(node)) for (const item of node) collectStrings(item, out, depth + 1)
  else if (node !== null && typeof node === 'object') for (const value of Object.values(node)) collectStrings(value, out, depth + 1)
}
