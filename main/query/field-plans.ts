// Where each field's values live: in a store column (exact and fast), partly in a column (the
// column answers most events, the parsed JSON the rest), or only in the JSON text. The choice
// per short name, and why it is exact, is documented in docs/query-language.md ("Evaluation").

import type { FieldRef } from '../../common/query/ast'
import type { StringColumn } from '../store/parsed-batch'
import { accountIds, resourceNames, userNames, valuesAt } from './json-path'

type Json = Record<string, unknown>
export type Extract = (event: Json) => unknown[]

export type FieldPlan =
  | { kind: 'time' }
  | { kind: 'readOnly' }
  /** The columns hold the field exactly (an empty string counts as absent). */
  | { kind: 'column'; columns: StringColumn[] }
  /**
   * The columns hold part of the field's values: an event whose column value passes is a
   * match; the others are decided on their parsed JSON. `existsOnColumns`: a non-empty column
   * is exactly "the field is present" (so `field:*` needs no parsing).
   */
  | { kind: 'mixed'; columns: StringColumn[]; extract: Extract; existsOnColumns: boolean; key: string | null }
  /** Only in the JSON; `key` is a field name every matching event's text must contain. */
  | { kind: 'parsed'; extract: Extract; key: string | null }

/**
 * Paths that are exactly a store column (see rowOf in main/store/event-fields.ts). A Map, not
 * an object: a typed field name such as `constructor` or `__proto__` must not find the
 * prototype's members.
 */
const COLUMN_PATHS: ReadonlyMap<string, StringColumn> = new Map([
  ['eventname', 'eventName'],
  ['eventsource', 'eventSource'],
  ['awsregion', 'region'],
  ['sourceipaddress', 'sourceIp'],
  ['errorcode', 'errorCode'],
  ['eventtype', 'eventType'],
  ['useridentity.type', 'identityType'],
  ['useridentity.accesskeyid', 'accessKey'],
  ['useridentity.principalid', 'principalId'],
])

/** The longest segment: the rarest-looking field name to look for in the bytes. */
function longestSegment(path: readonly string[]): string | null {
  let best: string | null = null
  for (const segment of path) if (best === null || segment.length > best.length) best = segment
  return best
}

export function planField(field: FieldRef): FieldPlan {
  switch (field.special) {
    case 'user':
      // The user column is userOf(): the first of userName, ARN's last part, issuer, principalId
      // (else invokedBy). Any of the four may match, so columns first, then the other names.
      // Present: the column is non-empty exactly when one of them is (or invokedBy is).
      return { kind: 'mixed', columns: ['user', 'principalId'], extract: userNames, existsOnColumns: true, key: 'useridentity' }
    case 'account':
      // The column is recipientAccountId, else userIdentity.accountId: cross-account calls
      // carry a second account that only the JSON has.
      return { kind: 'mixed', columns: ['account'], extract: accountIds, existsOnColumns: true, key: null }
    case 'resourceName':
      return { kind: 'parsed', extract: resourceNames, key: null }
  }
  const dotted = field.path.join('.')
  if (dotted === 'eventtime') return { kind: 'time' }
  if (dotted === 'readonly') return { kind: 'readOnly' }
  const column = COLUMN_PATHS.get(dotted)
  if (column) return { kind: 'column', columns: [column] }
  const path = field.path
  const extract: Extract = (event) => valuesAt(event, path)
  if (dotted === 'resources.type') {
    // The column holds resources[0].type; the other resources are in the JSON only.
    return { kind: 'mixed', columns: ['resourceType'], extract, existsOnColumns: false, key: 'resources' }
  }
  return { kind: 'parsed', extract, key: longestSegment(path) }
}
