// A store of only columns, for timing facets and the histogram at ten million events without
// building and loading a 15 GB corpus (too heavy for the shared 2-core machine). Each column
// takes a real trail's cardinality (thousands of source IPs, hundreds of thousands of temporary
// access keys), skewed as real trails are (a few values make most events); every event's text
// is `{}`, as these figures never read it.

import { EventStore } from '../../main/store/event-store'
import { STRING_COLUMNS, type ParsedBatch, type StringColumn } from '../../main/store/parsed-batch'
import { seededRandom } from '../../tests/support/cloudtrail-events'

/** Distinct values per column, and the share of events without the field. */
const CARDINALITY: Record<StringColumn, [number, number]> = {
  eventName: [450, 0],
  eventSource: [60, 0],
  user: [3000, 0.02],
  identityType: [6, 0.01],
  region: [17, 0],
  sourceIp: [50_000, 0],
  errorCode: [45, 0.85],
  account: [40, 0],
  accessKey: [200_000, 0.1],
  principalId: [30_000, 0.02],
  eventType: [4, 0],
  resourceType: [120, 0.6],
}

const BATCH = 100_000
const SPAN_MS = 7 * 86_400_000

export function syntheticColumnStore(count: number): EventStore {
  const random = seededRandom(16)
  const store = new EventStore()
  // One dictionary for every batch: '' then each column's values.
  const dictionary = ['']
  const first = STRING_COLUMNS.map((column) => {
    const at = dictionary.length
    for (let v = 0; v < CARDINALITY[column][0]; v++) dictionary.push(`${column}-${v}`)
    return at
  })
  const remap = store.internAll(dictionary)
  const text = new Uint8Array(BATCH * 3).fill(0x20)
  for (let i = 0; i < BATCH; i++) text.set([0x7b, 0x7d], i * 3)
  const start = Date.UTC(2024, 2, 1)
  for (let from = 0; from < count; from += BATCH) {
    const n = Math.min(BATCH, count - from)
    const batch: ParsedBatch = {
      fileIndex: 0,
      text: text.subarray(0, n * 3),
      starts: new Uint32Array(n).map((_, i) => i * 3),
      ends: new Uint32Array(n).map((_, i) => i * 3 + 2),
      times: new Float64Array(n).map(() => start + Math.floor(random() * SPAN_MS)),
      readOnly: new Uint8Array(n).map(() => 1 + (random() < 0.3 ? 1 : 0)),
      // No eventID: never compared as duplicates (nothing to measure here).
      idHashes: new Float64Array(n).fill(NaN),
      dictionary,
      columns: STRING_COLUMNS.map((column, c) => {
        const [distinct, absent] = CARDINALITY[column]
        // Skewed: the cube of a uniform draw makes the first values the most frequent.
        return new Uint32Array(n).map(() => (random() < absent ? 0 : first[c] + Math.floor(distinct * random() ** 3)))
      }),
      kind: 'events',
      warning: '',
    }
    store.addBatch(batch, store.addFile(`synthetic-${from}`), remap)
  }
  return store
}
