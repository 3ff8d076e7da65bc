// Issue #12 §3: a load's progress runs against a total known before the first file is parsed,
// and neither the total nor the work done ever goes back (the bar and its time left never jump).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { EventStore } from '../../main/store/event-store'
import { loadInto } from '../../main/loader/load-files'
import type { FileReport, LoadProgress } from '../../common/ipc-contract'
import { eventText, seededRandom } from '../support/cloudtrail-events'

const random = seededRandom(12)
const FILES = 40
let root: string
let bytes = 0

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-totals-'))
  // Two folders deep, so a streaming walk would still be finding files while the first are parsed.
  for (let f = 0; f < FILES; f++) {
    const day = path.join(root, 'AWSLogs', '222222222222', 'CloudTrail', 'eu-west-1', '2024', '04', String(1 + (f % 4)).padStart(2, '0'))
    mkdirSync(day, { recursive: true })
    const events = Array.from({ length: 30 }, (_, e) => eventText(random, { account: '222222222222', time: new Date(Date.UTC(2024, 3, 1 + (f % 4), 8, e)) }))
    const body = gzipSync(`{"Records":[${events.join(',')}]}`)
    bytes += body.length
    writeFileSync(path.join(day, `file-${String(f).padStart(3, '0')}.json.gz`), body)
  }
  writeFileSync(path.join(root, 'broken.json'), '{"Records": [')
  bytes += '{"Records": ['.length
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('load progress totals', () => {
  it('are final before the first file is parsed and never go back', async () => {
    const progress: LoadProgress[] = []
    const reportsBeforeFirstProgress: FileReport[] = []
    const summary = await loadInto(new EventStore(), [{ path: root }], {}, {
      onProgress: (p) => progress.push(p),
      onFileReport: (r) => {
        if (progress.length === 0) reportsBeforeFirstProgress.push(r)
      },
    })
    expect(summary.files).toBe(FILES + 1)
    // The first progress already carries the whole count, before any file was reported.
    const first = progress.find((p) => p.totalKnown)!
    expect(first).toBeDefined()
    expect(first.filesDone).toBe(0)
    expect(first.bytesDone).toBe(0)
    expect(first.filesTotal).toBe(FILES + 1)
    expect(first.bytesTotal).toBe(bytes)
    expect(reportsBeforeFirstProgress).toEqual([])
    // From then on: the same totals, work done only growing.
    const after = progress.slice(progress.indexOf(first))
    for (let i = 1; i < after.length; i++) {
      expect(after[i].filesTotal).toBe(first.filesTotal)
      expect(after[i].bytesTotal).toBe(first.bytesTotal)
      expect(after[i].filesDone).toBeGreaterThanOrEqual(after[i - 1].filesDone)
      expect(after[i].bytesDone).toBeGreaterThanOrEqual(after[i - 1].bytesDone)
      expect(after[i].counting).toBe(false)
    }
    const last = progress.at(-1)!
    expect(last.done).toBe(true)
    expect(last.filesDone).toBe(last.filesTotal)
  })

  it('a load of inputs that arrive over time says its total is not known', async () => {
    async function* arriving() {
      yield { path: path.join(root, 'broken.json') }
    }
    const progress: LoadProgress[] = []
    await loadInto(new EventStore(), arriving(), {}, { onProgress: (p) => progress.push(p) })
    expect(progress.at(-1)!.totalKnown).toBe(false)
    expect(progress.at(-1)!.filesTotal).toBe(1)
  })
})

describe('load rate and time left (renderer/state/load-rate.ts)', () => {
  const at = (over: Partial<LoadProgress>): LoadProgress => ({
    loadId: 1, filesDone: 0, filesTotal: 10, bytesDone: 0, bytesTotal: 10_000_000, events: 0, duplicates: 0, idCollisions: 0,
    noTime: 0, digests: 0, errors: 0, done: false, cancelled: false, elapsedMs: 0, counting: false, totalKnown: true, ...over,
  })

  it('measures from the counted total, not from the start of the walk, and says the time left', async () => {
    const { rateBase, loadRate } = await import('../../renderer/state/load-rate')
    let base = rateBase(null, at({ counting: true, totalKnown: false, elapsedMs: 5_000 }))
    expect(base).toBeNull()
    base = rateBase(base, at({ elapsedMs: 6_000 }))
    expect(base?.elapsedMs).toBe(6_000)
    // Too early to say anything.
    expect(loadRate(base, at({ elapsedMs: 6_200, bytesDone: 100_000 }))).toBeNull()
    const later = at({ elapsedMs: 8_000, bytesDone: 2_000_000, events: 40_000 })
    expect(rateBase(base, later)).toBe(base)
    const rate = loadRate(base, later)!
    expect(rate.bytesPerSecond).toBe(1_000_000)
    expect(rate.eventsPerSecond).toBe(20_000)
    expect(rate.msLeft).toBe(8_000)
    expect(loadRate(base, { ...later, totalKnown: false })!.msLeft).toBeNull()
    // A new load measures afresh.
    expect(rateBase(base, at({ loadId: 2, elapsedMs: 10 }))?.loadId).toBe(2)
  })
})
