// The one reading of an event's eventTime. An event is evidence: its time is either an ISO 8601
// instant that names its zone (`2024-03-05T10:21:01Z`, `2024-03-05T19:21:01.250+09:00`) or it is
// "no time". Date.parse is not used: it makes a date of "<img src=x>" or "2001" and reads a
// time without a zone in the machine's own zone, so the same file would sort differently on two
// analysts' machines. An event with no time keeps its raw value in its JSON; the list shows it
// last and labelled, and time filters and the histogram leave it out.

import { instantOf } from './calendar'

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/

/** eventTime as ms since the epoch; NaN ("no time") for anything but a zoned ISO 8601 instant. */
export function parseEventTime(value: unknown): number {
  if (typeof value !== 'string' || value.length > 40) return NaN
  const m = INSTANT.exec(value)
  if (m === null) return NaN
  let offset = 0
  if (m[8] !== undefined) {
    const zoneHours = Number(m[9])
    const zoneMinutes = Number(m[10])
    if (zoneHours > 23 || zoneMinutes > 59) return NaN
    offset = (m[8] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
  }
  return instantOf(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ?? '', offset)
}
