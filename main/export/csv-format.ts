// CSV in the shape of the CloudTrail console's "Download events > CSV" (Event history), so that
// spreadsheets and scripts built for that file take ours too. Cells are quoted per RFC 4180 and
// neutralised against formula injection: an event's fields are attacker-controlled (a userAgent,
// an error message, a resource name can all be set by whoever made the call), and a spreadsheet
// would run `=HYPERLINK(...)` or `@SUM(...)` typed into them. For the same reason, control and
// bidi characters in a cell (ESC, CR, LF, TAB, U+202E...) are written as `\u001b`-style escapes
// (common/control-chars.ts): a CSV is read with `cat` and `less` as often as in a spreadsheet,
// and a crafted userName must not forge a record, recolour or retitle the terminal. The row's
// columns are identifiers (names, ids, addresses) that never legitimately hold such characters;
// every other character is written as it is. The JSON exports stay byte-exact.

import type { EventRow, RowColumn } from '../../common/event-row'
import { CONSOLE_COLUMNS } from '../../common/csv-columns'
import { escapeControls } from '../../common/control-chars'

/** The console download's columns, in its order (shared with the renderer's export dialog). */
export { CONSOLE_COLUMNS }

/** Headers for extra columns (those the console file does not have). */
const EXTRA_HEADERS: Record<RowColumn, string> = {
  time: 'Event time',
  eventName: 'Event name',
  eventSource: 'Event source',
  user: 'User name',
  identityType: 'User identity type',
  region: 'AWS region',
  sourceIp: 'Source IP address',
  errorCode: 'Error code',
  account: 'Account ID',
  accessKey: 'AWS access key',
  eventId: 'Event ID',
  readOnly: 'Read-only',
  resourceType: 'Resource type',
  resourceName: 'Resource name',
  eventType: 'Event type',
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One cell: control characters escaped, neutralised with a leading apostrophe if it could start
 * a formula, then quoted if needed.
 */
export function csvCell(value: string): string {
  const visible = escapeControls(value)
  const safe = FORMULA_START.test(visible) ? `'${visible}` : visible
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** eventTime as the console writes it: ISO 8601 UTC, without milliseconds when they are zero. */
export function csvTime(time: number | null): string {
  if (time === null) return ''
  const iso = new Date(time).toISOString()
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso
}

function cellValue(row: EventRow, column: RowColumn): string {
  const value = row[column]
  if (column === 'time') return csvTime(value as number | null)
  if (value === null) return ''
  return String(value)
}

/** The column list: the console's twelve, then the extras not already among them. */
export function csvColumns(extra: readonly RowColumn[] = []): { header: string; column: RowColumn }[] {
  const columns = [...CONSOLE_COLUMNS]
  for (const column of extra) {
    if (!columns.some((c) => c.column === column)) columns.push({ header: EXTRA_HEADERS[column], column })
  }
  return columns
}

/** RFC 4180 ends records with CRLF. */
const EOL = '\r\n'

export function csvHeaderLine(columns: readonly { header: string }[]): string {
  return columns.map((c) => csvCell(c.header)).join(',') + EOL
}

export function csvRowLine(row: EventRow, columns: readonly { column: RowColumn }[]): string {
  return columns.map((c) => csvCell(cellValue(row, c.column))).join(',') + EOL
}
