// Which rules can match an event, from its key columns alone (eventName, eventSource, errorCode,
// userIdentity.type: few distinct values each, and few combinations in a trail): found once per
// distinct combination and kept, so that per event a rule set of a thousand rules shrinks to the
// handful that name this call (most rules pin `eventName: X`, a few pin only an eventSource,
// fewer pin neither: those are settled by the other keys, `userIdentity.type: Root` or
// `errorCode: AccessDenied`, so that they too run only on the events that may match). Each
// candidate keeps only what the keys leave of its tree (`eventName: X and errorCode|exists:
// false` becomes the errorCode test when the event has none as text), cheapest tests first, and
// a rule the keys alone make match (nothing but `eventName: X`) matches without reading anything
// else.

import { FALSE, TRUE, UNKNOWN, type Tri } from './evaluate-tree'
import type { RuleSet } from './rule-set'
import type { DetectionRule, Node } from './compile-rule'
import type { Leaf } from './value-matchers'

/** The first columns of MATCH_COLUMNS (match-columns.ts) that candidates are found by. */
export const KEY_COLUMNS = 4

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

/** The rules an event of one (eventName, eventSource) may match. */
export interface Candidates {
  /** Rule indexes, ascending. */
  rules: Int32Array
  /**
   * Per entry of `rules`: what remains of its tree once the pair is known (the tests on the
   * pair folded away), or null when the pair alone makes the rule match.
   */
  trees: (Node | null)[]
}

/** `node` with the leaves `known` settles folded away: TRUE, FALSE, or the tree that remains. */
export function fold(node: Node, known: (leaf: Leaf) => Tri): Node | typeof TRUE | typeof FALSE {
  switch (node.t) {
    case 'leaf': {
      const v = known(node.leaf)
      return v === UNKNOWN ? node : v
    }
    case 'not': {
      const item = fold(node.item, known)
      return item === TRUE ? FALSE : item === FALSE ? TRUE : { t: 'not', item }
    }
    case 'and':
    case 'or': {
      const settles = node.t === 'and' ? FALSE : TRUE
      const items: Node[] = []
      for (const item of node.items) {
        const f = fold(item, known)
        if (f === settles) return settles
        if (f !== TRUE && f !== FALSE) items.push(f)
      }
      if (items.length === 0) return node.t === 'and' ? TRUE : FALSE
      return items.length === 1 ? items[0] : { t: node.t, items }
    }
    case 'of': {
      let yes = 0
      const items: Node[] = []
      for (const item of node.items) {
        const f = fold(item, known)
        if (f === TRUE) yes++
        else if (f !== FALSE) items.push(f)
      }
      if (yes >= node.n) return TRUE
      if (yes + items.length < node.n) return FALSE
      return { t: 'of', n: node.n - yes, items }
    }
  }
}

/** What a test costs: 0 a column (by code), 1 a field read from the bytes, 2 a parse (keywords, fieldref). */
function cost(node: Node): number {
  switch (node.t) {
    case 'leaf': return node.leaf.column >= 0 && !node.leaf.needsEvent ? 0 : node.leaf.field === null || node.leaf.needsEvent ? 2 : 1
    case 'not': return cost(node.item)
    default: return Math.max(...node.items.map(cost))
  }
}

/**
 * The same tree with the cheapest items of each and/or/of first: evaluation stops at the first
 * item that settles it, so a column test that fails spares reading the event at all. (Items
 * have no effects, and three-valued and/or/of do not depend on order.)
 */
export function cheapestFirst(node: Node): Node {
  switch (node.t) {
    case 'leaf': return node
    case 'not': return { t: 'not', item: cheapestFirst(node.item) }
    default: {
      const items = node.items.map(cheapestFirst).map((item) => ({ item, cost: cost(item) }))
      items.sort((a, b) => a.cost - b.cost)
      return { ...node, items: items.map((i) => i.item) }
    }
  }
}

export class RuleIndex {
  /** Rules that pin their eventName, by (lowercased) name. */
  private byPinnedName = new Map<string, number[]>()
  /** Rules that do not. */
  private unpinned: number[] = []
  private allPinned: number[]
  private byKeys = new Map<string, Candidates>()

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
    this.allPinned = [...new Set([...this.byPinnedName.values()].flat())]
  }

  /**
   * The rules that may match an event whose key columns (KEY_COLUMNS: MATCH_COLUMNS 0 to 3)
   * hold these values ('': absent or not text, so unknown until the event is read). Found in
   * two steps, each kept: the rules of the (eventName, eventSource) pair, folded and ordered
   * once per pair, then what errorCode and userIdentity.type leave of the few trees that test
   * them (a trail has a few hundred pairs but thousands of combinations of the four).
   */
  candidates(keys: readonly string[]): Candidates {
    const key = keys.join('\n')
    let found = this.byKeys.get(key)
    if (found) return found
    const pair = this.pairCandidates(keys[0], keys[1])
    found = keys[2] === '' && keys[3] === '' ? pair : this.narrowed(pair, keys)
    this.byKeys.set(key, found)
    return found
  }

  private pairCandidates(name: string, source: string): Candidates {
    const key = `${name}\n${source}\n\n`
    let found = this.byKeys.get(key)
    if (found) return found
    const pinned = name === '' ? this.allPinned : (this.byPinnedName.get(name.toLowerCase()) ?? [])
    const rules: number[] = []
    const trees: (Node | null)[] = []
    const known = knownFrom([name, source, '', ''])
    for (const r of [...pinned, ...this.unpinned].sort((a, b) => a - b)) {
      const tree = fold((this.set.rules[r] as DetectionRule).root, known)
      if (tree === FALSE) continue
      rules.push(r)
      trees.push(tree === TRUE ? null : cheapestFirst(tree))
    }
    found = { rules: Int32Array.from(rules), trees }
    this.byKeys.set(key, found)
    return found
  }

  /** The pair's candidates with the other key columns known too. */
  private narrowed(pair: Candidates, keys: readonly string[]): Candidates {
    const known = knownFrom(keys)
    const rules: number[] = []
    const trees: (Node | null)[] = []
    pair.rules.forEach((r, k) => {
      const tree = pair.trees[k]
      const folded = tree === null ? TRUE : testsKeys(tree) ? fold(tree, known) : tree
      if (folded === FALSE) return
      rules.push(r)
      trees.push(folded === TRUE ? null : folded)
    })
    return { rules: Int32Array.from(rules), trees }
  }
}

/** What the key columns' values settle of a leaf ('' settles nothing: absent or not text). */
function knownFrom(keys: readonly string[]): (leaf: Leaf) => Tri {
  return (leaf) => {
    if (leaf.needsEvent || leaf.column < 0 || leaf.column >= KEY_COLUMNS) return UNKNOWN
    const value = keys[leaf.column]
    if (value === '') return UNKNOWN
    return leaf.test([value], undefined) ? TRUE : FALSE
  }
}

/** Whether a tree tests a key column (only those are folded again per combination). */
function testsKeys(node: Node): boolean {
  switch (node.t) {
    case 'leaf': return !node.leaf.needsEvent && node.leaf.column >= 0 && node.leaf.column < KEY_COLUMNS
    case 'not': return testsKeys(node.item)
    default: return node.items.some(testsKeys)
  }
}
