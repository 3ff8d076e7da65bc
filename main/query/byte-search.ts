// Byte searches over the events' original bytes (free text, JSON-path prefilters, role ARNs):
// which candidates hold a needle (needle.ts), read in disk order a region at a time and searched
// by the SIMD scanner where the needle is ASCII (simd-scan.ts), by a regexp over latin1 text
// otherwise (segment-scan.ts). A large search is split by bytes with a helper thread.

import type { EventStore } from '../store/event-store'
import type { Needle } from './needle'
import { diskOrder, NEEDLE_HIT } from './segment-scan'
import { scanEvents } from './simd-scan'
import { scanHelper } from './scan-helper'

export { literalNeedle } from './needle'

/** Bytes of text from which a search is split with the helper thread (scan-helper.ts). */
const SPLIT_FROM_BYTES = 16 * 1024 * 1024
let splitFromBytes = SPLIT_FROM_BYTES

/** For tests and the bench: split even small searches (0), never (Infinity), or as usual (no argument). */
export function splitSearchesFrom(bytes = SPLIT_FROM_BYTES): void {
  splitFromBytes = bytes
}

/**
 * Per candidate (ascending ids), NEEDLE_HIT when its bytes hold every one of `needles` (the
 * further ones looked for only where the first is) and LITERAL_HIT when
 * they hold one of `literals` (latin1 strings, matched exactly: see scanEvents). Whole
 * events only: a match across two events, or between them, counts for none.
 */
export function searchBytes(store: EventStore, candidates: Uint32Array, needles: readonly Needle[], literals: readonly string[] = []): Uint8Array {
  const layout = store.textLayout()
  const flags = new Uint8Array(candidates.length)
  const order = diskOrder(layout, candidates)
  let total = 0
  for (let k = 0; k < candidates.length; k++) total += layout.lengths[candidates[k]]
  const helper = total >= splitFromBytes && candidates.length > 1 ? scanHelper() : null
  if (!helper) {
    scanEvents(layout, candidates, order, needles, literals, flags)
    return flags
  }
  // The first half of the bytes here, the second in the helper.
  let split = 0
  for (let bytes = 0; split < order.length && bytes * 2 < total; split++) bytes += layout.lengths[candidates[order[split]]]
  const theirs = order.subarray(split)
  const answer = helper.post(layout, candidates, theirs, needles, literals)
  scanEvents(layout, candidates, order.subarray(0, split), needles, literals, flags)
  const helperFlags = answer()
  if (helperFlags) {
    for (let j = 0; j < theirs.length; j++) flags[theirs[j]] = helperFlags[j]
  } else {
    scanEvents(layout, candidates, theirs, needles, literals, flags)
  }
  return flags
}

/** The candidates whose flags (from searchBytes) have one of the bits of `mask`. */
export function withFlags(candidates: Uint32Array, flags: Uint8Array, mask: number): Uint32Array {
  let found = 0
  for (let k = 0; k < flags.length; k++) if (flags[k] & mask) found++
  const out = new Uint32Array(found)
  for (let k = 0, n = 0; k < flags.length; k++) if (flags[k] & mask) out[n++] = candidates[k]
  return out
}

/** The candidates (ascending ids) whose bytes contain a match of `needle`. */
export function filterBytes(store: EventStore, candidates: Uint32Array, needle: Needle): Uint32Array {
  return withFlags(candidates, searchBytes(store, candidates, [needle]), NEEDLE_HIT)
}
