// The SIMD byte scan (main/query/simd-find.ts, simd-scan.ts) against a naive search of each
// event's bytes, and against the regexp path it replaces for ASCII needles: the same flags for
// every event, where the fast path could go wrong: a match across two neighbouring events (or
// in the bytes between them), at an event's first or last byte, in an event larger than a
// region (read in overlapping windows: matches placed across each window boundary), letters in
// either case and bytes that only look like letters once ORed with 0x20.

import { afterAll, describe, expect, it } from 'vitest'
import { SimdFinder } from '../../main/query/simd-find'
import { searchBytes, splitSearchesFrom } from '../../main/query/byte-search'
import { literalNeedle } from '../../main/query/needle'
import { LITERAL_HIT, NEEDLE_HIT, REGION } from '../../main/query/segment-scan'
import { useSimdScan } from '../../main/query/simd-scan'
import { idRange } from '../../main/query/id-lists'
import { seededRandom } from '../support/cloudtrail-events'
import { storeOfEvents } from './helpers/make-store'

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const fold = (c: number): number => (isLetter(c) ? c | 0x20 : c)

/** The first position p in [from, end - needle.length] where the needle's bytes match, or -1. */
function naiveFind(bytes: Uint8Array, needle: string, from: number, end: number, folded: boolean): number {
  for (let p = from; p + needle.length <= end; p++) {
    let same = true
    for (let t = 0; t < needle.length && same; t++) {
      const a = bytes[p + t]
      const b = needle.charCodeAt(t)
      same = folded ? fold(a) === fold(b) : a === b
    }
    if (same) return p
  }
  return -1
}

describe('SimdFinder', () => {
  it('finds every match a naive search finds, at any offset and length, folding only ASCII letters', () => {
    const finder = new SimdFinder()
    const random = seededRandom(5)
    // Letters, their other case, bytes one 0x20 away from a letter ('@' and '`', 0xC1), and '\\'.
    const alphabet = Buffer.from('aAbBrR@`\\u"-\xc1\xe1', 'latin1')
    let checked = 0
    for (let round = 0; round < 2000; round++) {
      const size = Math.floor(random() * 200)
      const data = finder.data(size)
      for (let i = 0; i < size; i++) data[i] = alphabet[Math.floor(random() * alphabet.length)]
      let needle = ''
      for (let i = 1 + Math.floor(random() * 5); i > 0; i--) needle += String.fromCharCode(alphabet[Math.floor(random() * alphabet.length)])
      const folded = random() < 0.7
      finder.setNeedle(needle, folded)
      const copy = Uint8Array.from(data)
      let from = Math.floor(random() * (size + 1))
      const end = from + Math.floor(random() * (size - from + 1))
      for (;;) {
        const found = finder.find(from, end)
        expect(found, `${JSON.stringify(needle)} in ${JSON.stringify(Buffer.from(copy).toString('latin1'))} from ${from}`).toBe(naiveFind(copy, needle, from, end, folded))
        checked++
        if (found < 0) break
        from = found + 1
      }
    }
    expect(checked).toBeGreaterThan(2000)
  })
})

/** Filler that never holds the needle `root` nor a backslash: near misses only (roo, oot, rOo). */
const filler = (length: number): string => 'roo oot rOo. r00t '.repeat(Math.ceil(length / 18)).slice(0, length)

function buildTexts(): string[] {
  const texts: string[] = []
  const event = (body: string): void => void texts.push(`{"eventID":"e${texts.length}","note":"${body}"}`)
  event('ends with ro')
  event('ot, and RooT here')
  event(`${filler(40)}root`)
  event(`ROOT${filler(40)}`)
  event('a \\u0041 escape')
  event('\u0130 and \u212a')
  // Larger than a region: the needle across each window boundary (windows overlap by 3 bytes
  // for `root` and the 3-byte Kelvin sign), at the very end, or nowhere.
  const prefix = '{"eventID":"eBIG'.length + 6 + '","note":"'.length
  for (const shift of [-5, -4, -3, -2, -1, 0, 1]) {
    const at = REGION + shift - prefix
    texts.push(`{"eventID":"eBIG${String(shift + 10).padStart(2, '0')}0000","note":"${filler(at)}rOOt${filler(REGION + 100)}"}`)
  }
  for (const shift of [-3, 2 * REGION]) {
    const at = REGION - 3 + shift - prefix
    texts.push(`{"eventID":"eBIG${String(shift % 100).padStart(2, '0')}KELV","note":"${filler(at)}\u212a${filler(200)}"}`)
  }
  texts.push(`{"eventID":"eBIGENDS00","note":"${filler(2 * REGION + 7)}ROOT"}`)
  texts.push(`{"eventID":"eBIGNONE00","note":"${filler(3 * REGION)}"}`)
  for (let i = 0; i < 300; i++) event(`${filler(i * 7)}${i % 3 === 0 ? 'root' : 'rot'} ${filler(i)}`)
  return texts
}

const texts = buildTexts()
const store = storeOfEvents(texts, 50)
afterAll(() => {
  store.clear()
  useSimdScan(true)
  splitSearchesFrom()
})

const LITERALS = ['\\u', '\xc4\xb0', '\xe2\x84\xaa']

/** What searchBytes must say for each event (every needle held, a literal held), found by looking at its bytes alone. */
function expected(...needles: string[]): number[] {
  return texts.map((text) => {
    const bytes = Buffer.from(text, 'utf8')
    const latin1 = bytes.toString('latin1')
    const held = needles.every((needle) => naiveFind(bytes, needle, 0, bytes.length, true) >= 0)
    return (held ? NEEDLE_HIT : 0) | (LITERALS.some((l) => latin1.includes(l)) ? LITERAL_HIT : 0)
  })
}

describe.each([
  ['SIMD', true],
  ['regexp', false],
])('byte scan, %s path', (_label, simd) => {
  it('flags exactly the events whose own bytes hold the needle or a literal', () => {
    useSimdScan(simd)
    splitSearchesFrom(Infinity)
    expect(store.size).toBe(texts.length)
    const all = idRange(0, store.size)
    for (const needle of ['root', 'ROOT', 'ot, and', '"note":"', 'r00t r', '}']) {
      expect(Array.from(searchBytes(store, all, [literalNeedle(needle)], LITERALS)), needle).toEqual(expected(needle))
    }
    const big = texts.map((text, id) => (text.startsWith('{"eventID":"eBIG') && !text.includes('NONE') && !text.includes('KELV') ? id : -1)).filter((id) => id >= 0)
    const flags = searchBytes(store, all, [literalNeedle('root')], LITERALS)
    expect(big.length).toBe(8)
    for (const id of big) expect(flags[id] & NEEDLE_HIT, texts[id].slice(0, 20)).toBe(NEEDLE_HIT)
  })

  it('flags the events holding every one of several needles, each in its own bytes', () => {
    useSimdScan(simd)
    const all = idRange(0, store.size)
    const sets = [
      ['root', 'r00t r'],
      // Each held by one of two neighbours, neither by both.
      ['ends with', 'RooT'],
      ['RooT', 'ends with'],
      ['eBIG', 'rOo.', 'ROOT'],
    ]
    for (const needles of sets) {
      const flags = searchBytes(store, all, needles.map(literalNeedle), LITERALS)
      expect(Array.from(flags), needles.join(' + ')).toEqual(expected(...needles))
    }
    expect(expected('ends with', 'RooT').some((flag) => flag & NEEDLE_HIT)).toBe(false)
  })

  it('never flags a match that spans two neighbouring events', () => {
    useSimdScan(simd)
    const { segmentOf, offsets, lengths, readInto } = store.textLayout()
    expect(segmentOf[1]).toBe(segmentOf[0])
    // The last bytes of the first event, what lies between, the first bytes of the second.
    const from = offsets[0] + lengths[0] - 4
    const across = Buffer.alloc(offsets[1] + 4 - from)
    readInto(segmentOf[0], from, across.length, across)
    const needle = across.toString('latin1')
    expect(texts.some((text) => text.includes(needle))).toBe(false)
    const flags = searchBytes(store, idRange(0, store.size), [literalNeedle(needle)])
    expect(flags.every((flag) => flag === 0)).toBe(true)
    // Each half alone is found in its own event.
    expect(searchBytes(store, idRange(0, 2), [literalNeedle(needle.slice(0, 4))])[0]).toBe(NEEDLE_HIT)
  })

  it('gives the same flags for a subset of candidates as for all events', () => {
    useSimdScan(simd)
    const every = expected('root')
    const some = Uint32Array.from(idRange(0, store.size).filter((id) => id % 3 !== 1))
    expect(Array.from(searchBytes(store, some, [literalNeedle('root')], LITERALS))).toEqual(Array.from(some, (id) => every[id]))
  })
})
