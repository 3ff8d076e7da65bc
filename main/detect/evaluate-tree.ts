// A rule's detection tree evaluated in three-valued (Kleene) logic: each field test is true,
// false or not yet known. Knowing only the indexed columns (eventName, eventSource, errorCode)
// often settles a rule without parsing the event: `eventName: CreateUser and ...` is false for
// every other eventName. Unknown stays unknown through `not`; `and` is false once any item is.

import type { Node } from './compile-rule'
import type { Leaf } from './value-matchers'

export const FALSE = 0
export const TRUE = 1
export const UNKNOWN = 2
export type Tri = 0 | 1 | 2

export function evaluateTree(node: Node, leaf: (leaf: Leaf) => Tri): Tri {
  switch (node.t) {
    case 'leaf':
      return leaf(node.leaf)
    case 'not': {
      const v = evaluateTree(node.item, leaf)
      return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE
    }
    case 'and': {
      let unknown = false
      for (const item of node.items) {
        const v = evaluateTree(item, leaf)
        if (v === FALSE) return FALSE
        if (v === UNKNOWN) unknown = true
      }
      return unknown ? UNKNOWN : TRUE
    }
    case 'or': {
      let unknown = false
      for (const item of node.items) {
        const v = evaluateTree(item, leaf)
        if (v === TRUE) return TRUE
        if (v === UNKNOWN) unknown = true
      }
      return unknown ? UNKNOWN : FALSE
    }
    case 'of': {
      let yes = 0
      let maybe = 0
      for (const item of node.items) {
        const v = evaluateTree(item, leaf)
        if (v === TRUE) yes++
        else if (v === UNKNOWN) maybe++
      }
      return yes >= node.n ? TRUE : yes + maybe < node.n ? FALSE : UNKNOWN
    }
  }
}
