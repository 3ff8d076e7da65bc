// Open-addressing table from a 52-bit event-id hash to the first event id that had it.
// A Map<number, number> of a million non-Smi keys costs ~100 MB of V8 heap; this costs 16 bytes
// a slot in one typed array, outside the heap's garbage collector's way: a slot's key and value
// side by side, so an insert into a table far larger than the cache (2M slots at 1M events) is
// one miss, not one in the keys and another in the values.

const EMPTY = -1

export class IdHashTable {
  /** [key, value] per slot; value EMPTY for a free slot. */
  private slots: Float64Array
  private mask: number
  private count = 0

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1
    while (capacity < initialCapacity) capacity <<= 1
    this.slots = IdHashTable.emptySlots(capacity)
    this.mask = capacity - 1
  }

  private static emptySlots(capacity: number): Float64Array {
    const slots = new Float64Array(2 * capacity)
    for (let s = 1; s < slots.length; s += 2) slots[s] = EMPTY
    return slots
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
    if ((this.count + 1) * 4 > this.slots.length) this.grow()
    const slots = this.slots
    let slot = this.slotOf(hash)
    while (slots[2 * slot + 1] !== EMPTY) {
      if (slots[2 * slot] === hash && isSame(slots[2 * slot + 1])) return slots[2 * slot + 1]
      slot = (slot + 1) & this.mask
    }
    slots[2 * slot] = hash
    slots[2 * slot + 1] = id
    this.count++
    return -1
  }

  private slotOf(hash: number): number {
    // The hash's low 32 bits are already well mixed (see hashEventId); >>> 0 takes them (it is
    // the hash modulo 2^32 for any integer below 2^53) without a floating-point remainder.
    return (hash >>> 0) & this.mask
  }

  private grow(): void {
    const old = this.slots
    const capacity = old.length
    this.slots = IdHashTable.emptySlots(capacity)
    this.mask = capacity - 1
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === EMPTY) continue
      let slot = this.slotOf(old[s])
      while (this.slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & this.mask
      this.slots[2 * slot] = old[s]
      this.slots[2 * slot + 1] = old[s + 1]
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
