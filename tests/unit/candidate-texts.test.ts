// The exact test of a byte search's candidates reads their text in disk order a region at a time
// (main/query/candidate-texts.ts): each candidate's text is exactly what store.text gives,
// whether it lies beside other candidates, alone, or is larger than a region, and the result
// keeps the candidates' order.

import { afterAll, describe, expect, it } from 'vitest'
import { filterTexts } from '../../main/query/candidate-texts'
import { REGION } from '../../main/query/segment-scan'
import { EventGenerator, seededRandom } from '../support/cloudtrail-events'
import { storeOfEvents } from './helpers/make-store'

const random = seededRandom(5)
const generator = new EventGenerator(random, { size: 'full' })
const texts = Array.from({ length: 4000 }, () => generator.text())
// Larger than a region, non-ASCII text, and a pretty-printed event.
texts[1500] = JSON.stringify({ eventName: 'Huge', requestParameters: { policy: 'x'.repeat(REGION + 1000) } })
texts[2500] = JSON.stringify({ eventName: 'Unicode', note: 'café İ \u212a 日本 😀' })
texts[3000] = JSON.stringify({ eventName: 'Pretty', a: [1, 2] }, null, 2)
const store = storeOfEvents(texts, 700)
afterAll(() => store.clear())

describe('candidates tested on their text read in disk order', () => {
  it('see each event as store.text gives it, and keep the candidates in order', () => {
    const candidates = Uint32Array.from({ length: store.size }, (_, id) => id).filter((id) => id % 7 === 0 || (id > 1200 && id < 1600) || id === 2500 || id === 3000)
    const seen: string[] = []
    const kept = filterTexts(store, candidates, (text) => {
      seen.push(text)
      return text.length % 3 === 0 || text.includes('Unicode')
    })
    expect(seen.sort()).toEqual(Array.from(candidates, (id) => store.text(id)).sort())
    expect(Array.from(kept)).toEqual(Array.from(candidates).filter((id) => store.text(id).length % 3 === 0 || id === 2500))
    expect(kept).toContain(2500)
  })

  it('answer nothing for no candidates', () => {
    expect(filterTexts(store, new Uint32Array(0), () => true).length).toBe(0)
  })
})
