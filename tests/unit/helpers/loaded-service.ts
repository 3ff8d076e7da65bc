// A service loaded from delivery files written to a temporary folder, for the tests of its calls:
// registers the load before the file's tests and the release (workers, segment files, folder)
// after them, and hands the service to the tests through a getter.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { AshiatoService } from '../../../main/services/ashiato-service'

/** File name → the events of a CloudTrail delivery file ({"Records": [...]}). */
export type DeliveryFiles = Record<string, unknown[]>

export function useLoadedService(name: string, files: () => DeliveryFiles, workers = 1): () => AshiatoService {
  let dir = ''
  let service: AshiatoService | undefined
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `ashiato-${name}-`))
    for (const [file, records] of Object.entries(files())) writeFileSync(path.join(dir, file), JSON.stringify({ Records: records }))
    service = new AshiatoService({ workers })
    await service.loadPaths([dir])
    await service.whenLoadDone()
  })
  afterAll(async () => {
    await service?.dispose()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    if (!service) throw new Error('the service is loaded before the tests run')
    return service
  }
}
