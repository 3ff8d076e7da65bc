// Atomic exports: a cancelled or failed export leaves neither a partial file nor a temp file, an
// existing file is only replaced by a complete one, and a bad target gives a readable error.

import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportEvents } from '../../main/export/write-events'
import type { ExportSource } from '../../main/export/encode-events'
import { allIds, sampleEvent, storeOf } from './helpers/export-fixtures'

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'ashiato-atomic-'))
const bigStore = storeOf(Array.from({ length: 5_000 }, (_, i) => JSON.stringify(sampleEvent(i))))

describe('atomic export', () => {
  it('a cancelled export leaves nothing, and rejects with an AbortError', async () => {
    const dir = tempDir()
    const controller = new AbortController()
    const run = exportEvents(bigStore, allIds(bigStore), { path: path.join(dir, 'out.json.gz'), format: 'records', gzip: true }, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 1_000) controller.abort()
      },
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('an already aborted signal writes nothing', async () => {
    const dir = tempDir()
    const signal = AbortSignal.abort()
    await expect(exportEvents(bigStore, allIds(bigStore), { path: path.join(dir, 'x.csv'), format: 'csv' }, { signal })).rejects.toMatchObject({ name: 'AbortError' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('a cancelled export keeps the file it would have replaced', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'keep.jsonl')
    writeFileSync(file, 'previous export\n')
    const controller = new AbortController()
    const run = exportEvents(bigStore, allIds(bigStore), { path: file, format: 'jsonl' }, { signal: controller.signal, onProgress: () => controller.abort() })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(readFileSync(file, 'utf8')).toBe('previous export\n')
    expect(readdirSync(dir)).toEqual(['keep.jsonl'])
  })

  it('a complete export replaces an existing file', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'replace.jsonl')
    writeFileSync(file, 'old\n')
    const result = await exportEvents(bigStore, allIds(bigStore), { path: file, format: 'jsonl' })
    expect(result.events).toBe(5_000)
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(5_001)
    expect(readdirSync(dir)).toEqual(['replace.jsonl'])
  })

  it('a failure while reading events leaves nothing and says what failed', async () => {
    const dir = tempDir()
    const failing: ExportSource = {
      size: bigStore.size,
      bytes: (id) => {
        if (id === 3_000) throw new Error('event store went away')
        return bigStore.bytes(id)
      },
      row: (id) => bigStore.row(id),
    }
    const file = path.join(dir, 'fail.json')
    await expect(exportEvents(failing, allIds(bigStore), { path: file, format: 'records' })).rejects.toThrow(`Cannot export to ${file}: event store went away`)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a missing target folder gives a clear error', async () => {
    const file = path.join(tempDir(), 'no', 'such', 'out.json')
    await expect(exportEvents(bigStore, [0], { path: file, format: 'records' })).rejects.toThrow(/the folder .*such does not exist/)
  })

  it('a folder as the target gives a clear error before writing', async () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'sub'))
    await expect(exportEvents(bigStore, [0], { path: path.join(dir, 'sub'), format: 'jsonl' })).rejects.toThrow(/it is a folder/)
    expect(readdirSync(dir)).toEqual(['sub'])
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a read-only folder gives a clear error', async () => {
    const { chmodSync } = await import('node:fs')
    const dir = tempDir()
    chmodSync(dir, 0o500)
    await expect(exportEvents(bigStore, [0], { path: path.join(dir, 'out.csv'), format: 'csv' })).rejects.toThrow(/permission denied/)
    chmodSync(dir, 0o700)
  })
})
