// Runs every detection rule over a run of events, cheaply first: the rules that can match an
// eventName are found once per name (an index from eventName to rules, built as names are met),
// then each candidate rule is settled from the indexed columns if it can be, then by checking
// that a field's key does not occur in the event's bytes at all, and only then by parsing the
// event's JSON — once per event, whatever the number of rules that need it.

import { evaluateTree, FALSE, TRUE, UNKNOWN, type Tri } from './evaluate-tree'
import { valuesAt, textOf } from './field-values'
import type { RuleSet } from './rule-set'
import type { DetectionRule, Node } from './compile-rule'
import type { Leaf, Needle } from './value-matchers'

/**
 * Fields the store keeps as columns holding the field's raw value (as text), so a test on them
 * needs no parsing: the Sigma field, and the store column. '' in a column means absent or not
 * text (then the event is parsed to know).
 */
export const MATCH_COLUMNS = [
  ['eventName', 'eventName'],
  ['eventSource', 'eventSource'],
  ['errorCode', 'errorCode'],
  ['userIdentity.type', 'identityType'],
  ['sourceIPAddress', 'sourceIp'],
  ['awsRegion', 'region'],
  ['eventType', 'eventType'],
  ['userIdentity.accessKeyId', 'accessKey'],
  ['userIdentity.principalId', 'principalId'],
] as const
const COLUMN_OF = new Map<string, number>(MATCH_COLUMNS.map(([field], c) => [field, c]))

/** The events a matcher reads: columns by position, and each event's JSON bytes. */
export interface EventView {
  count: number
  /** The store's event id of position i. */
  id(i: number): number
  /** MATCH_COLUMNS[c]'s raw value for event i. */
  column(i: number, c: number): string
  bytes(i: number): Uint8Array
}

/** A match of a detection rule; `fields` are the values a correlation groups or counts by. */
export interface Hit {
  rule: number
  id: number
  fields?: string[]
}

const decoder = new TextDecoder()

/**
 * The eventNames (lowercased) a rule can match at most, from `eventName: X` (or a list) that
 * every match must satisfy; null when the rule does not pin its eventName that way.
 */
export function pinnedNames(node: Node): Set<string> | null {
  switch (node.t) {
    case 'leaf':
      return node.leaf.field === 'eventName' && node.leaf.literals ? new Set(node.leaf.literals) : null
    case 'not':
      return null
    case 'and': {
      let best: Set<string> | null = null
      for (const item of node.items) {
        const names = pinnedNames(item)
        if (names && (!best || names.size < best.size)) best = names
      }
      return best
    }
    case 'or':
    case 'of': {
      if (node.t === 'of' && node.n < 1) return null
      const union = new Set<string>()
      for (const item of node.items) {
        const names = pinnedNames(item)
        if (!names) return null
        for (const n of names) union.add(n)
      }
      return union
    }
  }
}

/** Whether `bytes` contain the needle; ASCII letters compared caselessly when it says so. */
function contains(bytes: Buffer, needle: Needle): boolean {
  if (!needle.caseless) return bytes.indexOf(needle.text) >= 0
  const n = needle.lower
  const first = n[0]
  const firstUpper = needle.upper[0]
  const last = bytes.length - n.length
  outer: for (let i = 0; i <= last; i++) {
    const b = bytes[i]
    if (b !== first && b !== firstUpper) continue
    for (let k = 1; k < n.length; k++) {
      const c = bytes[i + k]
      if (c !== n[k] && c !== needle.upper[k]) continue outer
    }
    return true
  }
  return false
}

export class EventMatcher {
  /** Rules that pin their eventName, by (lowercased) name: the index most rules are found by. */
  private byPinnedName = new Map<string, number[]>()
  /** Rules that do not: settled per name in three-valued logic. */
  private unpinned: number[] = []
  private byName = new Map<string, Int32Array>()

  constructor(private readonly set: RuleSet) {
    set.rules.forEach((rule, i) => {
      if (rule.kind !== 'detection') return
      const names = pinnedNames(rule.root)
      if (!names) this.unpinned.push(i)
      else for (const name of names) {
        let list = this.byPinnedName.get(name)
        if (!list) this.byPinnedName.set(name, (list = []))
        list.push(i)
      }
    })
  }

  private rule(i: number): DetectionRule {
    return this.set.rules[i] as DetectionRule
  }

  /** The rules that may match an event with this eventName ('' : unknown, every rule may). */
  candidates(name: string): Int32Array {
    let found = this.byName.get(name)
    if (!found) {
      const known = (leaf: Leaf): Tri => {
        if (name === '' || leaf.field !== 'eventName' || leaf.needsEvent) return UNKNOWN
        return this.columnTest(leaf, name)
      }
      const pinned = name === '' ? [...new Set([...this.byPinnedName.values()].flat())] : (this.byPinnedName.get(name.toLowerCase()) ?? [])
      const others = this.unpinned.filter((r) => evaluateTree(this.rule(r).root, known) !== FALSE)
      found = Int32Array.from([...pinned, ...others].sort((a, b) => a - b))
      this.byName.set(name, found)
    }
    return found
  }

  private columnTest(leaf: Leaf, value: string): Tri {
    let result = leaf.memo.get(value)
    if (result === undefined) {
      result = leaf.test([value], undefined)
      leaf.memo.set(value, result)
    }
    return result ? TRUE : FALSE
  }

  /** Every match in `view`, in position order. */
  match(view: EventView): Hit[] {
    const hits: Hit[] = []
    let current = -1
    let buffer: Buffer | null = null
    let escaped = false
    let parsed: unknown = undefined
    let absentKeys = new Map<string, boolean>()

    const columnLeaf = (leaf: Leaf): Tri => {
      if (leaf.needsEvent || leaf.field === null) return UNKNOWN
      const c = COLUMN_OF.get(leaf.field)
      if (c === undefined) return UNKNOWN
      const value = view.column(current, c)
      return value === '' ? UNKNOWN : this.columnTest(leaf, value)
    }
    // A key that never occurs in the bytes (as "key") is absent from the event, and a value
    // none of whose needles occurs cannot match — unless the text has a backslash, since an
    // escape could spell a key or a value differently.
    const absent = (key: string): boolean => {
      let result = absentKeys.get(key)
      if (result === undefined) {
        const bytes = view.bytes(current)
        buffer ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        result = !escaped && buffer.indexOf(`"${key}"`) < 0
        absentKeys.set(key, result)
      }
      return result
    }
    const cheapLeaf = (leaf: Leaf): Tri => {
      const v = columnLeaf(leaf)
      if (v !== UNKNOWN || leaf.field === null || leaf.needsEvent) return v
      if (absent(leaf.key)) return leaf.test([], undefined) ? TRUE : FALSE
      if (leaf.needles && !escaped && !leaf.needles.some((n) => contains(buffer!, n))) return FALSE
      return UNKNOWN
    }
    const event = (): unknown => {
      if (parsed === undefined) parsed = JSON.parse(decoder.decode(view.bytes(current)))
      return parsed
    }
    const fullLeaf = (leaf: Leaf): Tri => {
      const v = columnLeaf(leaf)
      if (v !== UNKNOWN) return v
      const e = event()
      return leaf.test(leaf.field === null ? [] : valuesAt(e, leaf.path), e) ? TRUE : FALSE
    }

    for (let i = 0; i < view.count; i++) {
      const rules = this.candidates(view.column(i, 0))
      if (rules.length === 0) continue
      current = i
      buffer = null
      parsed = undefined
      absentKeys = new Map()
      escaped = false
      let escapeChecked = false
      for (let k = 0; k < rules.length; k++) {
        const r = rules[k]
        const root = this.rule(r).root
        let v = evaluateTree(root, columnLeaf)
        if (v === UNKNOWN) {
          if (!escapeChecked) {
            const bytes = view.bytes(i)
            buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
            // A backslash (an escape), or the two characters whose lowercase is ASCII (the Kelvin
            // sign and a dotted capital I): the bytes may then not show what the values say.
            escaped = buffer.indexOf(0x5c) >= 0 || buffer.indexOf('\u212a') >= 0 || buffer.indexOf('\u0130') >= 0
            escapeChecked = true
          }
          v = evaluateTree(root, cheapLeaf)
          if (v === UNKNOWN) {
            try {
              v = evaluateTree(root, fullLeaf)
            } catch {
              // Text that is not JSON cannot have been stored; if it ever is, it matches nothing.
              v = FALSE
            }
          }
        }
        if (v !== TRUE) continue
        const carried = this.set.carried[r]
        if (carried.length === 0) hits.push({ rule: r, id: view.id(i) })
        else {
          const e = event()
          hits.push({ rule: r, id: view.id(i), fields: carried.map((f) => textOf(valuesAt(e, f.split('.')).find((x) => x !== null)) ?? '') })
        }
      }
    }
    return hits
  }
}
