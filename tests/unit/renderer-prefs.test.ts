// Preferences kept across sessions (renderer/state/persisted.ts, zustand's persist over
// localStorage): a value a version before persist saved under the same key is still read (and
// rewritten in persist's form), what the user changes is written and read back by the next
// page, and hand-edited or hostile stored values fall back to the defaults.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { PageStorage } from '../../renderer/state/persisted'

/** localStorage as a page has it: strings by key. */
class MemoryStorage implements PageStorage {
  private readonly items = new Map<string, string>()
  clear(): void {
    this.items.clear()
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value))
  }
}

const storage = new MemoryStorage()
Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true })

/** The stores as a new page loads them: fresh modules, reading what is in storage now. */
async function load() {
  vi.resetModules()
  return {
    language: await import('../../renderer/state/language-store'),
    zone: await import('../../renderer/state/time-zone'),
    aliases: await import('../../renderer/state/account-aliases'),
    layout: await import('../../renderer/state/ui-store'),
    find: await import('../../renderer/state/find-prefs'),
    facets: await import('../../renderer/state/facet-prefs'),
    exporting: await import('../../renderer/state/export-prefs'),
    s3: await s3FormStore(),
  }
}

/** A store holding the S3 dialog's form as s3-store.ts does (that store also reaches the API). */
async function s3FormStore() {
  const { initialForm, keptS3Form } = await import('../../renderer/state/s3-form')
  type FormState = { form: ReturnType<typeof initialForm> }
  const store = create<FormState>()(persist(() => ({ form: initialForm() }), keptS3Form<FormState>()))
  const setS3Field = (field: keyof FormState['form'], value: string) => store.setState({ form: { ...store.getState().form, [field]: value } })
  return { useS3: store, setS3Field }
}

beforeEach(() => storage.clear())

describe('preferences saved before persist', () => {
  beforeEach(() => {
    // Exactly what the hand-written loaders wrote.
    storage.setItem('ashiato.language', 'ja')
    storage.setItem('ashiato.timeZone', 'Asia/Tokyo')
    storage.setItem('ashiato.accountAliases', JSON.stringify({ '111122223333': 'prod', nope: 'x' }))
    storage.setItem('ashiato.layout', JSON.stringify({ listFraction: 0.35, showNotes: false }))
    storage.setItem('ashiato.find', JSON.stringify({ columns: ['time', 'eventName', 'field:userAgent'], widths: { eventName: 240 }, facetsOpen: false }))
    storage.setItem('ashiato.facets', JSON.stringify(['userAgent', 'requestParameters.bucketName']))
    storage.setItem('ashiato.export', JSON.stringify({ format: 'csv', gzip: true }))
    storage.setItem('ashiato.s3', JSON.stringify({ profile: 'audit', bucket: 'trail-bucket', region: 'eu-west-1', concurrency: '4' }))
  })

  it('are read into every store', async () => {
    const s = await load()
    expect(s.language.useLanguage.getState().language).toBe('ja')
    expect(s.zone.useTimeZoneStore.getState()).toMatchObject({ choice: 'Asia/Tokyo', zone: 'Asia/Tokyo' })
    expect(s.aliases.useAccountAliases.getState().aliases).toEqual({ '111122223333': 'prod' })
    expect(s.layout.useUi.getState()).toMatchObject({ listFraction: 0.35, listFractionChosen: true, showNotes: false })
    expect(s.find.useFindPrefs.getState()).toMatchObject({ columns: ['time', 'eventName', 'field:userAgent'], widths: { eventName: 240 }, facetsOpen: false })
    expect(s.facets.useFacetPrefs.getState().extra).toEqual(['userAgent', 'requestParameters.bucketName'])
    // The one gzip flag of before per-format choices was shared by every format: under CSV it may
    // be a JSON choice carried over, so CSV stays plain (export-prefs.test.ts).
    expect(s.exporting.useExportPrefs.getState()).toMatchObject({ format: 'csv', gzip: false, gzipByFormat: { records: true, jsonl: true, csv: false } })
    expect(s.s3.useS3.getState().form).toMatchObject({ profile: 'audit', bucket: 'trail-bucket', region: 'eu-west-1', concurrency: '4', endpointUrl: '' })
  })

  it("are rewritten in persist's form under the same keys, and read again from it", async () => {
    await load()
    expect(JSON.parse(storage.getItem('ashiato.language')!)).toEqual({ state: { language: 'ja' }, version: 1 })
    expect(JSON.parse(storage.getItem('ashiato.s3')!).state.form).toEqual({ profile: 'audit', region: 'eu-west-1', endpointUrl: '', bucket: 'trail-bucket', prefix: '', concurrency: '4' })
    const again = await load()
    expect(again.language.useLanguage.getState().language).toBe('ja')
    expect(again.find.useFindPrefs.getState().widths).toEqual({ eventName: 240 })
  })
})

describe('preferences changed in a session', () => {
  it('are kept for the next page', async () => {
    const s = await load()
    s.language.useLanguage.getState().setLanguage('ja')
    s.zone.setTimeZone('local')
    s.aliases.setAccountAlias('444455556666', '  audit  ')
    s.layout.useUi.getState().setShowNotes(false)
    s.find.useFindPrefs.getState().setWidth('eventName', 10) // clamped to the narrowest
    s.facets.useFacetPrefs.getState().addFacet('userAgent')
    s.exporting.setExportChoice({ format: 'jsonl' })
    s.exporting.setExportChoice({ gzip: false })
    s.s3.setS3Field('bucket', 'my-trail')
    const next = await load()
    expect(next.language.useLanguage.getState().language).toBe('ja')
    expect(next.zone.useTimeZoneStore.getState().choice).toBe('local')
    expect(next.aliases.useAccountAliases.getState().aliases).toEqual({ '444455556666': 'audit' })
    expect(next.layout.useUi.getState()).toMatchObject({ showNotes: false, listFractionChosen: false })
    expect(next.find.useFindPrefs.getState().widths.eventName).toBeGreaterThan(10)
    expect(next.facets.useFacetPrefs.getState().extra).toEqual(['userAgent'])
    expect(next.exporting.useExportPrefs.getState()).toMatchObject({ format: 'jsonl', gzip: false, gzipByFormat: { records: true, jsonl: false, csv: false } })
    expect(next.s3.useS3.getState().form.bucket).toBe('my-trail')
  })

  it('keep only what is meant to be kept (not an open editor, not the dates of an S3 range)', async () => {
    const s = await load()
    s.aliases.openAliasEditor('111122223333')
    s.s3.setS3Field('from', '2024-01-01')
    expect(JSON.parse(storage.getItem('ashiato.accountAliases')!).state).toEqual({ aliases: {} })
    expect(JSON.parse(storage.getItem('ashiato.s3')!).state.form).not.toHaveProperty('from')
  })
})

describe('stored values are not trusted', () => {
  it('falls back to the defaults for values that make no sense, old or new', async () => {
    storage.setItem('ashiato.language', 'klingon')
    storage.setItem('ashiato.timeZone', JSON.stringify({ state: { choice: 'Mars/Olympus' }, version: 1 }))
    storage.setItem('ashiato.find', '{not json')
    storage.setItem('ashiato.layout', JSON.stringify({ state: { listFraction: 5, showNotes: 'yes' }, version: 1 }))
    storage.setItem('ashiato.facets', JSON.stringify({ state: { extra: ['ok.field', 'not a field!', 42] }, version: 1 }))
    storage.setItem('ashiato.export', JSON.stringify({ state: { format: '../../etc', gzipByFormat: { csv: 'yes' } }, version: 1 }))
    const s = await load()
    expect(s.language.useLanguage.getState().language).toBe('en')
    expect(s.zone.useTimeZoneStore.getState()).toMatchObject({ choice: 'UTC', zone: 'UTC' })
    expect(s.find.useFindPrefs.getState().columns).toEqual(s.find.DEFAULT_COLUMNS)
    expect(s.layout.useUi.getState()).toMatchObject({ listFraction: 0.6, listFractionChosen: false, showNotes: true })
    expect(s.facets.useFacetPrefs.getState().extra).toEqual(['ok.field'])
    expect(s.exporting.useExportPrefs.getState()).toMatchObject({ format: 'records', gzipByFormat: { records: true, jsonl: true, csv: false } })
  })

  it('a storage that refuses writes does not break a choice', async () => {
    const s = await load()
    const setItem = vi.spyOn(storage, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError')
    })
    try {
      s.zone.setTimeZone('Asia/Tokyo')
      expect(s.zone.currentTimeZone()).toBe('Asia/Tokyo')
    } finally {
      setItem.mockRestore()
    }
  })
})
