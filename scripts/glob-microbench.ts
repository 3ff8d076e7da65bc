// Micro-benchmark of the wildcard matcher (common/glob-match.ts) against what it replaced: a
// regexp built from the pattern (^…$ with .* and ., flags su), on every distinct string value of
// the real CloudTrail events in ../shared/data, lower-cased once as the query engine does. Then
// the adversarial case that motivated it: `*a*a*c*` over a 100 KB value, where the regexp is only
// timed on a 2 KB value (100 KB would take minutes).
// Run: npx tsx scripts/glob-microbench.ts [data folder]
// Times are the best of a few rounds, wall clock, one thread.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { compileGlob, type GlobPart } from '../common/glob-match'

const dataDir = process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/data')
const ROUNDS = 7

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) yield* files(full)
    else if (/\.json(\.gz)?$/.test(name)) yield full
  }
}

/** Every string in a JSON value, iteratively. */
function strings(root: unknown, out: Set<string>): void {
  const stack = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === 'string') out.add(value)
    else if (Array.isArray(value)) stack.push(...value)
    else if (value !== null && typeof value === 'object') stack.push(...Object.values(value))
  }
}

function parts(spelling: string): GlobPart[] {
  return Array.from(spelling, (c): GlobPart => (c === '*' ? { kind: 'any' } : c === '?' ? { kind: 'one' } : { kind: 'text', text: c }))
}

/** The replaced implementation, kept here as the reference. */
function regexpTest(spelling: string): (text: string) => boolean {
  const source = Array.from(spelling, (c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('')
  const regexp = new RegExp(`^${source}$`, 'su')
  return (text) => regexp.test(text)
}

function best(run: () => number): { ms: number; hits: number } {
  let ms = Infinity
  let hits = 0
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now()
    hits = run()
    ms = Math.min(ms, performance.now() - started)
  }
  return { ms, hits }
}

const values = new Set<string>()
let fileCount = 0
for (const file of files(dataDir)) {
  try {
    const bytes = readFileSync(file)
    strings(JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')), values)
    fileCount++
  } catch {
    // Not JSON (a README in JSON's clothing, a damaged sample): not part of the corpus.
  }
}
const lower = [...values].map((v) => v.toLowerCase())
const chars = lower.reduce((sum, v) => sum + v.length, 0)
console.log(`${lower.length} distinct string values (${(chars / 1e6).toFixed(1)} M chars) from ${fileCount} files in ${dataDir}`)

const PATTERNS = ['get*', '*.amazonaws.com', '*aws-cli*', 'arn:aws:iam::*:role/*', '?escribe*', '*s3*bucket*', '*a*e*i*o*u*', '*no-such-thing*']
console.log('pattern                    glob ms   regexp ms   matches')
for (const spelling of PATTERNS) {
  const glob = compileGlob(parts(spelling))
  const regexp = regexpTest(spelling)
  const g = best(() => lower.filter(glob).length)
  const r = best(() => lower.filter(regexp).length)
  if (g.hits !== r.hits) throw new Error(`${spelling}: glob ${g.hits} matches, regexp ${r.hits}`)
  console.log(`${spelling.padEnd(26)} ${g.ms.toFixed(2).padStart(7)}   ${r.ms.toFixed(2).padStart(9)}   ${g.hits}`)
}

const hostile = '*a*a*c*'
const big = 'a'.repeat(100_000)
const small = 'a'.repeat(2_000)
const r = best(() => (regexpTest(hostile)(small) ? 1 : 0))
console.log(`${hostile} with the regexp on only 2 KB of 'a': ${r.ms.toFixed(1)} ms (it grows as the cube of the length)`)
// The glob's own worst cases: segments that start with '?' (tried at every position) and long
// segments that almost match everywhere.
for (const spelling of [hostile, '*a*a*a*a*a*a*a*a*b', '*?a?a?a?a?a?b*', '*aaaaaaaaaaaaaaaaaaaab*', '*a?*?a*?a*c']) {
  const g = best(() => (compileGlob(parts(spelling))(big) ? 1 : 0))
  console.log(`${spelling.padEnd(26)} glob on 100 KB of 'a': ${g.ms.toFixed(2)} ms`)
}
