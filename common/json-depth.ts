// How deep into an event's JSON anything looks. An event may be nested 100,000 levels deep
// (JSON.parse copes: V8 parses iteratively), but recursive walkers would overflow the stack and
// pretty-printing would grow quadratically (one indent per level on every line). So every walker
// of event JSON is iterative and stops at this depth: queries treat what lies deeper as absent,
// and the viewer shows an event deeper than this as its raw text, with a notice.
//
// Real CloudTrail events are under 15 levels deep; policies and templates inside
// requestParameters add a few more. 1000 leaves plenty of room and keeps a pretty-printed
// event of that depth around a few megabytes.

/** The deepest nesting walked: a value inside more containers than this counts as absent. */
export const MAX_JSON_DEPTH = 1000

/**
 * The nesting depth of a JSON text (the most `{`/`[` open at once, outside strings), counting
 * no further than `stopAt`. One pass over the text, no parsing.
 */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest >= stopAt) return deepest
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    }
  }
  return deepest
}

/**
 * Whether a parsed value nests deeper than `limit` objects or arrays. Walked with a stack (the
 * value may be 100,000 deep): checked before anything that recurses, such as JSON.stringify.
 */
export function nestsDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth > limit) return true
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}
