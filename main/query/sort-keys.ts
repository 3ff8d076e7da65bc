// Sort keys of the two list columns the store has no column for: eventId and resourceName
// (resources[0].ARN). Parsing a million events to sort them would take ~15 s, so the value is
// read from the bytes with a regexp, and the event is parsed only when the bytes are ambiguous
// (the key appears more than once, e.g. nested in requestParameters).

import type { EventStore } from '../store/event-store'
import { firstResource } from '../store/event-fields'

const STRING = '"((?:[^"\\\\]|\\\\.)*)"'
const EVENT_ID = new RegExp(`"eventID"\\s*:\\s*${STRING}`, 'g')
const RESOURCES = /"resources"\s*:/g
const FIRST_ARN = new RegExp(`"resources"\\s*:\\s*\\[\\s*\\{[^{}]*?"ARN"\\s*:\\s*${STRING}`)

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/** A JSON string's content, captured from latin1 text, as the string it encodes. */
function decodeCaptured(captured: string): string {
  const utf8 = Buffer.from(captured, 'latin1').toString('utf8')
  return utf8.includes('\\') ? (JSON.parse(`"${utf8}"`) as string) : utf8
}

function count(regexp: RegExp, text: string): number {
  regexp.lastIndex = 0
  let n = 0
  while (regexp.exec(text)) n++
  return n
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

/** eventID of an event, as rowOf reads it. */
export function eventIdOf(store: EventStore, id: number): string {
  const text = latin1(store.bytes(id))
  EVENT_ID.lastIndex = 0
  const match = EVENT_ID.exec(text)
  if (!match) return ''
  if (EVENT_ID.exec(text) === null) return decodeCaptured(match[1])
  return str(store.parsed(id).eventID)
}

/** resources[0].ARN of an event, as rowOf reads it. */
export function resourceNameOf(store: EventStore, id: number): string {
  const text = latin1(store.bytes(id))
  const resources = count(RESOURCES, text)
  if (resources === 0) return ''
  if (resources === 1) {
    const match = FIRST_ARN.exec(text)
    if (match) return decodeCaptured(match[1])
  }
  return str(firstResource(store.parsed(id))?.ARN)
}
