// What batch-builder stores per event, derived from an EventFieldWalk (fast-fields.ts) exactly
// as rowOf, userOf and principalIdOf (event-fields.ts) derive it from the parsed event, but
// from the bytes: a plain value (ASCII, unescaped) is coded, hashed or timed where it lies,
// and only a value with an escape or non-ASCII bytes is decoded to a string first.
//
// Each function names the event-fields rule it mirrors; the equivalence tests
// (fast-fields.test.ts) hold them to it on real and generated events.

import { hashEventId } from '../store/id-hash-table'
import { arnLastPart } from '../store/event-fields'
import { daysInMonth, parseEventTime } from '../../common/time'
import type { ColumnCoder } from './column-coder'
import {
  ACCESS_KEY, ACCOUNT_ID, ARN, AWS_REGION, ERROR_CODE, EVENT_ID, EVENT_NAME, EVENT_SOURCE, EVENT_TIME, EVENT_TYPE,
  ID_TYPE, INVOKED_BY, ISSUER_NAME, PRINCIPAL_ID, RECIPIENT, RESOURCE_TYPE, SOURCE_IP, USER_NAME, type EventFieldWalk,
} from './fast-fields'

/** Column `column`'s code: field `id`'s string value ('' when absent, null or not a string). */
function codeOf(walk: EventFieldWalk, column: number, id: number, coder: ColumnCoder): number {
  const mask = 1 << id
  if ((walk.strings & mask) === 0) return 0
  if ((walk.coded & mask) === 0) return coder.bytes(column, walk.spanStart[id], walk.spanEnd[id])
  return coder.string(walk.text(id))
}

/** userOf: userName, else the ARN's last part, else the session issuer's userName, else principalId, else invokedBy. */
function userCode(walk: EventFieldWalk, column: number, coder: ColumnCoder): number {
  if (walk.has(USER_NAME)) return codeOf(walk, column, USER_NAME, coder)
  if (walk.has(ARN)) {
    if (walk.coded & (1 << ARN)) return coder.string(arnLastPart(walk.text(ARN)))
    // arnLastPart on the bytes: after the last '/', else after the last ':', else all of it.
    const b = walk.b
    const start = walk.spanStart[ARN]
    const end = walk.spanEnd[ARN]
    let cut = end - 1
    while (cut >= start && b[cut] !== 0x2f) cut--
    if (cut < start) {
      cut = end - 1
      while (cut >= start && b[cut] !== 0x3a) cut--
    }
    return coder.bytes(column, cut + 1, end)
  }
  if (walk.has(ISSUER_NAME)) return codeOf(walk, column, ISSUER_NAME, coder)
  if (walk.has(PRINCIPAL_ID)) return codeOf(walk, column, PRINCIPAL_ID, coder)
  return codeOf(walk, column, INVOKED_BY, coder)
}

/** Codes the event's columns, in STRING_COLUMNS order, into columns[c][row]. */
export function codeColumns(walk: EventFieldWalk, coder: ColumnCoder, columns: Uint32Array[], row: number): void {
  columns[0][row] = codeOf(walk, 0, EVENT_NAME, coder)
  columns[1][row] = codeOf(walk, 1, EVENT_SOURCE, coder)
  columns[2][row] = userCode(walk, 2, coder)
  columns[3][row] = codeOf(walk, 3, ID_TYPE, coder)
  columns[4][row] = codeOf(walk, 4, AWS_REGION, coder)
  columns[5][row] = codeOf(walk, 5, SOURCE_IP, coder)
  columns[6][row] = codeOf(walk, 6, ERROR_CODE, coder)
  // rowOf's account: recipientAccountId, else userIdentity.accountId.
  columns[7][row] = codeOf(walk, 7, walk.has(RECIPIENT) ? RECIPIENT : ACCOUNT_ID, coder)
  columns[8][row] = codeOf(walk, 8, ACCESS_KEY, coder)
  columns[9][row] = codeOf(walk, 9, PRINCIPAL_ID, coder)
  columns[10][row] = codeOf(walk, 10, EVENT_TYPE, coder)
  columns[11][row] = codeOf(walk, 11, RESOURCE_TYPE, coder)
}

const twoDigits = (b: Uint8Array, i: number): number => {
  const high = b[i] - 0x30
  const low = b[i + 1] - 0x30
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1
}

/** The day of the last time read (y * 10000 + m * 100 + d) and its Date.UTC: files hold a few days. */
let cachedDay = -1
let cachedDayMs = 0

/**
 * parseEventTime (common/time/event-time.ts): CloudTrail's own form, 2024-03-05T10:21:01Z, is read
 * here from the bytes; any other form (fractions, offsets, or no time at all) goes to
 * parseEventTime itself, which this must agree with (fast-fields.test.ts holds it to that).
 */
export function timeOf(walk: EventFieldWalk): number {
  if ((walk.strings & (1 << EVENT_TIME)) === 0) return NaN
  const b = walk.b
  const s = walk.spanStart[EVENT_TIME]
  if ((walk.coded & (1 << EVENT_TIME)) === 0 && walk.spanEnd[EVENT_TIME] - s === 20 && b[s + 4] === 0x2d && b[s + 7] === 0x2d &&
    b[s + 10] === 0x54 && b[s + 13] === 0x3a && b[s + 16] === 0x3a && b[s + 19] === 0x5a) {
    const century = twoDigits(b, s)
    const year = twoDigits(b, s + 2)
    const month = twoDigits(b, s + 5)
    const day = twoDigits(b, s + 8)
    const hour = twoDigits(b, s + 11)
    const minute = twoDigits(b, s + 14)
    const second = twoDigits(b, s + 17)
    // Years before 1000 and out-of-range fields (30 February, 24:00:00: no time) take the slow way.
    if (century >= 10 && year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(century * 100 + year, month) &&
      hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
      const key = (century * 100 + year) * 10000 + month * 100 + day
      if (key !== cachedDay) {
        cachedDay = key
        cachedDayMs = Date.UTC(century * 100 + year, month - 1, day)
      }
      return cachedDayMs + ((hour * 60 + minute) * 60 + second) * 1000
    }
  }
  return parseEventTime(walk.text(EVENT_TIME))
}

/**
 * batch-builder's id hash: hashEventId(`${eventID}\u0000${accountKey(recipientAccountId)}`),
 * NaN without an eventID. The same hash (its code is repeated here, and tested to agree) runs
 * over the bytes when both are plain: no string is built for it.
 */
export function idHashOf(walk: EventFieldWalk): number {
  if (!walk.has(EVENT_ID)) return NaN
  const recipient = walk.strings & (1 << RECIPIENT)
  if ((walk.coded & ((1 << EVENT_ID) | (1 << RECIPIENT))) !== 0) {
    return hashEventId(`${walk.text(EVENT_ID)}\u0000${recipient ? walk.text(RECIPIENT) : ''}`)
  }
  const b = walk.b
  let a = 0x811c9dc5
  let h = 0x9747b28c
  for (let i = walk.spanStart[EVENT_ID], end = walk.spanEnd[EVENT_ID]; i < end; i++) {
    a = Math.imul(a ^ b[i], 0x01000193)
    h = Math.imul(h ^ b[i], 0x5bd1e995)
  }
  a = Math.imul(a, 0x01000193)
  h = Math.imul(h, 0x5bd1e995)
  if (recipient) {
    for (let i = walk.spanStart[RECIPIENT], end = walk.spanEnd[RECIPIENT]; i < end; i++) {
      a = Math.imul(a ^ b[i], 0x01000193)
      h = Math.imul(h ^ b[i], 0x5bd1e995)
    }
  }
  a ^= a >>> 15
  a = Math.imul(a, 0x2c1b3c6d) >>> 0
  h = (h ^ (h >>> 13)) & 0xfffff
  return h * 4294967296 + a
}
