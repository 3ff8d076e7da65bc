// One synthetic store per test file, for the query tests that need realistic volume (a free-text
// scan long enough to be caught running: query-cancel.test.ts, query-dispatch.test.ts): built
// once before the file's tests with the benchmark's generator (scripts/bench/synthetic-store.ts,
// ~1.5 KB events with every field), and cleared after them, so its segment files go too.
import { afterAll, beforeAll } from 'vitest'
import type { EventStore } from '../../../main/store/event-store'
import { syntheticStore } from '../../../scripts/bench/synthetic-store'

/** Building 30,000 full events takes seconds on a loaded machine. */
const BUILD_TIMEOUT_MS = 120_000

/** Registers the build and the clear; call the returned function inside a test for the store. */
export function syntheticFileStore(events: number): () => EventStore {
  let store: EventStore | undefined
  beforeAll(() => {
    store = syntheticStore(events, 'full').store
  }, BUILD_TIMEOUT_MS)
  afterAll(() => store?.clear())
  return () => {
    if (!store) throw new Error('the synthetic store is built in beforeAll: ask for it inside a test')
    return store
  }
}
