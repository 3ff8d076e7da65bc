// A budget of JSON bytes held by all parse workers of a load at once. A file's JSON (read as it
// is, or inflated from gzip) is reserved before it exists and released once its batch has been
// handed to the main thread, so four 8 MB gzip bombs cannot take 12 GB between them: past the
// budget a worker waits for the others. Shared memory and Atomics, because each worker must
// know what the others hold right now, and messages through the main thread would come late.
//
// No worker waits while holding a reservation it still needs more for (it releases a failed
// attempt before asking for a larger one), and no single request exceeds the limit, so every
// wait ends when the others finish their files.

/** Slots of the shared Int32Array, in KiB (the counts must fit 32 bits; 2 TiB does). */
const USED = 0
const PEAK = 1
const LIMIT = 2
const SLOTS = 3
/** A worker re-checks at least this often, in case a wake-up was missed. */
const WAIT_MS = 200

const toKiB = (bytes: number): number => Math.ceil(bytes / 1024)

export class InflateBudget {
  private readonly cells: Int32Array

  constructor(readonly shared: SharedArrayBuffer) {
    this.cells = new Int32Array(shared)
  }

  /** A new budget of `limitBytes` (at least 1 MiB), to share with the workers. */
  static create(limitBytes: number): InflateBudget {
    const budget = new InflateBudget(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT))
    Atomics.store(budget.cells, LIMIT, Math.max(1024, Math.min(toKiB(limitBytes), 0x7fffffff)))
    return budget
  }

  get limitBytes(): number {
    return Atomics.load(this.cells, LIMIT) * 1024
  }

  /** The most held at once so far. */
  get peakBytes(): number {
    return Atomics.load(this.cells, PEAK) * 1024
  }

  get usedBytes(): number {
    return Atomics.load(this.cells, USED) * 1024
  }

  /**
   * Takes `bytes` (clamped to the limit, so a request can always be met once the others are
   * done), blocking the calling worker thread until they are free; returns what to release.
   * `beforeWait` runs once before the first wait: the caller lets go of what it can there.
   */
  reserve(bytes: number, beforeWait?: () => void): number {
    const want = Math.min(toKiB(bytes), Atomics.load(this.cells, LIMIT))
    let waited = false
    for (;;) {
      const used = Atomics.load(this.cells, USED)
      if (used + want <= Atomics.load(this.cells, LIMIT)) {
        if (Atomics.compareExchange(this.cells, USED, used, used + want) !== used) continue
        let peak = Atomics.load(this.cells, PEAK)
        while (used + want > peak) {
          const seen = Atomics.compareExchange(this.cells, PEAK, peak, used + want)
          if (seen === peak) break
          peak = seen
        }
        return want
      }
      if (!waited && beforeWait) {
        waited = true
        beforeWait()
        continue
      }
      waited = true
      Atomics.wait(this.cells, USED, used, WAIT_MS)
    }
  }

  /** Gives back what reserve() returned. */
  release(reserved: number): void {
    if (reserved <= 0) return
    Atomics.sub(this.cells, USED, reserved)
    Atomics.notify(this.cells, USED)
  }
}
