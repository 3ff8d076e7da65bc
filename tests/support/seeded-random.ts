// The seeded randomness every generated event comes from (tests, the benchmark corpora): the
// same seed makes the same bytes on every machine and every run, so a failing test or a bench
// figure can be reproduced exactly.

export type Random = () => number

/** Mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

/** `length` lower-case hex digits (ids, hashes, versions). */
export function hex(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(random() * 16)]
  return out
}

/** `length` characters of AWS's base-32 id alphabet (AKIA…/AROA… suffixes, request ids). */
export function upper(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(random() * 32)]
  return out
}

/** A version-4 UUID, as eventID and sharedEventID are written. */
export const uuid = (random: Random): string =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`
