// The per-file limit and the load's budget of JSON held at once, on generated gzip bombs: the
// message names the file and the limit, and memory stays bounded whatever the inputs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { EventStore } from '../../main/store/event-store'
import { loadInto } from '../../main/loader/load-files'
import { InflateBudget } from '../../main/loader/inflate-budget'
import { parseByteSize } from '../../main/cli/cli-args'
import { sampleEvent } from './helpers/export-fixtures'
import { writeGzipBomb } from './helpers/gzip-bomb'
import { REPO, runCli } from './helpers/run-cli'

const MiB = 1024 * 1024
let dir = ''

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-limits-'))
  mkdirSync(path.join(dir, 'bombs'))
  for (let i = 0; i < 4; i++) writeGzipBomb(path.join(dir, 'bombs', `bomb-${i}.json.gz`), 1024 * MiB)
  writeFileSync(path.join(dir, 'bombs', 'good.json.gz'), gzipSync(`{"Records":[${JSON.stringify(sampleEvent(1))}]}`))
  mkdirSync(path.join(dir, 'medium'))
  for (let i = 0; i < 4; i++) writeGzipBomb(path.join(dir, 'medium', `m-${i}.json.gz`), 48 * MiB)
  mkdirSync(path.join(dir, 'plain'))
  writeFileSync(path.join(dir, 'plain', 'big.json'), `{"Records":[${JSON.stringify(sampleEvent(2))}]}`.padEnd(3 * MiB, ' '))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('per-file limit', () => {
  it('four 1 GiB gzip bombs: each reported with its name and the limit, the good file loaded, peak memory bounded', () => {
    const { code, stdout, stderr } = runCli(['--stats', '--count', '--max-file-size', '64M', path.join(dir, 'bombs')], {
      command: [process.execPath, '-r', path.join(REPO, 'tests/unit/helpers/report-rss.cjs'), path.join(REPO, 'dist/main/cli.cjs')],
    })
    expect(code).toBe(1)
    expect(stdout).toBe('1\n')
    for (let i = 0; i < 4; i++) {
      expect(stderr).toContain(`bomb-${i}.json.gz: inflates to more than the per-file limit of 64 MiB of JSON`)
    }
    expect(stderr).toContain('nothing was loaded from this file')
    const stats = JSON.parse(stderr.split('\n').find((line) => line.startsWith('{'))!) as { events: number; badFiles: unknown[] }
    expect(stats.events).toBe(1)
    expect(stats.badFiles).toHaveLength(4)
    // Without the limit each bomb inflates to 1 GiB; with it a worker holds at most 64 MiB (plus
    // zlib's chunk). Node, the bundle and its workers take ~150 MB of their own.
    const peak = Number(/peak-rss-bytes (\d+)/.exec(stderr)![1])
    expect(peak).toBeLessThan(700 * MiB)
  })

  it('a plain file over the limit is refused before it is read', async () => {
    const store = new EventStore()
    const summary = await loadInto(store, [{ path: path.join(dir, 'plain') }], { maxUncompressedBytes: 2 * MiB })
    expect(summary.badFiles).toEqual([{ file: path.join(dir, 'plain', 'big.json'), reason: expect.stringContaining('is larger than the per-file limit of 2 MiB of JSON') }])
    const fits = await loadInto(new EventStore(), [{ path: path.join(dir, 'plain') }], { maxUncompressedBytes: 4 * MiB })
    expect(fits).toMatchObject({ events: 1, badFiles: [] })
  })

  it('--max-file-size takes sizes with binary units and refuses nonsense', () => {
    expect(parseByteSize('512M')).toBe(512 * MiB)
    expect(parseByteSize('1.5G')).toBe(1.5 * 1024 * MiB)
    expect(parseByteSize('64MiB')).toBe(64 * MiB)
    expect(parseByteSize('1000')).toBe(1000)
    for (const bad of ['', '-1', '0', 'lots', '1e9', '5X']) expect(parseByteSize(bad)).toBeNull()
    const { code, stderr } = runCli(['--max-file-size', 'lots', dir])
    expect(code).toBe(2)
    expect(stderr).toContain('--max-file-size must be a size')
  })
})

describe('budget of JSON held at once across workers', () => {
  it('workers wait for each other instead of holding more than the budget', async () => {
    const store = new EventStore()
    // Each 48 MiB file counts 96 MiB held: with a 128 MiB budget two cannot be inflated at once.
    const summary = await loadInto(store, [{ path: path.join(dir, 'medium') }], { maxUncompressedBytes: 64 * MiB, inflateBudgetBytes: 128 * MiB, workers: 4 })
    expect(summary.files).toBe(4)
    expect(summary.peakBudgetBytes).toBeGreaterThanOrEqual(96 * MiB)
    expect(summary.peakBudgetBytes).toBeLessThanOrEqual(128 * MiB)
  })

  it('reserve blocks until released; a request over the limit is clamped to it', () => {
    const budget = InflateBudget.create(8 * MiB)
    const a = budget.reserve(6 * MiB)
    expect(budget.usedBytes).toBe(6 * MiB)
    budget.release(a)
    const all = budget.reserve(100 * MiB)
    expect(budget.usedBytes).toBe(8 * MiB)
    budget.release(all)
    expect(budget.usedBytes).toBe(0)
    expect(budget.peakBytes).toBe(8 * MiB)
  })
})
