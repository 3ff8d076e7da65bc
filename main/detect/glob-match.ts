// Sigma's wildcards (`*` any run, `?` one character, `\*` `\?` `\\` literal) matched without a
// regular expression: the classic two-pointer algorithm that backtracks only to the last star,
// so a hostile subject costs at most pattern × subject steps, never exponential time.

export interface GlobPattern {
  /** Pattern characters; wild[i] is 1 for '*', 2 for '?', 0 for a literal. */
  chars: string
  wild: Uint8Array
  /** No wildcard at all: a plain comparison is enough. */
  literal: boolean
}

/** Parses Sigma's escapes: `\*` `\?` `\\` are literals; any other backslash is itself. */
export function parseGlob(pattern: string): GlobPattern {
  let chars = ''
  const wild: number[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\' && i + 1 < pattern.length && '*?\\'.includes(pattern[i + 1])) {
      chars += pattern[++i]
      wild.push(0)
    } else {
      chars += c
      wild.push(c === '*' ? 1 : c === '?' ? 2 : 0)
    }
  }
  return { chars, wild: Uint8Array.from(wild), literal: !wild.some((w) => w !== 0) }
}

/** Pattern with `*` around it (contains), before (endswith) or after (startswith). */
export function wrapGlob(glob: GlobPattern, before: boolean, after: boolean): GlobPattern {
  const chars = `${before ? '*' : ''}${glob.chars}${after ? '*' : ''}`
  const wild = new Uint8Array(chars.length)
  if (before) wild[0] = 1
  wild.set(glob.wild, before ? 1 : 0)
  if (after) wild[chars.length - 1] = 1
  return { chars, wild, literal: false }
}

export function lowerGlob(glob: GlobPattern): GlobPattern {
  return { ...glob, chars: glob.chars.toLowerCase().length === glob.chars.length ? glob.chars.toLowerCase() : glob.chars }
}

export function globMatch(glob: GlobPattern, subject: string): boolean {
  const { chars, wild } = glob
  if (glob.literal) return chars === subject
  let p = 0
  let s = 0
  let starP = -1
  let starS = 0
  while (s < subject.length) {
    if (p < chars.length && wild[p] !== 1 && (wild[p] === 2 || chars.charCodeAt(p) === subject.charCodeAt(s))) {
      p++
      s++
    } else if (p < chars.length && wild[p] === 1) {
      starP = p++
      starS = s
    } else if (starP >= 0) {
      p = starP + 1
      s = ++starS
    } else {
      return false
    }
  }
  while (p < chars.length && wild[p] === 1) p++
  return p === chars.length
}
