// Builds an EventStore from events without the loader, so query tests control every byte: each
// event's text is stored as given (or JSON.stringify'd, compact or pretty-printed), and the
// columns come from rowOf / principalIdOf exactly as the loader derives them (batch-of-texts.ts).

import { existsSync } from 'node:fs'
import path from 'node:path'
import { EventStore } from '../../../main/store/event-store'
import { batchOfTexts } from '../../support/batch-of-texts'
import { SHARED_DATA_DIR, readEventsUnder } from './shared-dirs'

export { batchOfTexts }

type Json = Record<string, unknown>

/** The public CloudTrail logs beside the repository (shared-dirs.ts finds them; absent on some machines). */
export const SHARED_DATA = SHARED_DATA_DIR

/** A store of the given events (objects are stringified compactly), in one or more batches. */
export function storeOfEvents(events: readonly (Json | string)[], batchSize = Infinity): EventStore {
  const store = new EventStore()
  const texts = events.map((event) => (typeof event === 'string' ? event : JSON.stringify(event)))
  for (let i = 0; i < texts.length; i += batchSize) {
    store.addBatch(batchOfTexts(texts.slice(i, i + batchSize)), store.addFile(`batch-${i}.json`))
  }
  return store
}

/** The events of a shared-data folder's plain JSON files ({"Records": [...]}, an array, or one event). */
export function readSharedEvents(folder: string): Json[] {
  return readEventsUnder(path.join(SHARED_DATA, folder)).map((found) => found.event)
}

export function hasSharedData(folder: string): boolean {
  return existsSync(path.join(SHARED_DATA, folder))
}
