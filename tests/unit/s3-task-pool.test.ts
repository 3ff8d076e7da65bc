// Flow control for S3: bounded concurrency, abort of queued work, and retry with backoff.

import { describe, expect, it } from 'vitest'
import { createLimiter, sleep, withRetry } from '../../main/s3/task-pool'

describe('createLimiter', () => {
  it('never runs more than the limit at once', async () => {
    const run = createLimiter(3)
    let active = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 20 }, () =>
        run(async () => {
          peak = Math.max(peak, ++active)
          await sleep(2)
          active--
        }),
      ),
    )
    expect(peak).toBe(3)
  })

  it('rejects queued tasks once aborted, without starting them', async () => {
    const controller = new AbortController()
    const run = createLimiter(1, controller.signal)
    let started = 0
    const first = run(async () => (started++, sleep(20)))
    const queued = run(async () => started++)
    controller.abort()
    await first
    await expect(queued).rejects.toThrow()
    expect(started).toBe(1)
  })
})

describe('withRetry', () => {
  it('retries what is retryable and reports the attempts', async () => {
    let calls = 0
    const ok = await withRetry(async () => (++calls < 3 ? Promise.reject(new Error('slow down')) : 'done'), { attempts: 4, baseDelayMs: 1, isRetryable: () => true })
    expect(ok).toBe('done')
    expect(calls).toBe(3)
    calls = 0
    const err = await withRetry(async () => (calls++, Promise.reject(new Error('busy'))), { attempts: 4, baseDelayMs: 1, isRetryable: () => true }).catch((e: unknown) => e)
    expect(calls).toBe(4)
    expect(err).toMatchObject({ message: 'busy', attempts: 4 })
  })

  it('does not retry what is not retryable, nor after an abort', async () => {
    let calls = 0
    await expect(withRetry(async () => (calls++, Promise.reject(new Error('denied'))), { attempts: 4, baseDelayMs: 1, isRetryable: () => false })).rejects.toThrow('denied')
    expect(calls).toBe(1)
    const controller = new AbortController()
    calls = 0
    const p = withRetry(async () => (calls++, controller.abort(), Promise.reject(new Error('reset'))), { attempts: 4, baseDelayMs: 1_000, signal: controller.signal, isRetryable: () => true })
    await expect(p).rejects.toThrow('reset')
    expect(calls).toBe(1)
  })
})
