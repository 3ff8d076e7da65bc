// The CloudTrail console's "Download events > CSV" columns, in its order: main/export/csv-format.ts
// writes them, and the export dialog tells which of the list's columns come after them.

import type { RowColumn } from './event-row'

export const CONSOLE_COLUMNS: readonly { header: string; column: RowColumn }[] = [
  { header: 'Event ID', column: 'eventId' },
  { header: 'Event time', column: 'time' },
  { header: 'User name', column: 'user' },
  { header: 'Event name', column: 'eventName' },
  { header: 'Resource type', column: 'resourceType' },
  { header: 'Resource name', column: 'resourceName' },
  { header: 'AWS access key', column: 'accessKey' },
  { header: 'Event source', column: 'eventSource' },
  { header: 'AWS region', column: 'region' },
  { header: 'Error code', column: 'errorCode' },
  { header: 'Source IP address', column: 'sourceIp' },
  { header: 'Read-only', column: 'readOnly' },
]

/** The columns a CSV export adds after the console's: those of `columns` it does not have. */
export function extraCsvColumns(columns: readonly RowColumn[]): RowColumn[] {
  return columns.filter((column) => !CONSOLE_COLUMNS.some((c) => c.column === column))
}
