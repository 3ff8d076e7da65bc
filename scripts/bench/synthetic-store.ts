// An EventStore filled in memory, without files or workers, for timing the query engine alone:
// `small` events (~350 bytes: the indexed fields and a bucket name) build a million in seconds;
// `realistic` ones come from the corpus generator (~1.6 KB, 1.6 GB a million) for free text.
// Columns are derived by rowOf from the same objects the texts are written from.

import { EventStore } from '../../main/store/event-store'
import { STRING_COLUMNS, type ParsedBatch } from '../../main/store/parsed-batch'
import { hashEventId } from '../../main/store/id-hash-table'
import { principalIdOf, rowOf } from '../../main/store/event-fields'
import { makeEvent, seededRandom, uuid, type Random } from './corpus-events'

type Json = Record<string, unknown>

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]
const START = Date.UTC(2024, 2, 4)
const SPAN = 3 * 86_400_000
const ACCOUNTS = ['111111111111', '222222222222', '333333333333']
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1']
const CALLS = ['s3.amazonaws.com/GetObject', 's3.amazonaws.com/PutObject', 'ec2.amazonaws.com/DescribeInstances', 'iam.amazonaws.com/CreateAccessKey', 'sts.amazonaws.com/AssumeRole', 'kms.amazonaws.com/Decrypt']
const USERS = ['alice', 'bob', 'carol', 'deploy-bot', 'terraform', 'ci-runner']

function smallEvent(random: Random, i: number): Json {
  const [source, name] = pick(random, CALLS).split('/')
  const account = pick(random, ACCOUNTS)
  const user = pick(random, USERS)
  return {
    eventTime: new Date(START + Math.floor(random() * SPAN)).toISOString().replace('.000Z', 'Z'),
    eventSource: source,
    eventName: name,
    awsRegion: pick(random, REGIONS),
    sourceIPAddress: `10.${i % 200}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
    userIdentity: { type: 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, userName: user, accessKeyId: `AKIA${i % 5000}` },
    ...(random() < 0.05 ? { errorCode: pick(random, ['AccessDenied', 'ThrottlingException']) } : {}),
    requestParameters: { bucketName: pick(random, ['logs-prod', 'data-lake', 'web-assets']) },
    eventID: uuid(random),
    readOnly: name.startsWith('Get') || name.startsWith('Describe'),
    eventType: 'AwsApiCall',
    recipientAccountId: account,
  }
}

const encoder = new TextEncoder()

function batchOf(events: Json[], texts: string[], fileIndex: number): ParsedBatch {
  const n = events.length
  const pieces = texts.map((text) => encoder.encode(text))
  const text = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length + 1, 0))
  const batch: ParsedBatch = {
    fileIndex,
    text,
    starts: new Uint32Array(n),
    ends: new Uint32Array(n),
    times: new Float64Array(n),
    readOnly: new Uint8Array(n),
    idHashes: new Float64Array(n),
    dictionary: [''],
    columns: STRING_COLUMNS.map(() => new Uint32Array(n)),
    kind: 'events',
    warning: '',
  }
  const codes = new Map([['', 0]])
  const code = (value: string): number => {
    if (!codes.has(value)) codes.set(value, batch.dictionary.push(value) - 1)
    return codes.get(value)!
  }
  let offset = 0
  for (let i = 0; i < n; i++) {
    text.set(pieces[i], offset)
    batch.starts[i] = offset
    batch.ends[i] = offset + pieces[i].length
    offset += pieces[i].length + 1
    const row = rowOf(i, events[i])
    batch.times[i] = row.time ?? NaN
    batch.readOnly[i] = row.readOnly === null ? 0 : row.readOnly ? 1 : 2
    batch.idHashes[i] = hashEventId(`${row.eventId}\u0000${row.account}`)
    const values: Record<string, string> = { ...(row as unknown as Record<string, string>), principalId: principalIdOf(events[i]) }
    STRING_COLUMNS.forEach((column, c) => (batch.columns[c][i] = code(values[column])))
  }
  return batch
}

/** A store of `count` events in batches of 10,000 (like files), the same on every run. */
export function syntheticStore(count: number, kind: 'small' | 'realistic' = 'small'): { store: EventStore; jsonBytes: number } {
  const random = seededRandom(42)
  const store = new EventStore()
  let jsonBytes = 0
  for (let first = 0; first < count; first += 10_000) {
    const events: Json[] = []
    const texts: string[] = []
    for (let i = first; i < Math.min(count, first + 10_000); i++) {
      if (kind === 'small') {
        events.push(smallEvent(random, i))
        texts.push(JSON.stringify(events[events.length - 1]))
      } else {
        const time = new Date(START + Math.floor(random() * SPAN))
        texts.push(makeEvent(random, pick(random, ACCOUNTS), pick(random, REGIONS), time))
        events.push(JSON.parse(texts[texts.length - 1]) as Json)
      }
      jsonBytes += texts[texts.length - 1].length
    }
    store.addBatch(batchOf(events, texts, first), store.addFile(`synthetic-${first}.json`))
  }
  return { store, jsonBytes }
}
