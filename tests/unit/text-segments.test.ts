// The events' text in temporary segment files: byte-exact round trips (written by the parse
// workers and by the store itself, small and large events, across read blocks), Clear and
// exit remove the files, and a full disk or a removed temp folder is a clear error that
// loses nothing already loaded. The full disk is real: a tiny tmpfs when this machine lets
// root mount one, and /dev/full (every write fails with ENOSPC) everywhere on Linux.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { EventStore } from '../../main/store/event-store'
import { SpillError, sweepStaleFolders } from '../../main/store/text-segments'
import { loadInto } from '../../main/loader/load-files'
import { evaluate } from '../../main/query/evaluate'
import { forgetCachedResults } from '../../main/query/leaf-cache'
import { eventText, seededRandom } from '../support/cloudtrail-events'
import { batchOfTexts } from './helpers/make-store'

const random = seededRandom(16)
const decoder = new TextDecoder()
let root: string
/** Every event text written to the input files, by eventID. */
const written = new Map<string, string>()

/** A pretty-printed event with non-ASCII text, and one far larger than a read block. */
function oddEvents(file: number): string[] {
  const pretty = JSON.stringify({ ...JSON.parse(eventText(random, { account: '111111111111', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 5, 10, file)) })), userAgent: 'テスト agent é 🙂' }, null, 2)
  const base = JSON.parse(eventText(random, { account: '111111111111', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 5, 11, file)) })) as Record<string, unknown>
  const large = JSON.stringify({ ...base, requestParameters: { policy: 'x'.repeat(300_000 + file) } })
  return [pretty, large]
}

function writeTrail(dir: string, files: number, perFile: number): void {
  const day = path.join(dir, 'AWSLogs', '111111111111', 'CloudTrail', 'us-east-1', '2024', '03', '05')
  mkdirSync(day, { recursive: true })
  for (let f = 0; f < files; f++) {
    const events = Array.from({ length: perFile }, (_, e) => eventText(random, { account: '111111111111', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 5, 10, f, e % 60)) }))
    if (f % 3 === 0) events.push(...oddEvents(f))
    for (const text of events) written.set((JSON.parse(text) as { eventID: string }).eventID, text)
    // Pretty-printed events keep their line breaks in the file, as CloudTrail's never do but exports may.
    writeFileSync(path.join(day, `111111111111_CloudTrail_us-east-1_20240305T10${String(f).padStart(2, '0')}Z_${f}.json.gz`), gzipSync(`{"Records":[${events.join(',\n')}]}`))
  }
}

function spillFolders(under: string): string[] {
  return existsSync(under) ? readdirSync(under).filter((name) => name.startsWith('ashiato-text-')) : []
}

/** Every loaded event's bytes equal the text written for its eventID. */
function expectByteExact(store: EventStore): void {
  for (let id = 0; id < store.size; id++) {
    const text = decoder.decode(store.eventBytes(id))
    const eventId = (JSON.parse(text) as { eventID: string }).eventID
    expect(text).toBe(written.get(eventId))
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-spill-test-'))
  writeTrail(path.join(root, 'trail'), 30, 40)
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('text segments', () => {
  it('loads through the parse workers into segment files and reads every event back byte for byte', async () => {
    const spill = path.join(root, 'spill-a')
    mkdirSync(spill)
    const store = new EventStore(spill)
    const summary = await loadInto(store, [{ path: path.join(root, 'trail') }])
    expect(summary.badFiles).toEqual([])
    expect(store.size).toBe(30 * 40 + 10 * 2)
    expectByteExact(store)
    // Read again in another order (other blocks kept), and the large ones past the block cache.
    for (let id = store.size - 1; id >= 0; id -= 7) expect(store.text(id)).toBe(written.get(store.row(id).eventId))
    const [folder] = spillFolders(spill)
    expect(readdirSync(path.join(spill, folder)).every((name) => name.endsWith('.seg'))).toBe(true)
    expect(store.spilledBytes).toBeGreaterThan(10 * 300_000)
    store.clear()
  })

  it('keeps text given in memory the same way, across block boundaries', () => {
    const spill = path.join(root, 'spill-b')
    mkdirSync(spill)
    const store = new EventStore(spill)
    const texts: string[] = []
    for (let b = 0; b < 20; b++) {
      const batch = Array.from({ length: 200 }, (_, e) => eventText(random, { account: '222222222222', region: 'eu-west-1', time: new Date(Date.UTC(2024, 2, 5, b, e % 60)) }))
      if (b % 5 === 0) batch.push(...oddEvents(b))
      texts.push(...batch)
      store.addBatch(batchOfTexts(batch), store.addFile(`b${b}.json`))
    }
    expect(store.size).toBe(texts.length)
    texts.forEach((text, id) => expect(decoder.decode(store.bytes(id))).toBe(text))
    store.clear()
  })

  it('Clear removes the files; a new load after it writes new ones; a dead process\'s folder is swept', async () => {
    const spill = path.join(root, 'spill-c')
    mkdirSync(spill)
    const store = new EventStore(spill)
    await loadInto(store, [{ path: path.join(root, 'trail') }])
    expect(spillFolders(spill)).toHaveLength(1)
    store.clear()
    expect(spillFolders(spill)).toEqual([])
    expect(store.size).toBe(0)
    await loadInto(store, [{ path: path.join(root, 'trail') }])
    expect(spillFolders(spill)).toHaveLength(1)
    expectByteExact(store)
    store.clear()
    // A folder named after a process that no longer runs (pid far above any live one) is swept.
    mkdirSync(path.join(spill, 'ashiato-text-999999999-abc'))
    expect(sweepStaleFolders(spill)).toBe(1)
    expect(spillFolders(spill)).toEqual([])
  })

  it('removes the folder when the process exits', () => {
    const spill = path.join(root, 'spill-exit')
    mkdirSync(spill)
    // A child process fills a set's text and exits without clearing it.
    const probe = path.join(root, 'probe.mts')
    writeFileSync(
      probe,
      [
        `import { TextSegments } from ${JSON.stringify(path.resolve('main/store/text-segments.ts'))}`,
        `const segments = new TextSegments(${JSON.stringify(spill)})`,
        `segments.append(Buffer.from('{"eventID":"x"}'))`,
        `import { readdirSync } from 'node:fs'`,
        `console.log(readdirSync(${JSON.stringify(spill)}).length)`,
      ].join('\n'),
    )
    const during = execFileSync(process.execPath, ['--import', 'tsx', probe], { encoding: 'utf8' })
    expect(during.trim()).toBe('1')
    expect(spillFolders(spill)).toEqual([])
  })

  it('a search reading whole regions meets a segment file cut short outside Ashiato as a clear error, not as fewer matches', () => {
    const spill = path.join(root, 'spill-t')
    mkdirSync(spill)
    const store = new EventStore(spill)
    const texts = Array.from({ length: 300 }, (_, e) => eventText(random, { account: '333333333333', region: 'eu-west-1', time: new Date(Date.UTC(2024, 2, 5, 1, e % 60)) }))
    store.addBatch(batchOfTexts(texts), store.addFile('t.json'))
    expect(evaluate(store, 'eventVersion').ids.length).toBe(300)
    const [folder] = spillFolders(spill)
    const [file] = readdirSync(path.join(spill, folder))
    truncateSync(path.join(spill, folder, file), 1000)
    forgetCachedResults(store)
    expect(() => evaluate(store, 'eventVersion')).toThrow(SpillError)
    expect(() => evaluate(store, 'eventVersion')).toThrow(/shorter than expected/)
    store.clear()
  })

  it('a deleted segment file loses nothing already loaded (the store keeps it open)', async () => {
    const spill = path.join(root, 'spill-d')
    mkdirSync(spill)
    const store = new EventStore(spill)
    await loadInto(store, [{ path: path.join(root, 'trail') }])
    for (const folder of spillFolders(spill)) rmSync(path.join(spill, folder), { recursive: true, force: true })
    expectByteExact(store)
    // A load after the folder went: every file fails with the reason in words, nothing is lost.
    const before = store.size
    const summary = await loadInto(store, [{ path: path.join(root, 'trail') }])
    expect(store.size).toBe(before)
    expect(summary.badFiles.length).toBe(30)
    expect(summary.badFiles[0].reason).toMatch(/temporary (file|folder)/)
    expectByteExact(store)
    store.clear()
  })

  it('a full disk (/dev/full, ENOSPC) fails the batch with a clear error and keeps what was loaded', () => {
    const spill = path.join(root, 'spill-full')
    mkdirSync(spill)
    const store = new EventStore(spill)
    const first = Array.from({ length: 50 }, () => eventText(random, { account: '333333333333', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 5)) }))
    store.addBatch(batchOfTexts(first), store.addFile('first.json'))
    // The store's own segment now points at a device where every write fails with ENOSPC.
    const folder = path.join(spill, spillFolders(spill)[0])
    rmSync(path.join(folder, 'main.seg'))
    symlinkSync('/dev/full', path.join(folder, 'main.seg'))
    const other = new EventStore(spill)
    other.spillPrefix()
    const otherFolder = path.join(spill, spillFolders(spill).find((name) => path.join(spill, name) !== folder)!)
    symlinkSync('/dev/full', path.join(otherFolder, 'main.seg'))
    const batch = batchOfTexts([eventText(random, { account: '333333333333', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 5)) })])
    expect(() => other.addBatch(batch, other.addFile('second.json'))).toThrow(SpillError)
    expect(() => other.addBatch(batch, other.addFile('second.json'))).toThrow(/no space left on the disk of the temporary folder/)
    expect(other.size).toBe(0)
    // The first store still reads every event it had (its segment was open before the swap).
    first.forEach((text, id) => expect(store.text(id)).toBe(text))
    store.clear()
    other.clear()
  })

  it('a full tmpfs fails the files that no longer fit, names why, and keeps the others whole', async (context) => {
    const mount = path.join(root, 'tiny')
    mkdirSync(mount)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { stdio: 'ignore' })
    } catch {
      context.skip('cannot mount a tmpfs here (not root, or no mount permission): the /dev/full test covers ENOSPC')
      return
    }
    try {
      const store = new EventStore(mount)
      const summary = await loadInto(store, [{ path: path.join(root, 'trail') }], { workers: 1 })
      expect(store.size).toBeGreaterThan(0)
      expect(summary.badFiles.length).toBeGreaterThan(0)
      for (const bad of summary.badFiles) expect(bad.reason).toMatch(/no space left on the disk of the temporary folder/)
      expectByteExact(store)
      store.clear()
    } finally {
      execFileSync('umount', [mount])
    }
  })
})
