// The other forms CloudTrail events arrive in, around generated events (cloudtrail-events.ts):
// a delivery file, Event history (lookup-events) output, an EventBridge envelope, and the one
// kind of event that is no API call, an Insight.

import { uuid, type Random } from './seeded-random'

type Json = Record<string, unknown>

/** A delivery file's text, as CloudTrail writes it: compact, one line. */
export const deliveryFile = (events: readonly Json[]): string => `{"Records":[${events.map((e) => JSON.stringify(e)).join(',')}]}`

/** The lookup-events (Event history) shape: the event is an escaped JSON string. */
export function lookupEvent(eventText: string): Json {
  const event = JSON.parse(eventText) as Json
  return {
    EventId: event.eventID,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    EventTime: '2024-03-05 19:00:00+09:00',
    EventSource: event.eventSource,
    Resources: [],
    CloudTrailEvent: eventText,
  }
}

/** An EventBridge envelope around an event, as a rule target receives it. */
export function eventBridgeEnvelope(event: Json): Json {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.s3',
    account: '111111111111',
    time: '2024-03-05T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: event,
  }
}

/** A CloudTrail Insight event: no userIdentity, and eventName/eventSource only inside insightDetails. */
export function makeInsightEvent(random: Random): Json {
  return {
    eventVersion: '1.08',
    eventTime: '2024-03-05T10:00:00Z',
    awsRegion: 'us-east-1',
    eventID: uuid(random),
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: '111111111111',
    sharedEventID: uuid(random),
    insightDetails: {
      state: 'Start',
      eventSource: 'ssm.amazonaws.com',
      eventName: 'UpdateInstanceAssociationStatus',
      insightType: 'ApiCallRateInsight',
      insightContext: { statistics: { baseline: { average: 0.0020 }, insight: { average: 6 } } },
    },
    eventCategory: 'Insight',
  }
}
