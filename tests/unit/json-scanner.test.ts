// The structural scanner against JSON itself: wherever a string or value sits relative to the
// four-byte words the scanner reads, and whatever escapes it holds, it must end where JSON says.

import { describe, expect, it } from 'vitest'
import { END, JsonScanner, badAt } from '../../main/loader/json-scanner'
import { seededRandom, type Random } from '../support/seeded-random'

/** `text` placed at byte `offset` of a larger buffer (so words straddle it in every way). */
function scannerAt(text: string, offset: number): { scanner: JsonScanner; start: number; n: number } {
  const bytes = Buffer.from(text, 'utf8')
  const backing = Buffer.alloc(bytes.length + offset + 8, 0x22) // quotes around it: must not be read
  bytes.copy(backing, offset)
  const view = backing.subarray(offset, offset + bytes.length)
  return { scanner: new JsonScanner(view), start: 0, n: view.length }
}

function randomString(random: Random): string {
  const pieces = ['a', 'bc', '"', '\\', '\\"', '\\\\', 'é', '山', '\u2028', '\n', '{', '}', '[', ']', 'xyzw', '\u0000']
  let out = ''
  const length = Math.floor(random() * 24)
  for (let i = 0; i < length; i++) out += pieces[Math.floor(random() * pieces.length)]
  return out
}

function randomValue(random: Random, depth: number): unknown {
  const pick = random()
  if (depth > 3 || pick < 0.3) return randomString(random)
  if (pick < 0.4) return Math.floor(random() * 1e6) - 5e5
  if (pick < 0.45) return [true, false, null][Math.floor(random() * 3)]
  if (pick < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1))
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [randomString(random), randomValue(random, depth + 1)]))
}

describe('JsonScanner', () => {
  it('ends every string where JSON does, at every alignment', () => {
    const random = seededRandom(8)
    for (let k = 0; k < 2000; k++) {
      const literal = JSON.stringify(randomString(random))
      const { scanner, n } = scannerAt(`${literal},`, k % 8)
      expect(scanner.skipString(0, n), literal).toBe(Buffer.byteLength(literal))
    }
  })

  it('ends long strings and escape runs where JSON does', () => {
    for (const value of ['x'.repeat(100_000), '\\'.repeat(999), `${'ab'.repeat(50)}"${'\\'.repeat(64)}"`, '"'.repeat(77)]) {
      for (let offset = 0; offset < 4; offset++) {
        const literal = JSON.stringify(value)
        const { scanner, n } = scannerAt(literal, offset)
        expect(scanner.skipString(0, n)).toBe(literal.length)
      }
    }
  })

  it('reports a string that does not end', () => {
    for (const text of ['"abc', '"abc\\"', '"abc\\', '"abcdefghijklmnopqrstuvwxyz\\"']) {
      const { scanner, n } = scannerAt(text, 1)
      expect(scanner.skipString(0, n), text).toBe(END)
    }
  })

  it('skips whole values as JSON sees them (random values, pretty or compact)', () => {
    const random = seededRandom(9)
    for (let k = 0; k < 1000; k++) {
      const value = randomValue(random, 0)
      const text = JSON.stringify(value, null, k % 3 === 0 ? 2 : undefined) ?? 'null'
      const { scanner, n } = scannerAt(`${text} ,`, k % 4)
      expect(scanner.skipValue(0, n + 2), text).toBe(Buffer.byteLength(text))
      // Cut short anywhere inside a container or string, the value does not end.
      if (text.length > 2 && (text[0] === '{' || text[0] === '[' || text[0] === '"')) {
        const cut = scannerAt(text.slice(0, -1), k % 4)
        expect(cut.scanner.skipValue(0, cut.n), text).toBe(END)
      }
    }
  })

  it('names a byte that cannot start a value', () => {
    const { scanner, n } = scannerAt('  x', 0)
    expect(scanner.skipValue(2, n)).toBe(badAt(2))
    expect(scanner.skipWhitespace(0, n)).toBe(2)
  })
})
