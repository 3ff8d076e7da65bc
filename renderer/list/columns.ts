// The list's columns: label, width in the grid, and the text of a row's cell (times in the chosen
// zone). Pure.

import { ROW_COLUMNS, type EventRow, type RowColumn } from '../../common/event-row'
import type { MessageKey } from '../../common/i18n'
import { formatInZone } from '../../common/zoned-time'

export interface ColumnDef {
  key: RowColumn
  label: MessageKey
  /** A CSS grid track. */
  width: string
  /** Cells in a monospace face with tabular digits (times, ids, addresses). */
  mono?: boolean
}

const fr = (n: number, min = 0): string => `minmax(${min}px, ${n}fr)`

export const COLUMN_DEFS: Readonly<Record<RowColumn, ColumnDef>> = {
  time: { key: 'time', label: 'colTime', width: '128px', mono: true },
  eventName: { key: 'eventName', label: 'colEventName', width: fr(1.5, 48) },
  eventSource: { key: 'eventSource', label: 'colEventSource', width: fr(0.7, 32) },
  user: { key: 'user', label: 'colUser', width: fr(0.85, 40) },
  identityType: { key: 'identityType', label: 'colIdentityType', width: fr(0.7, 40) },
  region: { key: 'region', label: 'colRegion', width: fr(0.8, 64) },
  sourceIp: { key: 'sourceIp', label: 'colSourceIp', width: fr(0.95, 40) },
  errorCode: { key: 'errorCode', label: 'colErrorCode', width: fr(1.1, 40) },
  account: { key: 'account', label: 'colAccount', width: '104px', mono: true },
  accessKey: { key: 'accessKey', label: 'colAccessKey', width: fr(1, 60), mono: true },
  eventId: { key: 'eventId', label: 'colEventId', width: fr(1.2, 60), mono: true },
  readOnly: { key: 'readOnly', label: 'colReadOnly', width: '72px' },
  resourceType: { key: 'resourceType', label: 'colResourceType', width: fr(0.9, 40) },
  resourceName: { key: 'resourceName', label: 'colResourceName', width: fr(1.2, 40) },
  eventType: { key: 'eventType', label: 'colEventType', width: fr(0.8, 40) },
}

/** The grid template of the chosen columns. */
export function gridTemplate(columns: readonly RowColumn[]): string {
  return columns.map((c) => COLUMN_DEFS[c].width).join(' ')
}

/** What a cell shows, and the full value for its tooltip. */
export function cellText(row: EventRow, column: RowColumn, zone: string): { text: string; full: string } {
  switch (column) {
    case 'time':
      return { text: formatInZone(row.time, zone), full: '' }
    case 'eventSource':
      return { text: row.eventSource.replace(/\.amazonaws\.com$/, ''), full: row.eventSource }
    case 'readOnly':
      return { text: row.readOnly === null ? '' : String(row.readOnly), full: '' }
    default: {
      const value = row[column]
      return { text: value, full: value }
    }
  }
}

/** The columns shown until the user picks others. */
export const DEFAULT_COLUMNS: readonly RowColumn[] = ['time', 'eventName', 'eventSource', 'user', 'sourceIp', 'region', 'errorCode']

/** The order columns are shown in (and listed in the chooser). */
export const COLUMN_ORDER: readonly RowColumn[] = [
  'time',
  'eventName',
  'eventSource',
  'user',
  'identityType',
  'sourceIp',
  'region',
  'errorCode',
  'account',
  'accessKey',
  'resourceType',
  'resourceName',
  'eventType',
  'readOnly',
  'eventId',
]

/** Keeps known columns, once each, in COLUMN_ORDER; never none (stored prefs are untrusted). */
export function cleanColumns(columns: readonly unknown[]): RowColumn[] {
  const chosen = new Set(columns.filter((c): c is RowColumn => ROW_COLUMNS.includes(c as RowColumn)))
  const ordered = COLUMN_ORDER.filter((c) => chosen.has(c))
  return ordered.length > 0 ? ordered : [...DEFAULT_COLUMNS]
}
