// A FieldGetter (common/decode) over a parsed event: what the viewer's path map gives the
// decoders, for tests that start from JSON objects.
import type { FieldGetter } from '../../../common/decode'

export function getterOfObject(event: unknown): FieldGetter {
  return (path) => {
    let node: unknown = event
    for (const part of path.split('.')) {
      const m = /^(.+?)((\[\d+\])*)$/.exec(part)!
      if (node === null || typeof node !== 'object') return null
      node = (node as Record<string, unknown>)[m[1]]
      for (const index of m[2].match(/\d+/g) ?? []) node = Array.isArray(node) ? node[Number(index)] : undefined
    }
    if (node === null || node === undefined || typeof node === 'object') return null
    return String(node)
  }
}
