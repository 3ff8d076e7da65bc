// The export dialog's kept choices (renderer/state/export-prefs.ts): gzip is chosen per format, so
// a CSV export is plain text unless gzip was chosen for CSV itself, whatever the JSON formats say,
// in this session, in the next one, and from a value an older version stored.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const items = new Map<string, string>()
Object.defineProperty(globalThis, 'localStorage', {
  value: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, String(v)), removeItem: (k: string) => void items.delete(k) },
  configurable: true,
})

/** The store as a new page loads it (fresh module, reading what is stored now). */
async function load() {
  vi.resetModules()
  return import('../../renderer/state/export-prefs')
}

beforeEach(() => items.clear())

describe('gzip per export format', () => {
  it('a JSON gzip choice is not offered for CSV; a CSV choice is kept for CSV only', async () => {
    const prefs = await load()
    const shown = () => prefs.useExportPrefs.getState()
    prefs.setExportChoice({ format: 'jsonl' })
    prefs.setExportChoice({ gzip: true })
    prefs.setExportChoice({ format: 'csv' })
    expect(shown()).toMatchObject({ format: 'csv', gzip: false })
    prefs.setExportChoice({ gzip: true })
    prefs.setExportChoice({ format: 'records' })
    expect(shown().gzip).toBe(true)
    prefs.setExportChoice({ gzip: false })
    prefs.setExportChoice({ format: 'csv' })
    expect(shown().gzip).toBe(true) // chosen for CSV: kept for CSV
    prefs.setExportChoice({ format: 'jsonl' })
    expect(shown().gzip).toBe(true) // jsonl's own choice, untouched by the others
  })

  it('the next session offers what was chosen per format', async () => {
    const first = await load()
    first.setExportChoice({ format: 'records' })
    first.setExportChoice({ gzip: true })
    first.setExportChoice({ format: 'csv' })
    const next = await load()
    expect(next.useExportPrefs.getState()).toMatchObject({ format: 'csv', gzip: false, gzipByFormat: { records: true, csv: false } })
  })

  it('an older version’s single flag is taken for JSON, never carried to CSV', async () => {
    items.set('ashiato.export', JSON.stringify({ format: 'csv', gzip: true }))
    expect((await load()).useExportPrefs.getState()).toMatchObject({ format: 'csv', gzip: false })
    items.set('ashiato.export', JSON.stringify({ format: 'jsonl', gzip: false }))
    const jsonl = (await load()).useExportPrefs.getState()
    expect(jsonl).toMatchObject({ format: 'jsonl', gzip: false, gzipByFormat: { jsonl: false, csv: false } })
    // Persist's own form written by an earlier per-format version: as stored.
    items.set('ashiato.export', JSON.stringify({ state: { format: 'csv', gzip: true, gzipByFormat: { records: true, jsonl: true, csv: true } }, version: 1 }))
    expect((await load()).useExportPrefs.getState()).toMatchObject({ format: 'csv', gzip: true })
  })
})
