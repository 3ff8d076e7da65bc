// CloudTrail JSON and JSON Lines exports: what goes out must be the events' original text, byte
// for byte (big integers, key order, escapes and all), and must reopen as the same events.

import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { Writable } from 'node:stream'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportEvents, writeEvents } from '../../main/export/write-events'
import { toSingleLine } from '../../main/export/json-text'
import { extractEvents } from '../../main/loader/extract-events'
import type { BatchFailure, ParsedBatch } from '../../main/store/parsed-batch'
import { allIds, sampleEvent, storeOf } from './helpers/export-fixtures'

const BIG = '{"eventID":"big-1","eventTime":"2024-01-01T00:00:00Z","requestParameters":{"z":1,"a":12345678901234567890,"m":1.50,"e":1E+3}}'
const PRETTY = JSON.stringify(sampleEvent(2, { note: 'line one\nline "two"', path: 'C:\\temp\\' }), null, 2)
const UNICODE = JSON.stringify(sampleEvent(3, { userAgent: '日本語 🚀 \u2028', eventName: 'Put Object' }))
const TEXTS = [JSON.stringify(sampleEvent(1)), BIG, PRETTY, UNICODE]

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'ashiato-export-'))
const decoder = new TextDecoder()

describe('records export', () => {
  it('writes {"Records":[...]} with each event\'s original text', async () => {
    const store = storeOf(TEXTS)
    const file = path.join(tempDir(), 'out.json')
    const result = await exportEvents(store, allIds(store), { path: file, format: 'records' })
    const text = readFileSync(file, 'utf8')
    expect(text).toBe(`{"Records":[\n${TEXTS.join(',\n')}\n]}\n`)
    expect(result).toEqual({ events: 4, bytes: Buffer.byteLength(text), path: file })
    const records = (JSON.parse(text) as { Records: Record<string, unknown>[] }).Records
    expect(records.map((r) => r.eventID)).toEqual(TEXTS.map((t) => (JSON.parse(t) as { eventID: string }).eventID))
    // Key order survives (JSON.parse keeps insertion order for non-integer keys).
    expect(Object.keys(records[1].requestParameters as object)).toEqual(['z', 'a', 'm', 'e'])
    expect(text).toContain('"a":12345678901234567890,"m":1.50,"e":1E+3')
  })

  it('gzips to a .json.gz that gunzips to the same bytes', async () => {
    const store = storeOf(TEXTS)
    const dir = tempDir()
    await exportEvents(store, allIds(store), { path: path.join(dir, 'plain.json'), format: 'records' })
    const result = await exportEvents(store, allIds(store), { path: path.join(dir, 'out.json.gz'), format: 'records', gzip: true })
    const gz = readFileSync(path.join(dir, 'out.json.gz'))
    expect(gz[0]).toBe(0x1f)
    expect(result.bytes).toBe(gz.length)
    expect(gunzipSync(gz).equals(readFileSync(path.join(dir, 'plain.json')))).toBe(true)
  })

  it('writes an empty but valid file for no events', async () => {
    const store = storeOf(TEXTS)
    const file = path.join(tempDir(), 'empty.json')
    expect((await exportEvents(store, [], { path: file, format: 'records' })).events).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ Records: [] })
  })

  it('exports the given ids in the given order', async () => {
    const store = storeOf(TEXTS)
    const file = path.join(tempDir(), 'some.json')
    await exportEvents(store, new Set([3, 1]), { path: file, format: 'records' })
    expect(readFileSync(file, 'utf8')).toBe(`{"Records":[\n${UNICODE},\n${BIG}\n]}\n`)
  })
})

describe('JSON Lines export', () => {
  it('writes one event per line, original text where it is already one line', async () => {
    const store = storeOf(TEXTS)
    const file = path.join(tempDir(), 'out.jsonl')
    await exportEvents(store, allIds(store), { path: file, format: 'jsonl' })
    const lines = readFileSync(file, 'utf8').split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[4]).toBe('')
    expect(lines[0]).toBe(TEXTS[0])
    expect(lines[1]).toBe(BIG)
    expect(lines[3]).toBe(UNICODE)
    // The pretty-printed one is compacted, without reparsing numbers or touching strings.
    expect(lines[2]).toBe(JSON.stringify(JSON.parse(PRETTY)))
  })
})

describe('reopening an export with Ashiato\'s own loader', () => {
  const textsOf = (result: ParsedBatch | BatchFailure): string[] => {
    if ('reason' in result) throw new Error(result.reason)
    return Array.from(result.starts, (start, i) => decoder.decode(result.text.subarray(start, result.ends[i])))
  }

  it.each([
    ['records', false],
    ['records', true],
    ['jsonl', false],
    ['jsonl', true],
  ] as const)('%s (gzip %s) gives back the same events, byte for byte', async (format, gzip) => {
    const store = storeOf(TEXTS)
    const file = path.join(tempDir(), `out.${format}${gzip ? '.gz' : ''}`)
    await exportEvents(store, allIds(store), { path: file, format, gzip })
    const expected = format === 'jsonl' ? TEXTS.map((t, i) => (i === 2 ? JSON.stringify(JSON.parse(t)) : t)) : TEXTS
    expect(textsOf(extractEvents(readFileSync(file), 0))).toEqual(expected)
  })
})

describe('toSingleLine', () => {
  const one = (text: string): string => decoder.decode(toSingleLine(new TextEncoder().encode(text)))

  it('keeps whitespace and escapes inside strings', () => {
    expect(one('{\n  "a" : "x  \\" \\n y",\n  "b": [ 1 , 2 ]\n}')).toBe('{"a":"x  \\" \\n y","b":[1,2]}')
    expect(one('{\r\n"p": "C:\\\\",\r\n"q": "\\\\\\""\r\n}')).toBe('{"p":"C:\\\\","q":"\\\\\\""}')
  })

  it('keeps numbers exactly as written', () => {
    expect(one('{\n"n": 123456789012345678901234567890,\n"f": -0.10e-5\n}')).toBe('{"n":123456789012345678901234567890,"f":-0.10e-5}')
  })

  it('returns the same bytes, not a copy, when there is no line break', () => {
    const bytes = new TextEncoder().encode('{ "a": 1 }')
    expect(toSingleLine(bytes)).toBe(bytes)
  })
})

describe('writeEvents', () => {
  it('respects backpressure: encoding never runs far ahead of a slow destination', async () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => JSON.stringify(sampleEvent(i)))
    const store = storeOf(texts)
    let received = 0
    let producedBytes = 0
    let maxLag = 0
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length
        setImmediate(done)
      },
    })
    const perEvent = Buffer.byteLength(texts[0]) + 1
    const result = await writeEvents(store, allIds(store), slow, {
      format: 'jsonl',
      onProgress: (done) => {
        producedBytes = done * perEvent
        maxLag = Math.max(maxLag, producedBytes - received)
      },
    })
    expect(result.events).toBe(20_000)
    expect(received).toBe(result.bytes)
    expect(result.bytes).toBeGreaterThan(8 * 1024 * 1024)
    // A few chunks of 64 KB may be buffered between the stages; the whole export must not be.
    expect(maxLag).toBeLessThan(2 * 1024 * 1024)
  })

  it('reports progress ending at the total', async () => {
    const store = storeOf(TEXTS)
    const calls: [number, number][] = []
    await writeEvents(store, allIds(store), new Writable({ write: (_c, _e, done) => done() }), {
      format: 'csv',
      onProgress: (done, total) => calls.push([done, total]),
    })
    expect(calls.at(-1)).toEqual([4, 4])
  })

  it('leaves no temp file behind after a good export', async () => {
    const store = storeOf(TEXTS)
    const dir = tempDir()
    await exportEvents(store, allIds(store), { path: path.join(dir, 'a.jsonl'), format: 'jsonl' })
    expect(readdirSync(dir)).toEqual(['a.jsonl'])
  })
})
