// Bounded concurrency and retries with backoff, the two pieces of flow control the S3 reader needs.
// Kept separate and tiny so their behaviour (limits, abort, jitter) is easy to test on its own.

/** Runs tasks with at most `limit` in flight; queued tasks that have not started see the abort. */
export function createLimiter(limit: number, signal?: AbortSignal): <T>(task: () => Promise<T>) => Promise<T> {
  const max = Math.max(1, Math.floor(limit))
  let running = 0
  const queue: (() => void)[] = []
  const next = () => {
    if (running >= max) return
    const start = queue.shift()
    if (start) start()
  }
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        if (signal?.aborted) {
          reject(abortError(signal))
          next()
          return
        }
        running++
        task()
          .then(resolve, reject)
          .finally(() => {
            running--
            next()
          })
      })
      next()
    })
}

/** Maps over items with bounded concurrency; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const run = createLimiter(limit)
  return Promise.all(items.map((item, i) => run(() => fn(item, i))))
}

export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return reason
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })
}

/** Waits, but stops at once (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal))
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortError(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number
  /** First backoff; each retry doubles it, with full jitter, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs?: number
  signal?: AbortSignal
  isRetryable(err: unknown): boolean
}

/**
 * Retries transient failures (throttling, resets, 5xx) with exponential backoff and full jitter,
 * so many parallel downloads that hit SlowDown together do not retry in lockstep.
 * The last error is thrown with `attempts` set on it, for the message.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      if (opts.signal?.aborted || attempt >= opts.attempts || !opts.isRetryable(err)) {
        if (err && typeof err === 'object') (err as { attempts?: number }).attempts = attempt
        throw err
      }
      const cap = Math.min(opts.maxDelayMs ?? 5_000, opts.baseDelayMs * 2 ** (attempt - 1))
      await sleep(Math.random() * cap, opts.signal)
    }
  }
}
