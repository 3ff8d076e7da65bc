// Loads inputs and validates them in one go: the CLI's `ashiato validate`, and tests. The app
// validates what it already loaded instead (services/integrity-service.ts) with the same parts.

import type { InputSource } from '../loader/collect-files'
import { loadInto, type LoadCallbacks, type LoadOptions, type LoadSummary } from '../loader/load-files'
import { EventStore } from '../store/event-store'
import type { IntegrityReport } from './integrity-types'
import type { KeySet } from './public-keys'
import { TrailCollector } from './trail-collector'
import { validateTrail } from './validate-trail'

export interface LoadAndValidateResult {
  report: IntegrityReport
  load: LoadSummary
}

export async function loadAndValidate(
  inputs: InputSource,
  keys: KeySet,
  options: LoadOptions = {},
  callbacks: LoadCallbacks = {},
): Promise<LoadAndValidateResult> {
  const collector = new TrailCollector()
  const load = await loadInto(new EventStore(), inputs, options, { ...callbacks, ...collector.callbacks() })
  const report = validateTrail({ files: collector.files, signatures: await collector.signatures(), keys })
  return { report, load }
}
