// inIdOrder used to keep a list of every id for the last store size it saw (40 MB at 10M events)
// in a module variable, for the process's life: Clear freed the store but not that list. Nothing
// may stay referenced once the caller drops what it asked for.
import { describe, expect, it } from 'vitest'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { allIds, idSpan, inIdOrder } from '../../main/query/id-lists'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const EVENTS = 5_000_000

function arrayBufferBytes(): number {
  gc()
  gc()
  return process.memoryUsage().arrayBuffers
}

describe('the ids in id order', () => {
  it('of a view of every event are kept by nobody once the caller drops them (20 MB for 5M)', () => {
    const before = arrayBufferBytes()
    // In a function of its own, so that nothing of it is referenced once it returns.
    const last = ((): number => {
      const ordered = inIdOrder(allIds(EVENTS).reverse(), EVENTS)
      expect(ordered.length).toBe(EVENTS)
      return ordered[EVENTS - 1]
    })()
    expect(last).toBe(EVENTS - 1)
    expect(arrayBufferBytes() - before).toBeLessThan(4_000_000)
  })

  it('of a view of every event are no list at all for the counts (a span of every id)', () => {
    const span = idSpan(allIds(1000).reverse(), 1000)
    expect(span).toEqual({ ids: null, every: 1000 })
    expect(Array.from(idSpan(Uint32Array.from([5, 2, 9]), 1000).ids ?? [])).toEqual([2, 5, 9])
  })
})
