// The exact check behind a free-text term with wildcards or non-ASCII letters (the byte search
// has already narrowed the candidates to events holding the term's longest piece). An event's
// JSON text is seen twice: as written (so a typed `\"` or `\u00e9` finds those escapes), and
// with its string escapes decoded (so a typed `é` or `"` finds `\u00e9` or `\"`). Both views are
// matched with the linear-time glob matcher: no regexp is built from the query.

import type { PatternPart } from '../../common/query/ast'
import { compileGlob } from '../../common/glob-match'

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
const HEX4 = /^[0-9a-fA-F]{4}$/

/**
 * JSON text with every backslash escape replaced by the character it stands for (structure and
 * everything else untouched). Escapes only occur inside strings, so no parsing is needed; a
 * \u escape of a surrogate half decodes to that half, so pairs come back together.
 */
export function decodeJsonEscapes(text: string): string {
  let at = text.indexOf('\\')
  if (at < 0) return text
  const out: string[] = []
  let from = 0
  while (at >= 0 && at + 1 < text.length) {
    out.push(text.slice(from, at))
    const c = text[at + 1]
    const hex = text.slice(at + 2, at + 6)
    if (c === 'u' && HEX4.test(hex)) {
      out.push(String.fromCharCode(parseInt(hex, 16)))
      from = at + 6
    } else if (Object.hasOwn(SIMPLE_ESCAPES, c)) {
      out.push(SIMPLE_ESCAPES[c])
      from = at + 2
    } else {
      // Not an escape JSON knows: kept as written.
      out.push(text.slice(at, at + 2))
      from = at + 2
    }
    at = text.indexOf('\\', from)
  }
  out.push(text.slice(from))
  return out.join('')
}

/** Whether an event's JSON text holds the pattern anywhere (case-insensitive). */
export function freeTextTest(pattern: readonly PatternPart[]): (jsonText: string) => boolean {
  const anywhere = compileGlob(pattern, { foldCase: true, whole: false })
  return (jsonText) => {
    const lower = jsonText.toLowerCase()
    if (anywhere(lower)) return true
    const decoded = decodeJsonEscapes(jsonText)
    return decoded !== jsonText && anywhere(decoded.toLowerCase())
  }
}
