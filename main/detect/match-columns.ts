// The Sigma fields the store keeps as dictionary-coded columns holding the field's raw value
// (as text), so a rule's test on them is decided once per distinct value and then per event by
// its code, without reading the event. '' in a column means absent or not text (a number, an
// object): then the event's JSON decides. The first four are the keys candidates are found by
// (rule-index.ts: KEY_COLUMNS): keep them first.

import type { StringColumn } from '../store/parsed-batch'

export const MATCH_COLUMNS: readonly (readonly [string, StringColumn])[] = [
  ['eventName', 'eventName'],
  ['eventSource', 'eventSource'],
  ['errorCode', 'errorCode'],
  ['userIdentity.type', 'identityType'],
  ['sourceIPAddress', 'sourceIp'],
  ['awsRegion', 'region'],
  ['eventType', 'eventType'],
  ['userIdentity.accessKeyId', 'accessKey'],
  ['userIdentity.principalId', 'principalId'],
]

const COLUMN_OF = new Map<string, number>(MATCH_COLUMNS.map(([field], c) => [field, c]))

/** The index in MATCH_COLUMNS of a field's column, or -1 when the field is not a column. */
export function columnOf(field: string): number {
  return COLUMN_OF.get(field) ?? -1
}
