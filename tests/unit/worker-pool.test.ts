// The pool with real worker threads: a job may be answered in several messages (a worker sends
// parsed files early to free its share of the load's budget), so a worker that dies mid-job
// fails only the files it had not answered, each exactly once.
import path from 'node:path'
import os from 'node:os'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { WorkerPool } from '../../main/loader/worker-pool'
import { InflateBudget } from '../../main/loader/inflate-budget'

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'helpers', 'half-answering-worker.cjs')

/** The real parse worker's field sample for one small file, with sampleFields as given. */
async function sampledBy(sampleFields: boolean | undefined): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-pool-'))
  try {
    const file = path.join(dir, 'events.json')
    writeFileSync(file, JSON.stringify({ Records: [{ eventTime: '2024-01-01T00:00:00Z', eventName: 'GetObject', eventSource: 's3.amazonaws.com' }] }))
    let sampled = -1
    const done = new Promise<void>((resolve, reject) => {
      const pool = new WorkerPool(
        (result) => {
          sampled = result.fieldPaths.sampled
          if (result.last) void pool.close().then(resolve)
        },
        () => reject(new Error('worker crashed')),
        undefined,
        1,
      )
      pool.submit({ files: [{ fileIndex: 0, path: file }], maxUncompressedBytes: 1 << 20, budget: InflateBudget.create(1 << 22).shared, sampleFields })
    })
    await done
    return sampled
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('WorkerPool', () => {
  it('the parse worker samples fields only for a job that asks (loads nobody reads the catalogue of skip the walk)', async () => {
    expect(await sampledBy(undefined)).toBe(0)
    expect(await sampledBy(false)).toBe(0)
    expect(await sampledBy(true)).toBe(1)
  })

  it('says when its queue has room again (a long walk waits there instead of queueing every file)', async () => {
    const pool = new WorkerPool(() => {}, () => {}, undefined, 1)
    const budget = InflateBudget.create(1 << 22).shared
    // Missing files: each job is answered at once, two at a time in flight.
    for (let j = 0; j < 10; j++) pool.submit({ files: [{ fileIndex: j, path: path.join(os.tmpdir(), `ashiato-no-such-file-${j}`) }], maxUncompressedBytes: 1 << 20, budget })
    expect(pool.queued).toBe(8)
    let queuedThen = -1
    await pool.whenQueueBelow(3).then(() => (queuedThen = pool.queued))
    expect(queuedThen).toBe(2)
    await pool.close()
    // A closed pool never makes a caller wait.
    pool.submit({ files: [{ fileIndex: 99, path: 'x' }], maxUncompressedBytes: 1, budget })
    await pool.whenQueueBelow(1)
  })

  it('a worker dying after answering part of a job fails only the rest of it', async () => {
    const answered: number[] = []
    const failed: number[] = []
    let finish = (): void => {}
    const done = new Promise<void>((resolve) => (finish = resolve))
    const check = (): void => {
      if (answered.length + failed.length === 3) finish()
    }
    const pool = new WorkerPool(
      (result) => {
        for (const r of result.results) answered.push(r.fileIndex)
        check()
      },
      (job) => {
        for (const f of job.files) failed.push(f.fileIndex)
        check()
      },
      WORKER,
      1,
    )
    pool.submit({ files: [0, 1, 2].map((fileIndex) => ({ fileIndex, path: `f${fileIndex}` })), maxUncompressedBytes: 1, budget: InflateBudget.create(1).shared })
    await done
    await pool.close()
    expect(answered).toEqual([0])
    expect(failed).toEqual([1, 2])
    expect(pool.busy).toBe(0)
  })
})
