// What the list, the filters and the viewer know about one event without holding its JSON.
// Rows travel over IPC a screenful at a time; the full JSON is fetched on selection.

/** The summary of one event, as the list shows it. Strings are '' when the event lacks the field. */
export interface EventRow {
  /** Stable id of the event in the loaded set; valid until the set is cleared. */
  id: number
  /** eventTime in ms since the epoch (UTC), or null when the event has no readable eventTime. */
  time: number | null
  eventName: string
  eventSource: string
  /** userIdentity.userName, else the last part of its ARN, else the session issuer, else principalId. */
  user: string
  /** userIdentity.type (IAMUser, AssumedRole, Root, AWSService, ...). */
  identityType: string
  /** awsRegion. */
  region: string
  /** sourceIPAddress (an address, or a service name such as ec2.amazonaws.com). */
  sourceIp: string
  errorCode: string
  /** recipientAccountId, else userIdentity.accountId. */
  account: string
  /** userIdentity.accessKeyId. */
  accessKey: string
  /** eventID. */
  eventId: string
  /** readOnly, or null when absent. */
  readOnly: boolean | null
  /** resources[0].type. */
  resourceType: string
  /** resources[0].ARN. */
  resourceName: string
  /** eventType (AwsApiCall, AwsServiceEvent, AwsConsoleSignIn, AwsCloudTrailInsight, ...). */
  eventType: string
  /** Set when another, different event has the same eventID and account (both are kept). */
  idCollision?: true
}

/** Columns the list can show and sort by. */
export type RowColumn = Exclude<keyof EventRow, 'id' | 'idCollision'>

export const ROW_COLUMNS: readonly RowColumn[] = [
  'time',
  'eventName',
  'eventSource',
  'user',
  'identityType',
  'region',
  'sourceIp',
  'errorCode',
  'account',
  'accessKey',
  'eventId',
  'readOnly',
  'resourceType',
  'resourceName',
  'eventType',
]

/** The full text of one event, fetched when it is selected. */
export interface EventDetail {
  id: number
  /** The event's original JSON text, byte for byte as it was read (not reformatted). */
  json: string
  /** Display name of the file it came from. */
  file: string
  /** Set when another, different event has the same eventID and account (both are kept). */
  idCollision?: true
  /** Set when the event has no readable eventTime (see common/time/event-time.ts). */
  noTime?: true
}
