// Events and stores for the export and CLI tests. Stores come from make-store.ts, which keeps
// each event's text exactly as given (pretty-printed, big integers, odd key orders...).

import type { EventStore } from '../../../main/store/event-store'
import { storeOfEvents } from './make-store'

/** A store holding exactly these texts, in this order. */
export function storeOf(texts: string[]): EventStore {
  return storeOfEvents(texts)
}

/** A plausible CloudTrail event; `over` replaces or adds top-level fields. */
export function sampleEvent(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: `arn:aws:iam::123456789012:user/user${n}`, accountId: '123456789012', accessKeyId: 'AKIAEXAMPLE', userName: `user${n}` },
    eventTime: new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString().replace('.000Z', 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: n % 2 ? 'GetObject' : 'PutObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2',
    requestParameters: { bucketName: 'bucket', key: `k${n}` },
    responseElements: null,
    eventID: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    readOnly: n % 2 === 1,
    resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::bucket/k${n}` }],
    eventType: 'AwsApiCall',
    recipientAccountId: '123456789012',
    ...over,
  }
}

/** Every id of the store, in order. */
export function allIds(store: { size: number }): Uint32Array {
  return Uint32Array.from({ length: store.size }, (_, i) => i)
}
