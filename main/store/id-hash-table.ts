// Open-addressing table from a 52-bit event-id hash to the first event id that had it.
// A Map<number, number> of a million non-Smi keys costs ~100 MB of V8 heap; this costs 12 bytes
// a slot in typed arrays, outside the heap's garbage collector's way.

const EMPTY = -1

export class IdHashTable {
  private keys: Float64Array
  private values: Int32Array
  private mask: number
  private count = 0

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1
    while (capacity < initialCapacity) capacity <<= 1
    this.keys = new Float64Array(capacity)
    this.values = new Int32Array(capacity).fill(EMPTY)
    this.mask = capacity - 1
  }

  get size(): number {
    return this.count
  }

  /**
   * Calls `isSame(existingId)` for every event already stored under `hash` (normally none, or
   * exactly the duplicate); returns the first id for which it answered true, else stores `id`
   * and returns -1.
   */
  findOrInsert(hash: number, id: number, isSame: (existingId: number) => boolean): number {
    if ((this.count + 1) * 2 > this.keys.length) this.grow()
    let slot = this.slotOf(hash)
    while (this.values[slot] !== EMPTY) {
      if (this.keys[slot] === hash && isSame(this.values[slot])) return this.values[slot]
      slot = (slot + 1) & this.mask
    }
    this.keys[slot] = hash
    this.values[slot] = id
    this.count++
    return -1
  }

  private slotOf(hash: number): number {
    // The hash's low 32 bits are already well mixed (see hashEventId).
    return (hash % 4294967296) & this.mask
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    this.keys = new Float64Array(oldKeys.length * 2)
    this.values = new Int32Array(oldValues.length * 2).fill(EMPTY)
    this.mask = this.keys.length - 1
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] === EMPTY) continue
      let slot = this.slotOf(oldKeys[i])
      while (this.values[slot] !== EMPTY) slot = (slot + 1) & this.mask
      this.keys[slot] = oldKeys[i]
      this.values[slot] = oldValues[i]
    }
  }
}

/** FNV-1a style 52-bit hash of a string, exact as a double. Two 32-bit lanes with other seeds. */
export function hashEventId(text: string): number {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  a ^= a >>> 15
  a = Math.imul(a, 0x2c1b3c6d) >>> 0
  b = (b ^ (b >>> 13)) & 0xfffff
  return b * 4294967296 + a
}
