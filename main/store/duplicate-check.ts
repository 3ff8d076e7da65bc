// Which incoming events are exact duplicates of events already kept, and which are eventID
// collisions (same eventID and account, different content). Evidence is kept: only an exact
// duplicate (same identity, same text but for whitespace) may be dropped; every collision is
// kept and marked, and both kinds are counted.

import { grown } from './grown-array'
import { IdHashTable } from './id-hash-table'
import { normalisedJsonHash, sameNormalisedJson } from './json-normal'

/** How the check reads events already placed in the store (the newest included). */
export interface StoredEvents {
  bytes(id: number): Uint8Array
  parsed(id: number): Record<string, unknown>
}

/** flags bits. */
const ID_COLLISION = 1
/** The event's normalised-text hash is in the `contents` table. */
const IN_CONTENTS = 2

const never = (): boolean => false

export class DuplicateCheck {
  /** eventID + account hash -> the first event with that identity. */
  private ids = new IdHashTable()
  /** Normalised-text hash -> event, only for events whose identity some other event shares. */
  private contents = new IdHashTable(16)
  /** identityOf's answers, for the events compared so far (the first of each shared identity). */
  private identities = new Map<number, [unknown, unknown]>()
  private flags = new Uint8Array(0)
  private collisionCount = 0
  /** The event being checked (its text already in place). */
  private newest = 0

  constructor(private readonly events: StoredEvents) {}

  /** Events marked as eventID collisions so far. */
  get collisions(): number {
    return this.collisionCount
  }

  /** Makes room for the flags of events up to id `needed - 1`. */
  reserve(needed: number): void {
    this.flags = grown(this.flags, needed)
  }

  /** Whether the event shares its eventID and account with another, different event. */
  isIdCollision(id: number): boolean {
    return (this.flags[id] & ID_COLLISION) !== 0
  }

  /**
   * Whether event `id` (its text already in place) is an exact duplicate of one already kept:
   * same eventID and account (found by `idHash`, confirmed by the values), and the same text but
   * for whitespace (found by a hash of that, confirmed by the bytes). An event that shares
   * eventID and account with others but differs from them all is kept, and it and the first of
   * its identity are marked as eventID collisions. Only events whose identity is shared are
   * hashed a second time: in a trail without collisions that is none. A NaN `idHash` (no
   * eventID) is never a duplicate.
   */
  isExactDuplicate(id: number, idHash: number): boolean {
    this.flags[id] = 0
    if (Number.isNaN(idHash)) return false
    this.newest = id
    const first = this.ids.findOrInsert(idHash, id, this.hasSameIdentityAsNewest)
    if (first < 0) return false
    if ((this.flags[first] & IN_CONTENTS) === 0) {
      this.contents.findOrInsert(normalisedJsonHash(this.events.bytes(first)), first, never)
      this.flags[first] |= IN_CONTENTS
    }
    if (this.contents.findOrInsert(normalisedJsonHash(this.events.bytes(id)), id, this.hasSameTextAsNewest) >= 0) return true
    this.flags[id] |= IN_CONTENTS | ID_COLLISION
    this.collisionCount++
    if ((this.flags[first] & ID_COLLISION) === 0) {
      this.flags[first] |= ID_COLLISION
      this.collisionCount++
    }
    return false
  }

  /** Compare an already loaded event with the one being checked. One function each for all
   * events: a closure per event would cost a million allocations on a million events. */
  private hasSameIdentityAsNewest = (other: number): boolean => this.sameIdentity(other, this.newest)
  private hasSameTextAsNewest = (other: number): boolean => sameNormalisedJson(this.events.bytes(other), this.events.bytes(this.newest))

  /** Whether two events have the same eventID and recipientAccountId (settles hash collisions). */
  private sameIdentity(a: number, b: number): boolean {
    const [idA, accountA] = this.identityOf(a)
    const y = this.events.parsed(b)
    return idA === y.eventID && accountA === y.recipientAccountId
  }

  /**
   * eventID and recipientAccountId of an event already loaded, kept once asked: in a trail where
   * every eventID is "redacted", each new event is compared with the same first one.
   */
  private identityOf(id: number): [unknown, unknown] {
    let identity = this.identities.get(id)
    if (identity === undefined) {
      const event = this.events.parsed(id)
      identity = [event.eventID, event.recipientAccountId]
      this.identities.set(id, identity)
    }
    return identity
  }
}
