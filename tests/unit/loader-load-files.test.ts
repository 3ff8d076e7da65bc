// The loader end to end under Node: real files on disk, the built parse workers, the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { EventStore } from '../../main/store/event-store'
import { loadInto } from '../../main/loader/load-files'
import { collectFiles, isProblem, StatReader } from '../../main/loader/collect-files'
import { eventText, seededRandom } from '../support/cloudtrail-events'

const random = seededRandom(7)
const at = (minute: number): Date => new Date(Date.UTC(2024, 2, 5, 10, minute))
const records = (events: string[]): string => `{"Records":[${events.join(',')}]}`
let root: string

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-load-'))
  const day = path.join(root, 'AWSLogs', '111111111111', 'CloudTrail', 'us-east-1', '2024', '03', '05')
  mkdirSync(day, { recursive: true })
  for (let f = 0; f < 5; f++) {
    const events = Array.from({ length: 20 }, (_, e) => eventText(random, { account: '111111111111', region: 'us-east-1', time: at(f * 5 + (e % 5)) }))
    writeFileSync(path.join(day, `111111111111_CloudTrail_us-east-1_20240305T10${f}0Z_${f}.json.gz`), gzipSync(records(events)))
  }
  const digest = path.join(root, 'AWSLogs', '111111111111', 'CloudTrail-Digest', 'us-east-1', '2024', '03', '05')
  mkdirSync(digest, { recursive: true })
  writeFileSync(path.join(digest, 'digest.json.gz'), gzipSync('{"awsAccountId":"111111111111","digestStartTime":"2024-03-05T10:00:00Z","digestEndTime":"2024-03-05T11:00:00Z","logFiles":[]}'))
  writeFileSync(path.join(root, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
  writeFileSync(path.join(root, 'empty.json'), '')
  writeFileSync(path.join(root, '.DS_Store'), 'junk')
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('collectFiles', () => {
  it('walks folders recursively in name order, skips hidden files, reports missing paths', async () => {
    const found = []
    for await (const item of collectFiles([{ path: root }, { path: path.join(root, 'missing.json') }])) found.push(item)
    const names = found.filter((f) => !isProblem(f)).map((f) => path.basename((f as { path: string }).path))
    expect(names).toContain('picture.png')
    expect(names).not.toContain('.DS_Store')
    expect(names.filter((n) => n.endsWith('.json.gz'))).toHaveLength(6)
    expect(found.filter(isProblem)).toEqual([{ file: path.join(root, 'missing.json'), reason: 'no such file or folder' }])
  })
})

describe('StatReader', () => {
  it('gives each file its stat in order, synchronously or (past a slow start) all at once', async () => {
    const day = path.join(root, 'AWSLogs', '111111111111', 'CloudTrail', 'us-east-1', '2024', '03', '05')
    const files = Array.from({ length: 40 }, (_, k) => (k === 30 ? path.join(day, 'gone.json.gz') : path.join(day, `111111111111_CloudTrail_us-east-1_20240305T10${k % 5}0Z_${k % 5}.json.gz`)))
    for (const slowMs of [1e9, -1]) {
      const reader = new StatReader(files, slowMs)
      const sizes: (number | string)[] = []
      for (let i = 0; i < files.length; i++) {
        const stat = await reader.get(i)
        sizes.push(stat instanceof Error ? (stat as NodeJS.ErrnoException).code ?? 'error' : stat.size)
      }
      expect(sizes[30], `slowMs ${slowMs}`).toBe('ENOENT')
      for (let k = 0; k < 40; k++) if (k !== 30) expect(sizes[k], `file ${k}, slowMs ${slowMs}`).toBe(sizes[k % 5])
    }
  })
})

describe('loadInto', () => {
  it('loads a trail folder, counts digests, and names each bad file with its reason', async () => {
    const store = new EventStore()
    const reports: string[] = []
    const summary = await loadInto(store, [{ path: root }], {}, { onFileReport: (r) => reports.push(`${path.basename(r.file)}:${r.kind}`) })
    expect(store.size).toBe(100)
    expect(summary.events).toBe(100)
    expect(summary.digests).toBe(1)
    expect(summary.files).toBe(8)
    expect(summary.badFiles.map((b) => path.basename(b.file)).sort()).toEqual(['empty.json', 'picture.png'])
    for (const bad of summary.badFiles) expect(bad.reason.length).toBeGreaterThan(3)
    expect(reports).toContain('digest.json.gz:digest')
    expect(summary.cancelled).toBe(false)
  })

  it('loading the same files twice adds nothing and counts the duplicates', async () => {
    const store = new EventStore()
    await loadInto(store, [{ path: root }])
    const again = await loadInto(store, [{ path: root }])
    expect(store.size).toBe(100)
    expect(again.duplicates).toBe(100)
  })

  it('keeps only events inside a time range when asked (S3 date ranges)', async () => {
    const store = new EventStore()
    await loadInto(store, [{ path: root }], { timeRange: { from: at(5).getTime(), to: at(15).getTime() } })
    expect(store.size).toBe(40)
    for (let i = 0; i < store.size; i++) expect(store.times[i] >= at(5).getTime() && store.times[i] < at(15).getTime()).toBe(true)
  })

  it('shows display names instead of temporary paths (uploads, S3 cache)', async () => {
    const store = new EventStore()
    const summary = await loadInto(store, [{ path: path.join(root, 'picture.png'), displayName: 'dropped.png' }])
    expect(summary.badFiles[0].file).toBe('dropped.png')
  })

  it('a cancelled load stops early and keeps what it read', async () => {
    const store = new EventStore()
    const controller = new AbortController()
    const pending = loadInto(store, [{ path: root }], { signal: controller.signal })
    controller.abort()
    const summary = await pending
    expect(summary.cancelled).toBe(true)
    // Stopped before all 100 events (the files hold no fewer), and what was read is in the store.
    expect(summary.events).toBeLessThan(100)
    expect(store.size).toBe(summary.events)
  })

  it('loads a folder of 10,000 tiny files', async () => {
    const many = mkdtempSync(path.join(os.tmpdir(), 'ashiato-many-'))
    try {
      for (let i = 0; i < 10_000; i++) writeFileSync(path.join(many, `f${i}.json`), records([eventText(random, { account: '222222222222', region: 'eu-west-1', time: at(i % 60) })]))
      const store = new EventStore()
      const summary = await loadInto(store, [{ path: many }])
      expect(summary.files).toBe(10_000)
      expect(summary.badFiles).toEqual([])
      expect(store.size).toBe(10_000)
    } finally {
      rmSync(many, { recursive: true, force: true })
    }
  })
})
