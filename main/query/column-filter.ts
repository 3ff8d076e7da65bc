// Predicates on the store's columns. A value test runs once per distinct dictionary code (memoised
// in a byte table as it is first met), then it is one pass of table lookups over the candidates:
// a few milliseconds for a million events whatever the test costs.

import type { EventStore } from '../store/event-store'
import type { StringColumn } from '../store/parsed-batch'
import type { ValueTest } from './value-match'

const UNKNOWN = 0
const PASS = 1
const FAIL = 2

/** Candidates where any of the columns holds a value passing the test ('' never passes: absent). */
export function filterColumns(store: EventStore, candidates: Uint32Array, columns: readonly StringColumn[], test: ValueTest): Uint32Array {
  const state = new Uint8Array(store.dictionarySize)
  state[0] = FAIL
  const passes = (code: number): boolean => {
    let s = state[code]
    if (s === UNKNOWN) {
      s = test(store.value(code)) ? PASS : FAIL
      state[code] = s
    }
    return s === PASS
  }
  const out = new Uint32Array(candidates.length)
  let n = 0
  if (columns.length === 1) {
    const codes = store.codes(columns[0])
    for (let k = 0; k < candidates.length; k++) {
      const id = candidates[k]
      const code = codes[id]
      if (state[code] === PASS || (state[code] === UNKNOWN && passes(code))) out[n++] = id
    }
  } else {
    const all = columns.map((column) => store.codes(column))
    for (let k = 0; k < candidates.length; k++) {
      const id = candidates[k]
      if (all.some((codes) => passes(codes[id]))) out[n++] = id
    }
  }
  return out.slice(0, n)
}

/** Candidates where any of the columns is non-empty. */
export function filterColumnsPresent(store: EventStore, candidates: Uint32Array, columns: readonly StringColumn[]): Uint32Array {
  const all = columns.map((column) => store.codes(column))
  const out = new Uint32Array(candidates.length)
  let n = 0
  for (let k = 0; k < candidates.length; k++) {
    const id = candidates[k]
    for (const codes of all) {
      if (codes[id] !== 0) {
        out[n++] = id
        break
      }
    }
  }
  return out.slice(0, n)
}

/** readOnly is 0 absent, 1 true, 2 false in the store; the test sees "true" / "false". */
export function filterReadOnly(store: EventStore, candidates: Uint32Array, test: ValueTest | 'present'): Uint32Array {
  const pass = new Uint8Array([0, test === 'present' || test('true') ? 1 : 0, test === 'present' || test('false') ? 1 : 0])
  const readOnly = store.readOnly
  const out = new Uint32Array(candidates.length)
  let n = 0
  for (let k = 0; k < candidates.length; k++) {
    const id = candidates[k]
    if (pass[readOnly[id]] === 1) out[n++] = id
  }
  return out.slice(0, n)
}

/** Candidates whose eventTime is within [lo, hi] with each end open or closed as asked. */
export function filterTimes(store: EventStore, candidates: Uint32Array, lo: number, loOpen: boolean, hi: number, hiOpen: boolean): Uint32Array {
  const times = store.times
  const out = new Uint32Array(candidates.length)
  let n = 0
  for (let k = 0; k < candidates.length; k++) {
    const id = candidates[k]
    const t = times[id]
    // NaN (no readable time) fails every comparison.
    if ((loOpen ? t > lo : t >= lo) && (hiOpen ? t < hi : t <= hi)) out[n++] = id
  }
  return out.slice(0, n)
}
