// Reading chosen events' bytes in disk order into one kept buffer (events-in-disk-order.ts),
// against store.bytes(), the reference: every chosen event once, with exactly its bytes, whether
// it is read alone, with neighbours in one region, or is larger than the kept buffer (1 MB); and
// the filter built on it keeps id order.

import { describe, expect, it } from 'vitest'
import { filterEventBytes, forEachEventBytes } from '../../main/identity/events-in-disk-order'
import { storeOfEvents } from './helpers/make-store'
import { call, iamUser } from './helpers/identity-gen'
import { seededRandom } from '../support/seeded-random'

const alice = iamUser('alice', '111111111111', 'AKIAALICE00000000001')

function events(): string[] {
  const out: string[] = []
  for (let i = 0; i < 3000; i++) {
    const event = call(alice, { time: '2024-03-05T10:00:00Z', userAgent: `agent-${i}` })
    // Now and then a large event (a policy document), and one larger than the kept buffer.
    if (i % 500 === 7) event.requestParameters = { policy: 'x'.repeat(i === 1507 ? 1_500_000 : 40_000) }
    out.push(JSON.stringify(event))
  }
  return out
}

describe('events in disk order', () => {
  const texts = events()
  const store = storeOfEvents(texts, 700)

  it('hands over each chosen event once, with exactly its bytes', () => {
    const r = seededRandom(7)
    for (const share of [1, 0.5, 0.01]) {
      const ids = Uint32Array.from(texts.keys()).filter(() => r() < share)
      const seen = new Map<number, string>()
      forEachEventBytes(store, ids, (id, bytes, start, end) => {
        expect(seen.has(id)).toBe(false)
        seen.set(id, bytes.toString('utf8', start, end))
      })
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual([...ids])
      for (const id of ids) expect(seen.get(id)).toBe(Buffer.from(store.bytes(id)).toString('utf8'))
    }
    expect(seen1507()).toHaveLength(texts[1507].length)
  })

  it('filters in id order', () => {
    const ids = Uint32Array.from(texts.keys())
    const kept = filterEventBytes(store, ids, (bytes, start, end) => bytes.toString('utf8', start, end).includes('"agent-1'))
    expect([...kept]).toEqual([...ids].filter((id) => texts[id].includes('"agent-1')))
  })

  function seen1507(): string {
    let text = ''
    forEachEventBytes(store, Uint32Array.of(1506, 1507, 1508), (id, bytes, start, end) => {
      if (id === 1507) text = bytes.toString('utf8', start, end)
    })
    return text
  }
})
