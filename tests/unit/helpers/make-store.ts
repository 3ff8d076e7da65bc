// Builds an EventStore from events without the loader, so query tests control every byte: each
// event's text is stored as given (or JSON.stringify'd, compact or pretty-printed), and the
// columns come from rowOf / principalIdOf exactly as the loader derives them (batch-of-texts.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EventStore } from '../../../main/store/event-store'
import { batchOfTexts } from '../../support/batch-of-texts'

export { batchOfTexts }

type Json = Record<string, unknown>

/** The public CloudTrail logs kept next to the repository (absent on some machines); ASHIATO_SHARED_DATA points elsewhere (a worktree). */
export const SHARED_DATA = process.env.ASHIATO_SHARED_DATA ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data')

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
  const dir = path.join(SHARED_DATA, folder)
  const events: Json[] = []
  for (const name of readdirSync(dir).sort()) {
    if (!/\.json(\.cloudtrail)?$/.test(name)) continue
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'))
    const records = Array.isArray(parsed) ? parsed : ((parsed as Json).Records ?? [parsed])
    for (const record of records as unknown[]) if (record && typeof record === 'object') events.push(record as Json)
  }
  return events
}

export function hasSharedData(folder: string): boolean {
  return existsSync(path.join(SHARED_DATA, folder))
}
