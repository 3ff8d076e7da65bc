import { describe, expect, it } from 'vitest'
import { compileGlob, globMatches, type GlobPart } from '../../common/glob-match'
import { compareTest, isNumeric, patternTest } from '../../main/query/value-match'
import { freeTextTest } from '../../main/query/free-text'
import { parseQuery } from '../../common/query/parser'

/** The reference: glob semantics over code points, by dynamic programming (obviously right, slow). */
function reference(parts: readonly GlobPart[], text: string): boolean {
  const points = Array.from(text)
  const atoms: ('*' | '?' | { char: string })[] = []
  for (const part of parts) {
    if (part.kind === 'any') atoms.push('*')
    else if (part.kind === 'one') atoms.push('?')
    else for (const char of Array.from(part.text)) atoms.push({ char })
  }
  // can[j]: atoms[0..i) match points[0..j)
  let can = new Array<boolean>(points.length + 1).fill(false)
  can[0] = true
  for (const atom of atoms) {
    const next = new Array<boolean>(points.length + 1).fill(false)
    for (let j = 0; j <= points.length; j++) {
      if (atom === '*') next[j] = can[j] || (j > 0 && next[j - 1])
      else if (j > 0 && can[j - 1]) next[j] = atom === '?' || atom.char === points[j - 1]
    }
    can = next
  }
  return can[points.length]
}

/** A pattern's parts from a compact spelling: `*` and `?` are wildcards, the rest literal. */
function parts(spelling: string): GlobPart[] {
  const out: GlobPart[] = []
  for (const char of Array.from(spelling)) {
    if (char === '*') out.push({ kind: 'any' })
    else if (char === '?') out.push({ kind: 'one' })
    else out.push({ kind: 'text', text: char })
  }
  return out
}

// A small seeded generator: the same cases on every run, so a failure can be replayed.
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

// Letters, a surrogate pair, both lone halves: `?` must take a pair as one and a lone half as one.
const ALPHABET = ['a', 'b', 'c', '😀', '\ud83d', '\ude00']

describe('compileGlob', () => {
  it('agrees with a reference matcher on random texts and patterns', () => {
    const next = random(20240305)
    const pick = (from: readonly string[]): string => from[Math.floor(next() * from.length)]
    let matched = 0
    for (let round = 0; round < 20_000; round++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => pick(ALPHABET)).join('')
      const spelling = Array.from({ length: Math.floor(next() * 8) }, () => pick([...ALPHABET, '*', '*', '?'])).join('')
      const pattern = parts(spelling)
      const expected = reference(pattern, text)
      if (compileGlob(pattern)(text) !== expected) expect({ spelling, text, matches: !expected }).toEqual({ spelling, text, matches: expected })
      if (expected) matched++
    }
    // The cases are not all trivial misses.
    expect(matched).toBeGreaterThan(1000)
  })

  it('handles the edges: empty text and pattern, only stars, anchors', () => {
    expect(globMatches([], '')).toBe(true)
    expect(globMatches([], 'a')).toBe(false)
    expect(globMatches(parts('*'), '')).toBe(true)
    expect(globMatches(parts('**'), 'abc')).toBe(true)
    expect(globMatches(parts('a*'), 'ba')).toBe(false)
    expect(globMatches(parts('*a'), 'ab')).toBe(false)
    expect(globMatches(parts('a*a'), 'a')).toBe(false)
    expect(globMatches(parts('a*a'), 'aa')).toBe(true)
    expect(globMatches(parts('?'), '😀')).toBe(true)
    expect(globMatches(parts('??'), '😀')).toBe(false)
    expect(globMatches(parts('*.amazonaws.com'), 's3.amazonaws.com')).toBe(true)
  })

  it('finds a pattern anywhere with whole: false', () => {
    const anywhere = compileGlob(parts('b?d'), { whole: false })
    expect(anywhere('abcde')).toBe(true)
    expect(anywhere('abde')).toBe(false)
  })

  // Each of these made the regexp engine backtrack for minutes (or forever) on a 100 KB value.
  // They must simply finish: the vitest timeout is the failure mode, no duration is asserted.
  const big = 'a'.repeat(100_000)
  const adversarial = ['*a*a*c*', '*a*a*a*a*a*a*a*a*b', 'a*a*a*a*a*a*a*a*b*', '*aaaaaaaaaaaaaaaaaaaab*', '*?a?a?a?a?a?b*', '*a*?*a*?*a*?*c']
  for (const spelling of adversarial) {
    it(`finishes ${spelling} on a 100 KB value`, { timeout: 10_000 }, () => {
      expect(compileGlob(parts(spelling))(big)).toBe(false)
      expect(compileGlob(parts(spelling))(`${big}c`)).toBe(reference(parts(spelling), `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac`))
    })
  }
})

describe('the query engine uses it', () => {
  const match = (query: string) => {
    const ast = parseQuery(query)
    if (ast.type !== 'match') throw new Error(`not a match: ${query}`)
    return patternTest(ast.pattern)
  }

  it('matches field values whole and case-insensitively, as before', () => {
    expect(match('event:Get*')('GetObject')).toBe(true)
    expect(match('event:get?bject')('GetObject')).toBe(true)
    expect(match('event:*OBJECT')('GetObject')).toBe(true)
    expect(match('event:Get*')('ListGetObject')).toBe(false)
    expect(match('user:*a*a*c*')('a'.repeat(100_000))).toBe(false)
  })

  it('free text sees the JSON as written and with its escapes decoded', () => {
    const text = (query: string) => {
      const ast = parseQuery(query)
      if (ast.type !== 'text') throw new Error(`not free text: ${query}`)
      return freeTextTest(ast.pattern)
    }
    const json = JSON.stringify({ userName: 'José "the" admin', note: 'x\u00e9' }).replace('é', '\\u00e9')
    expect(text('jos?')(json)).toBe(true)
    expect(text('JOSÉ*admin')(json)).toBe(true)
    expect(text('\\u00e9*')(json)).toBe(true)
    const quoted = freeTextTest([{ kind: 'text', text: '"the"' }, { kind: 'any' }, { kind: 'text', text: 'adm' }, { kind: 'one' }, { kind: 'text', text: 'n' }])
    expect(quoted(json)).toBe(true)
    expect(text('josé*root')(json)).toBe(false)
    expect(text('*a*a*c*')(JSON.stringify({ userAgent: 'a'.repeat(100_000) }))).toBe(false)
  })
})

describe('value tests on hostile values', () => {
  // The number pattern split a run of digits between two quantifiers in every way: a 100 KB value
  // of digits took about a minute (the square of its length) for `count>5`.
  it('compares a 100 KB run of digits followed by a letter', { timeout: 10_000 }, () => {
    const digits = `${'1'.repeat(100_000)}x`
    expect(isNumeric(digits)).toBe(false)
    expect(compareTest('>', '5')(digits)).toBe(false)
    expect(isNumeric('1'.repeat(1_000_000))).toBe(true)
  })

  it('still reads the numbers it read before', () => {
    for (const text of ['5', '-5', '+5', '5.', '5.25', '.5', '1e3', '1E-3', '2.5e+10', ' 7 ']) expect(isNumeric(text), text).toBe(true)
    for (const text of ['', '.', 'e3', '1e', '1.2.3', '0x10', '5 5', '--5']) expect(isNumeric(text), text).toBe(false)
  })
})
