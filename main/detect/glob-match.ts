// Sigma's wildcards (`*` any run, `?` one character, `\*` `\?` `\\` literal): this module reads
// Sigma's escapes; the matching itself is the project's one linear-time matcher
// (common/glob-match.ts), so rules and queries cannot disagree on what a wildcard means.

import { compileGlob, type GlobPart, type GlobTest } from '../../common/glob-match'

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

/** The pattern as the common matcher's parts (literal runs joined). */
function partsOf(glob: GlobPattern): GlobPart[] {
  const parts: GlobPart[] = []
  let text = ''
  for (let i = 0; i < glob.chars.length; i++) {
    if (glob.wild[i] === 0) {
      text += glob.chars[i]
      continue
    }
    if (text) parts.push({ kind: 'text', text })
    text = ''
    parts.push({ kind: glob.wild[i] === 1 ? 'any' : 'one' })
  }
  if (text) parts.push({ kind: 'text', text })
  return parts
}

/** Compiled once per pattern (rules are compiled once and matched against every event). */
const compiled = new WeakMap<GlobPattern, GlobTest>()

export function globMatch(glob: GlobPattern, subject: string): boolean {
  if (glob.literal) return glob.chars === subject
  let test = compiled.get(glob)
  if (!test) {
    test = compileGlob(partsOf(glob))
    compiled.set(glob, test)
  }
  return test(subject)
}
