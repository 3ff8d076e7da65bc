// extractEvents on bad and damaged input: a failure with a reason a person can act on when
// nothing can be read, and every good event plus a warning when some can.

import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { extractEvents } from '../../main/loader/extract-events'
import { expectBatch, expectFailure, expectWellFormed, viewOf } from './helpers/batch-view'
import { deliveryFile, makeEvents } from '../support/cloudtrail-events'

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')
const events = makeEvents(200, 21)
const expected = events.map((e) => JSON.stringify(e))

describe('files that are not CloudTrail JSON', () => {
  it('names what the file is', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    expect(expectFailure(extractEvents(png, 0))).toBe('not CloudTrail JSON: a PNG image')
    expect(expectFailure(extractEvents(utf8('PK\x03\x04rest'), 0))).toBe('not CloudTrail JSON: a ZIP archive (extract it first)')
    expect(expectFailure(extractEvents(utf8('<!doctype html><script>alert(1)</script>'), 0))).toBe('not CloudTrail JSON: an HTML or XML document')
    expect(expectFailure(extractEvents(utf8('2024-03-05 10:00:00 INFO started a very long log line\n'), 0))).toBe(
      'not CloudTrail JSON: text starting with "2024-03-05 10:00:00 INFO…"',
    )
    expect(expectFailure(extractEvents(Buffer.from([0x00, 0x01, 0x02, 0x03]), 0))).toBe('not CloudTrail JSON: binary data')
    expect(expectFailure(extractEvents(gzipSync('hello'), 0))).toBe('not CloudTrail JSON: text starting with "hello"')
    for (const bom of ['\uFEFF', '']) {
      const utf16 = Buffer.from(`${bom}{"Records":[]}`, 'utf16le')
      expect(expectFailure(extractEvents(utf16, 0))).toBe('not CloudTrail JSON: UTF-16 text (save it as UTF-8)')
    }
  })

  it('says a file is empty', () => {
    expect(expectFailure(extractEvents(new Uint8Array(0), 0))).toBe('empty file')
    expect(expectFailure(extractEvents(utf8(' \n\t\r\n'), 0))).toBe('empty file')
    expect(expectFailure(extractEvents(utf8('\uFEFF'), 0))).toBe('empty file')
    expect(expectFailure(extractEvents(gzipSync(''), 0))).toBe('empty file (an empty gzip)')
  })

  it('refuses JSON that holds no events', () => {
    for (const text of ['{}', '{"name":"ashiato","version":"0.1.0","dependencies":{"react":"19"}}', '[1,2,3]', '[{"a":{"b":[{"c":null}]}}]', '{"Records":[{"foo":1}]}']) {
      expect(expectFailure(extractEvents(utf8(text), 0)), text).toBe('JSON without CloudTrail events')
    }
  })

  it('survives hostile nesting without exhausting the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(expectFailure(extractEvents(utf8(deep), 0))).toBe('JSON without CloudTrail events')
    const deepObjects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    expect(expectFailure(extractEvents(utf8(deepObjects), 0))).toBe('JSON without CloudTrail events')
  })
})

describe('invalid JSON', () => {
  it('names the byte where a document breaks, and keeps the events before it', () => {
    const good = expected.slice(0, 2).join(',')
    const text = `{"Records":[${good}, x, ${expected[2]}]}`
    const batch = expectBatch(extractEvents(utf8(text), 0))
    expect(viewOf(batch).map((e) => e.text)).toEqual(expected.slice(0, 2))
    expect(batch.warning).toBe(`invalid JSON at byte ${text.indexOf(' x') + 1}: unexpected 'x'; 2 events read`)
  })

  it('picks up at the next value after damage between concatenated pretty-printed values', () => {
    const pretty = expected.slice(0, 3).map((text) => JSON.stringify({ Records: [JSON.parse(text)] }, null, 2))
    const damaged = `${pretty[0]}\n${pretty[1].replace('"Records"', '"Records" oops')}\n${pretty[2]}\n`
    const batch = expectBatch(extractEvents(utf8(damaged), 0))
    expect(viewOf(batch).map((e) => JSON.parse(e.text))).toEqual([JSON.parse(expected[0]), JSON.parse(expected[2])])
    expect(batch.warning).toBe(`invalid JSON at byte ${damaged.indexOf('oops')}: unexpected 'o'; 2 events read`)
  })

  it('fails with the position when nothing can be read', () => {
    expect(expectFailure(extractEvents(utf8('{"Records" [1]}'), 0))).toBe("invalid JSON at byte 11: unexpected '['")
    expect(expectFailure(extractEvents(utf8('{"Records":[{"eventName":"A",}]}'), 0))).toMatch(/^invalid JSON at byte \d+: /)
    expect(expectFailure(extractEvents(utf8('{"Records":[{"eventName":"A"'), 0))).toBe('invalid JSON at byte 28: unexpected end of data')
  })

  it('skips an event whose own text is invalid and keeps the others', () => {
    const broken = '{"eventName":"Broken","x":tru}'
    const text = `[${expected[0]},${broken},${expected[1]}]`
    const batch = expectBatch(extractEvents(utf8(text), 0))
    expect(viewOf(batch).map((e) => e.text)).toEqual([expected[0], expected[1]])
    // V8 quotes the text in this message; the warning keeps the words, not the data.
    expect(batch.warning).toBe(`invalid JSON at byte ${text.indexOf(broken)}: Unexpected token '}'; 2 events read`)
  })

  it('keeps every good line of partly broken JSON Lines, naming the broken ones', () => {
    const lines = expected.slice(0, 101)
    lines[6] = lines[6].slice(0, 40)
    const batch = expectBatch(extractEvents(utf8(lines.join('\n')), 0))
    expectWellFormed(batch)
    expect(viewOf(batch).map((e) => e.text)).toEqual([...expected.slice(0, 6), ...expected.slice(7, 101)])
    expect(batch.warning).toBe('line 7: invalid JSON (unexpected end of data); 100 events read')
    // Blank lines at the top (and a BOM) count in the line numbers all the same.
    const shifted = expectBatch(extractEvents(utf8(`\uFEFF\n\r\n${lines.join('\n')}`), 0))
    expect(shifted.warning).toBe('line 9: invalid JSON (unexpected end of data); 100 events read')
  })

  it('counts past the first few broken lines instead of listing them all', () => {
    const lines = expected.slice(0, 20).map((line, i) => (i % 2 ? line : `${line.slice(0, -1)},"x":}`))
    const batch = expectBatch(extractEvents(utf8(lines.join('\n')), 0))
    expect(batch.starts.length).toBe(10)
    const problem = "invalid JSON (Unexpected token '}')"
    expect(batch.warning).toBe(`line 1: ${problem}; line 3: ${problem}; line 5: ${problem}; 7 more problems; 10 events read`)
  })

  it('recovers the events before the end of a cut-off plain file', () => {
    const text = deliveryFile(events.slice(0, 5))
    const cut = text.slice(0, text.indexOf(expected[3]) + 20)
    const batch = expectBatch(extractEvents(utf8(cut), 0))
    expect(viewOf(batch).map((e) => e.text)).toEqual(expected.slice(0, 3))
    expect(batch.warning).toBe(`invalid JSON at byte ${cut.length}: unexpected end of data; 3 events read`)
  })
})

describe('damaged gzip', () => {
  const file = gzipSync(deliveryFile(events))

  it('recovers every complete event before a cut, and says how many', () => {
    const batch = expectBatch(extractEvents(file.subarray(0, Math.floor(file.length * 0.6)), 0))
    const got = viewOf(batch).map((e) => e.text)
    expect(got.length).toBeGreaterThan(50)
    expect(got.length).toBeLessThan(200)
    expect(got).toEqual(expected.slice(0, got.length))
    expect(batch.warning).toBe(`truncated gzip: recovered ${got.length} events`)
  })

  it('fails when the cut leaves no complete event', () => {
    expect(expectFailure(extractEvents(file.subarray(0, 300), 0))).toBe('truncated gzip: no complete event before the damage')
    expect(expectFailure(extractEvents(file.subarray(0, 12), 0))).toBe('truncated gzip: nothing could be inflated')
  })

  it('recovers what precedes corruption inside the stream', () => {
    const corrupt = Buffer.from(file)
    corrupt.fill(0xff, Math.floor(corrupt.length / 2), Math.floor(corrupt.length / 2) + 64)
    const batch = expectBatch(extractEvents(corrupt, 0))
    const got = viewOf(batch).map((e) => e.text)
    expect(got.length).toBeGreaterThan(50)
    expect(got.length).toBeLessThan(expected.length)
    expect(got).toEqual(expected.slice(0, got.length))
    // zlib names what it met in the 0xff bytes (an invalid block type, or garbage it inflated
    // until the checksum, which the JSON walk then refuses): the message names it and the count.
    expect(batch.warning).toMatch(new RegExp(`^corrupt gzip \\([a-z ]+ near byte \\d+ of ${corrupt.length}\\)`))
    expect(batch.warning).toMatch(new RegExp(`(recovered ${got.length} events|; ${got.length} events read)$`))
  })

  it('keeps all events when junk follows the gzip stream', () => {
    const batch = expectBatch(extractEvents(Buffer.concat([file, utf8('garbage after the stream')]), 0))
    expect(viewOf(batch).map((e) => e.text)).toEqual(expected)
  })

  it('refuses a decompression bomb past the cap, naming the cap', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20))
    expect(bomb.length).toBeLessThan(20_000)
    expect(expectFailure(extractEvents(bomb, 0, { maxUncompressedBytes: 1024 * 1024 }))).toBe(
      'inflates to more than the per-file limit of 1 MiB of JSON (a guard against decompression bombs and memory exhaustion; set with --max-file-size); nothing was loaded from this file',
    )
    // Under the cap, the same bytes are only whitespace.
    expect(expectFailure(extractEvents(bomb, 0, { maxUncompressedBytes: 16 * 1024 * 1024 }))).toBe('empty file')
  })
})

describe('malicious content is just data', () => {
  it('loads events with huge strings, escape runs and markup', () => {
    const huge = 'A'.repeat(5_000_000)
    const tricky = [
      { eventName: '<img src=x onerror=alert(1)>', eventSource: '</script><script>alert(2)</script>', note: huge },
      { eventName: 'Escapes', s: '\\'.repeat(1001), q: '"'.repeat(1001), mixed: '\\"\\\\"\\'.repeat(333), u: '\u2028\u2029\u0000' },
    ]
    const text = tricky.map((e) => JSON.stringify(e))
    const batch = expectBatch(extractEvents(utf8(`${text.join('\n')}\n`), 0))
    expect(viewOf(batch).map((e) => e.text)).toEqual(text)
    expect(viewOf(batch)[0].columns.eventSource).toBe('</script><script>alert(2)</script>')
  })
})
