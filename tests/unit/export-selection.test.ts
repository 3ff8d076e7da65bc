// The pure parts of exporting from the app: a selection resolved to the ids that are written
// (explicit ids, a view minus and plus some), counted against a view, the export's file names and
// content types, and web mode's one-time download tickets.
import { describe, expect, it } from 'vitest'
import { defaultExportName, exportContentType, exportExtension, exportFilter, withExportExtension } from '../../main/export/file-name'
import { countHidden, IdBits, resolveSelection, selectionMembers, VIEW_EXPIRED } from '../../main/services/selection'
import { DownloadTickets } from '../../main/web/downloads'
import { extraCsvColumns } from '../../common/csv-columns'

// Ten events; id i happened at minute 10 - i (so id 9 is the oldest), id 4 has no time.
const times = Float64Array.from({ length: 10 }, (_, i) => (i === 4 ? Number.NaN : (10 - i) * 60_000))
const store = { size: 10, times }
const views = new Map<number, Uint32Array>([
  [1, Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])],
  [2, Uint32Array.from([7, 3, 5])],
])
const lookup = (viewId: number) => views.get(viewId)

describe('resolveSelection', () => {
  it('writes explicit ids by time when no view orders them, without a time last, each once, unknown ids dropped', () => {
    expect(Array.from(resolveSelection(store, { ids: [1, 4, 8, 1, 99, -1, 2.5, 3] }, lookup))).toEqual([8, 3, 1, 4])
  })

  it('writes explicit ids in the order a view shows them, then the ones it hides by time', () => {
    expect(Array.from(resolveSelection(store, { ids: [3, 0, 7, 9] }, lookup, 2))).toEqual([7, 3, 9, 0])
    // A view that is gone orders nothing: time order.
    expect(Array.from(resolveSelection(store, { ids: [3, 0, 7] }, lookup, 42))).toEqual([7, 3, 0])
  })

  it('writes a view in its order, minus `except`, then `plus` it does not hold', () => {
    expect(resolveSelection(store, { viewId: 2 }, lookup)).toBe(views.get(2)) // no copy
    expect(Array.from(resolveSelection(store, { viewId: 2, except: [3] }, lookup))).toEqual([7, 5])
    expect(Array.from(resolveSelection(store, { viewId: 2, except: [3], plus: [0, 5, 9] }, lookup))).toEqual([7, 5, 9, 0])
    expect(() => resolveSelection(store, { viewId: 5 }, lookup)).toThrow(VIEW_EXPIRED)
  })

  it('counts what a view hides of a selection, and tells which rows are in it', () => {
    expect(countHidden(store, { ids: [7, 0, 1] }, lookup, 2)).toEqual({ selected: 3, hidden: 2 })
    expect(countHidden(store, { viewId: 1, except: [3, 5] }, lookup, 2)).toEqual({ selected: 8, hidden: 7 })
    expect(countHidden(store, { viewId: 2 }, lookup, 1)).toEqual({ selected: 3, hidden: 0 })
    expect(selectionMembers(store, { viewId: 2, plus: [9] }, lookup, [9, 8, 7, 3])).toEqual([9, 7, 3])
  })

  it('keeps one bit per event', () => {
    const bits = IdBits.of(70, [0, 31, 32, 69])
    expect([0, 1, 31, 32, 33, 69, 70, -1].map((id) => bits.has(id))).toEqual([true, false, true, true, false, true, false, false])
    bits.delete(31)
    expect(bits.has(31)).toBe(false)
  })
})

describe('export file names', () => {
  const at = new Date(2024, 2, 5, 9, 7)

  it('names exports ashiato-export-YYYYMMDD-HHmm with the format and gzip extension', () => {
    expect(defaultExportName('records', true, at)).toBe('ashiato-export-20240305-0907.json.gz')
    expect(defaultExportName('jsonl', false, at)).toBe('ashiato-export-20240305-0907.jsonl')
    expect(defaultExportName('csv', true, at)).toBe('ashiato-export-20240305-0907.csv.gz')
    expect(exportExtension('csv', false)).toBe('.csv')
  })

  it('serves each format with its content type, gzip as gzip', () => {
    expect(exportContentType('records', false)).toBe('application/json')
    expect(exportContentType('jsonl', false)).toBe('application/x-ndjson')
    expect(exportContentType('csv', false)).toBe('text/csv; charset=utf-8')
    expect(exportContentType('csv', true)).toBe('application/gzip')
    expect(exportFilter('records', true)).toEqual({ name: 'CloudTrail JSON (.json.gz)', extensions: ['gz'] })
  })

  it('adds the extension a typed name lacks', () => {
    expect(withExportExtension('/x/out', 'records', true)).toBe('/x/out.json.gz')
    expect(withExportExtension('/x/out.json', 'records', true)).toBe('/x/out.json.gz')
    expect(withExportExtension('/x/OUT.JSONL', 'jsonl', false)).toBe('/x/OUT.JSONL')
  })

  it("adds to a CSV only the list's columns the console's twelve lack", () => {
    expect(extraCsvColumns(['time', 'eventName', 'account', 'identityType', 'errorCode'])).toEqual(['account', 'identityType'])
  })
})

describe('download tickets', () => {
  const download = { ids: Uint32Array.from([1, 2]), shape: { format: 'jsonl' as const, gzip: false }, fileName: 'x.jsonl' }

  it('gives each export a random ticket, good for one download', () => {
    const tickets = new DownloadTickets()
    const a = tickets.add(download)
    const b = tickets.add(download)
    expect(a).toMatch(/^[\w-]{32}$/)
    expect(a).not.toBe(b)
    expect(tickets.take(a)).toEqual(download)
    expect(tickets.take(a)).toBeNull()
    expect(tickets.take(null)).toBeNull()
    expect(tickets.take('')).toBeNull()
  })

  it('forgets tickets after a while, and keeps only a few waiting', () => {
    let now = 1_000
    const tickets = new DownloadTickets(60_000, () => now)
    const old = tickets.add(download)
    now += 60_001
    expect(tickets.take(old)).toBeNull()
    const many = Array.from({ length: 20 }, () => tickets.add(download))
    expect(tickets.size).toBe(8)
    expect(tickets.take(many[0])).toBeNull()
    expect(tickets.take(many[19])).toEqual(download)
  })
})
