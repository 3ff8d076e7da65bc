// The list's columns: label, width in the grid, and the text of a row's cell (times in the chosen
// zone). Besides the row's own columns, any field of the event can be a column (`field:PATH`,
// its values fetched from main a screenful at a time). Pure.

import { ROW_COLUMNS, type EventRow, type RowColumn } from '../../common/event-row'
import type { MessageKey } from '../../common/i18n'
import { formatInZone } from '../../common/time'

export interface ColumnDef {
  key: RowColumn
  label: MessageKey
  /** A CSS grid track. */
  width: string
  /** Cells in a monospace face with tabular digits (times, ids, addresses). */
  mono?: boolean
  /** Long identifiers whose distinguishing part is at the end: shortened in the middle. */
  middle?: boolean
}

/** A column of the list: one of the row's, or any field of the event by its dotted path. */
export type ColumnKey = RowColumn | `field:${string}`

export const FIELD_PREFIX = 'field:'

/** The dotted path of a field column, or null for a row column. */
export function fieldPathOf(key: ColumnKey): string | null {
  return key.startsWith(FIELD_PREFIX) ? key.slice(FIELD_PREFIX.length) : null
}

export const fieldColumn = (path: string): ColumnKey => `field:${path}`

/** Field paths a column may name: dotted JSON keys, nothing a CSS class or storage could trip on. */
const FIELD_PATH = /^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@:-]+){0,11}$/
export const MAX_FIELD_PATH = 200

export function isFieldPath(path: string): boolean {
  return path.length <= MAX_FIELD_PATH && FIELD_PATH.test(path)
}

/** Width limits of a resized column, px. */
export const MIN_COLUMN_WIDTH = 40
export const MAX_COLUMN_WIDTH = 1200
/** Width of a field column until resized. */
const FIELD_COLUMN_WIDTH = 'minmax(96px, 1fr)'

const fr = (n: number, min = 0): string => `minmax(${min}px, ${n}fr)`

export const COLUMN_DEFS: Readonly<Record<RowColumn, ColumnDef>> = {
  // The minimums hold a typical value whole at 1280 px (an event name, an IPv4 address, an error
  // code); a wider list gives the rest to the flexible tracks, a narrower one scrolls sideways.
  // The time and the first cell's marks lane (a detection level, an integrity problem, an
  // eventID twin): "2020-05-05 04:39:09" stays whole beside a mark.
  time: { key: 'time', label: 'colTime', width: '144px', mono: true },
  // 16 px less than before the marks lane: the time's 16 px come from here, where the most room is.
  eventName: { key: 'eventName', label: 'colEventName', width: fr(3, 120) },
  eventSource: { key: 'eventSource', label: 'colEventSource', width: fr(0.4, 52), middle: true },
  user: { key: 'user', label: 'colUser', width: fr(1, 72), middle: true },
  identityType: { key: 'identityType', label: 'colIdentityType', width: fr(0.7, 72) },
  region: { key: 'region', label: 'colRegion', width: fr(0.3, 70) },
  sourceIp: { key: 'sourceIp', label: 'colSourceIp', width: fr(1, 100), middle: true },
  errorCode: { key: 'errorCode', label: 'colErrorCode', width: fr(2, 96) },
  account: { key: 'account', label: 'colAccount', width: '104px', mono: true },
  accessKey: { key: 'accessKey', label: 'colAccessKey', width: fr(1, 96), mono: true, middle: true },
  eventId: { key: 'eventId', label: 'colEventId', width: fr(1.2, 96), mono: true, middle: true },
  readOnly: { key: 'readOnly', label: 'colReadOnly', width: '72px' },
  resourceType: { key: 'resourceType', label: 'colResourceType', width: fr(0.9, 72) },
  resourceName: { key: 'resourceName', label: 'colResourceName', width: fr(1.2, 96), middle: true },
  eventType: { key: 'eventType', label: 'colEventType', width: fr(0.8, 40) },
}

/** The grid template of the chosen columns: a resized column has its width in px. */
export function gridTemplate(columns: readonly ColumnKey[], widths: Readonly<Record<string, number>> = {}): string {
  return columns
    .map((c) => {
      const width = widths[c]
      if (width !== undefined) return `${Math.round(width)}px`
      return fieldPathOf(c) !== null ? FIELD_COLUMN_WIDTH : COLUMN_DEFS[c as RowColumn].width
    })
    .join(' ')
}

/** How many characters of a long identifier stay visible after the ellipsis. */
export function tailLength(text: string): number {
  if (text.length <= 16) return 0
  // A host name (a service such as health.amazonaws.com): its first label is what tells it apart.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text) && !/^[\d.]+$/.test(text)) return 0
  // The last part of an ARN, path or IPv6 address, within 6..16 characters (an IPv4 address
  // is at most 15 characters: never cut).
  const cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf(':'))
  const part = cut >= 0 ? text.length - cut : 8
  return Math.min(16, Math.max(6, part))
}

/** Splits a value into the head (ellipsized when narrow) and the tail kept visible. */
export function middleParts(text: string): { head: string; tail: string } {
  const n = tailLength(text)
  return n === 0 || n >= text.length ? { head: text, tail: '' } : { head: text.slice(0, text.length - n), tail: text.slice(text.length - n) }
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

/** Keeps known columns and well-formed field columns, once each, in the user's order; never none (stored prefs are untrusted). */
export function cleanColumns(columns: readonly unknown[]): ColumnKey[] {
  const kept: ColumnKey[] = []
  for (const c of columns) {
    if (typeof c !== 'string' || kept.includes(c as ColumnKey)) continue
    const path = c.startsWith(FIELD_PREFIX) ? c.slice(FIELD_PREFIX.length) : null
    if (path !== null ? isFieldPath(path) : ROW_COLUMNS.includes(c as RowColumn)) kept.push(c as ColumnKey)
    if (kept.length >= MAX_COLUMNS) break
  }
  return kept.length > 0 ? kept : [...DEFAULT_COLUMNS]
}

/** At most this many columns (each field column costs a fetch per screenful). */
export const MAX_COLUMNS = 32

/** Where a row column switched on goes: before the first shown column that follows it in COLUMN_ORDER. */
export function insertColumn(columns: readonly ColumnKey[], column: ColumnKey): ColumnKey[] {
  if (columns.includes(column)) return [...columns]
  const rank = COLUMN_ORDER.indexOf(column as RowColumn)
  if (rank < 0) return [...columns, column]
  const at = columns.findIndex((c) => {
    const other = COLUMN_ORDER.indexOf(c as RowColumn)
    return other > rank
  })
  return at < 0 ? [...columns, column] : [...columns.slice(0, at), column, ...columns.slice(at)]
}

/** Moves a column to another's place (drag and drop in the header). */
export function moveColumn(columns: readonly ColumnKey[], from: ColumnKey, to: ColumnKey): ColumnKey[] {
  const start = columns.indexOf(from)
  const end = columns.indexOf(to)
  if (start < 0 || end < 0 || start === end) return [...columns]
  const next = columns.filter((c) => c !== from)
  next.splice(end, 0, from)
  return next
}

/** The narrowest a column's track can get, px (a resized column: its width). */
export function minWidthOf(column: ColumnKey, widths: Readonly<Record<string, number>> = {}): number {
  const width = widths[column]
  if (width !== undefined) return width
  const track = fieldPathOf(column) !== null ? FIELD_COLUMN_WIDTH : COLUMN_DEFS[column as RowColumn].width
  const px = /(\d+(?:\.\d+)?)px/.exec(track)
  return px ? Number(px[1]) : 0
}

/** Gap between columns and the row's side padding, px (renderer/styles/list.css). */
export const COLUMN_GAP = 6
export const ROW_PADDING = 24

/** The grid's least width: below it the list scrolls sideways instead of squeezing cells. */
export function gridMinWidth(columns: readonly ColumnKey[], widths: Readonly<Record<string, number>> = {}): number {
  return columns.reduce((sum, c) => sum + minWidthOf(c, widths), 0) + COLUMN_GAP * Math.max(0, columns.length - 1) + ROW_PADDING
}

/** The row columns among the shown ones (what CSV export and sorting know). */
export function rowColumnsOf(columns: readonly ColumnKey[]): RowColumn[] {
  return columns.filter((c): c is RowColumn => fieldPathOf(c) === null)
}
