// CSV export: the console's columns, RFC 4180 quoting, and no formula injection from
// attacker-controlled fields.

import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportEvents } from '../../main/export/write-events'
import { csvCell, csvTime } from '../../main/export/csv-format'
import { allIds, sampleEvent, storeOf } from './helpers/export-fixtures'

/** A strict RFC 4180 reader: CRLF records, quoted cells with "" escapes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    let cell = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"'
          i += 2
        } else if (text[i] === '"') {
          break
        } else {
          cell += text[i++]
        }
      }
      i++
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') cell += text[i++]
    }
    record.push(cell)
    if (text[i] === ',') {
      i++
    } else if (text.startsWith('\r\n', i)) {
      i += 2
      records.push(record)
      record = []
    } else {
      throw new Error(`bad CSV at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`)
    }
  }
  return records
}

const HEADER = 'Event ID,Event time,User name,Event name,Resource type,Resource name,AWS access key,Event source,AWS region,Error code,Source IP address,Read-only'

async function exportCsv(texts: string[], extra: Parameters<typeof exportEvents>[2]['extraColumns'] = []): Promise<string> {
  const store = storeOf(texts)
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ashiato-csv-')), 'out.csv')
  await exportEvents(store, allIds(store), { path: file, format: 'csv', extraColumns: extra })
  return readFileSync(file, 'utf8')
}

describe('csvCell', () => {
  it('quotes only what needs quoting', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('a\tb')).toBe('a\\u0009b')
    expect(csvCell('')).toBe('')
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    // TAB and CR no longer reach the cell raw (see the control characters below).
    expect(csvCell('\tx')).toBe('\\u0009x')
    expect(csvCell('\rx')).toBe('\\u000dx')
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('writes control and bidi characters escaped, so a cell cannot forge a line or drive a terminal', () => {
    expect(csvCell('bob\x1b]0;pwned\x07\x1b[31m')).toBe('bob\\u001b]0;pwned\\u0007\\u001b[31m')
    expect(csvCell('two\r\nlines')).toBe('two\\u000d\\u000alines')
    expect(csvCell('gpj.\u202eexe')).toBe('gpj.\\u202eexe')
    expect(csvCell('é 日本 😀')).toBe('é 日本 😀')
  })

  it('writes times as the console does', () => {
    expect(csvTime(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02T03:04:05Z')
    expect(csvTime(Date.UTC(2024, 0, 2, 3, 4, 5, 120))).toBe('2024-01-02T03:04:05.120Z')
    expect(csvTime(null)).toBe('')
  })
})

describe('CSV export', () => {
  it('writes the console columns and one record per event', async () => {
    const text = await exportCsv([JSON.stringify(sampleEvent(1)), JSON.stringify(sampleEvent(2, { errorCode: 'AccessDenied', readOnly: undefined }))])
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true)
    const [, first, second] = parseCsv(text)
    expect(first).toEqual([
      '00000000-0000-0000-0000-000000000001',
      '2024-01-01T00:00:01Z',
      'user1',
      'GetObject',
      'AWS::S3::Object',
      'arn:aws:s3:::bucket/k1',
      'AKIAEXAMPLE',
      's3.amazonaws.com',
      'us-east-1',
      '',
      '203.0.113.7',
      'true',
    ])
    expect(second[9]).toBe('AccessDenied')
    expect(second[11]).toBe('')
  })

  it('round-trips awkward values and neutralises injected formulas', async () => {
    const evil = sampleEvent(3, {
      eventName: '=cmd|\' /C calc\'!A0',
      sourceIPAddress: '@evil',
      errorCode: 'a "quoted", multi\r\nline value',
      userIdentity: { type: 'IAMUser', userName: '-2+3' },
    })
    const [, row] = parseCsv(await exportCsv([JSON.stringify(evil)]))
    expect(row[3]).toBe("'=cmd|' /C calc'!A0")
    expect(row[10]).toBe("'@evil")
    expect(row[9]).toBe('a "quoted", multi\\u000d\\u000aline value')
    expect(row[2]).toBe("'-2+3")
  })

  it('appends extra columns with their own headers, skipping ones already present', async () => {
    const [header, row] = parseCsv(await exportCsv([JSON.stringify(sampleEvent(4))], ['account', 'eventType', 'eventName']))
    expect(header.slice(12)).toEqual(['Account ID', 'Event type'])
    expect(row.slice(12)).toEqual(['123456789012', 'AwsApiCall'])
  })

  it('writes only the header for no events', async () => {
    expect(await exportCsv([])).toBe(`${HEADER}\r\n`)
  })
})
