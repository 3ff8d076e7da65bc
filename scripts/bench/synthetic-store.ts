// An EventStore filled in memory, without files or workers, for timing the query engine alone,
// from the one event generator (tests/support/cloudtrail-events.ts): `indexed` events (~350
// bytes: the indexed fields and a bucket name) build a million in seconds; `full` ones (~1.5 KB,
// as CloudTrail writes them) give free text and JSON paths a realistic amount to read.

import { EventStore } from '../../main/store/event-store'
import { batchOfTexts } from '../../tests/support/batch-of-texts'
import { EventGenerator, seededRandom } from '../../tests/support/cloudtrail-events'

const START = Date.UTC(2024, 2, 4)
const SPAN = 3 * 86_400_000

export type SyntheticKind = 'indexed' | 'full'

/** A store of `count` events over three days, in batches of 10,000 (like files), the same on every run. */
export function syntheticStore(count: number, kind: SyntheticKind = 'indexed'): { store: EventStore; jsonBytes: number } {
  const random = seededRandom(42)
  const generator = new EventGenerator(random, { size: kind })
  const store = new EventStore()
  let jsonBytes = 0
  for (let first = 0; first < count; first += 10_000) {
    const texts: string[] = []
    for (let i = first; i < Math.min(count, first + 10_000); i++) {
      texts.push(generator.text({ time: new Date(START + Math.floor(random() * SPAN)) }))
      jsonBytes += texts[texts.length - 1].length
    }
    store.addBatch(batchOfTexts(texts, first), store.addFile(`synthetic-${first}.json`))
  }
  return { store, jsonBytes }
}
