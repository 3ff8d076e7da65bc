// The object keys the structural walk reacts to, recognised from their raw bytes (a key written
// with escapes, such as "event\u0054ime", is not recognised: CloudTrail never writes one).

import { bytesEqual, codesOf } from '../json-scanner'

// Plain numbers rather than an enum: they inline in the walk's hot loop under any bundler.
export const KEY_OTHER = 0
/** eventTime, eventName, eventSource or eventID: the object holding it is an event. */
export const KEY_EVENT = 1
/** CloudTrailEvent (lookup-events / Event history): the event as a JSON string. */
export const KEY_EMBEDDED = 2
/** Records (delivery files) or Events (lookup-events): a list of events. */
export const KEY_LIST = 3
/** A key only CloudTrail digest files have at their top level. */
export const KEY_DIGEST = 4
/**
 * A field of events whose value never holds events (userIdentity, requestParameters, ...):
 * skipped without looking inside, which spares descending into every event's largest parts
 * before its eventTime is reached (Logstash exports put requestParameters first).
 */
export const KEY_OPAQUE = 5

const EVENT_TIME = codesOf('eventTime')
const EVENT_NAME = codesOf('eventName')
const EVENT_SOURCE = codesOf('eventSource')
const EVENT_ID = codesOf('eventID')
const CLOUDTRAIL_EVENT = codesOf('CloudTrailEvent')
const RECORDS = codesOf('Records')
const EVENTS = codesOf('Events')
const DIGEST_KEYS = ['digestStartTime', 'digestEndTime', 'digestS3Bucket', 'digestS3Object'].map(codesOf)
const OPAQUE_KEYS = [
  'userIdentity',
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'serviceEventDetails',
  'insightDetails',
  'tlsDetails',
].map(codesOf)

const LOWER_E = 0x65

/** Classifies the key whose text (without quotes) is b[start, end). */
export function classifyKey(b: Uint8Array, start: number, end: number): number {
  const length = end - start
  const first = b[start]
  if (first === LOWER_E) {
    if (length === 9) return bytesEqual(b, start, end, EVENT_TIME) || bytesEqual(b, start, end, EVENT_NAME) ? KEY_EVENT : KEY_OTHER
    if (length === 11) return bytesEqual(b, start, end, EVENT_SOURCE) ? KEY_EVENT : KEY_OTHER
    if (length === 7) return bytesEqual(b, start, end, EVENT_ID) ? KEY_EVENT : KEY_OTHER
    return KEY_OTHER
  }
  if (length === 7 && bytesEqual(b, start, end, RECORDS)) return KEY_LIST
  if (length === 6 && bytesEqual(b, start, end, EVENTS)) return KEY_LIST
  if (length === 15 && bytesEqual(b, start, end, CLOUDTRAIL_EVENT)) return KEY_EMBEDDED
  for (const key of OPAQUE_KEYS) if (bytesEqual(b, start, end, key)) return KEY_OPAQUE
  for (const key of DIGEST_KEYS) if (bytesEqual(b, start, end, key)) return KEY_DIGEST
  return KEY_OTHER
}
