// "Files with problems" says each fact once (renderer/components/problem-text.ts), on what the
// real loader reports for a cut-off gzip and for damaged JSON, not on sentences typed here.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { FileReport } from '../../common/ipc-contract'
import { loadInto } from '../../main/loader/load-files'
import { EventStore } from '../../main/store/event-store'
import { folderOf, reasonWithoutCount } from '../../renderer/components/problem-text'

function records(n: number): string {
  const events = Array.from({ length: n }, (_, i) => ({ eventVersion: '1.08', eventTime: `2024-03-05T10:${String(i % 60).padStart(2, '0')}:00Z`, eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventID: `id-${i}`, awsRegion: 'us-east-1' }))
  return JSON.stringify({ Records: events })
}

async function reportsOf(files: Record<string, Buffer | string>): Promise<FileReport[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-problems-'))
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body)
  const reports: FileReport[] = []
  await loadInto(new EventStore(), [{ path: dir }], {}, { onFileReport: (r) => reports.push(r) })
  return reports.filter((r) => r.reason !== '')
}

describe('a problem row says each fact once', () => {
  it('drops the count the loader closes a partial file with, and only that', async () => {
    const whole = gzipSync(records(400))
    const reports = await reportsOf({
      'cut.json.gz': whole.subarray(0, Math.floor(whole.length * 0.6)),
      'tail.json': records(30).slice(0, -40),
    })
    expect(reports.length).toBe(2)
    for (const report of reports) {
      expect(report.events).toBeGreaterThan(0)
      const said = reasonWithoutCount(report.reason, report.events)
      // The count is gone from the reason (the row says it in the UI's language), the damage stays.
      expect(said, report.reason).not.toContain(String(report.events))
      expect(said.length).toBeGreaterThan(5)
      expect(report.reason.startsWith(said)).toBe(true)
    }
  })

  it('keeps a reason whose number is another one, or that is not the loader’s closing count', () => {
    expect(reasonWithoutCount('truncated gzip: recovered 26 events', 26)).toBe('truncated gzip')
    expect(reasonWithoutCount('bad JSON at byte 9; 1 event read', 1)).toBe('bad JSON at byte 9')
    expect(reasonWithoutCount('truncated gzip: recovered 26 events', 25)).toBe('truncated gzip: recovered 26 events')
    expect(reasonWithoutCount('recovered 3 events from 3 events of junk', 3)).toBe('recovered 3 events from 3 events of junk')
  })

  it('shows the folder beside the name, not the name again', () => {
    expect(folderOf('/tmp/AWSLogs/1/x.json.gz')).toBe('/tmp/AWSLogs/1/')
    expect(folderOf('C:\\logs\\x.json')).toBe('C:\\logs\\')
    expect(folderOf('x.json.gz')).toBe('')
  })
})
