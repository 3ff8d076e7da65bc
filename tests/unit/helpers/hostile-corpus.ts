// A hostile corpus: one file per attack on loading from issue #10, written the way an attacker
// controls them (every string of an event was chosen by whoever made the API call). Each file
// says what a correct load must do with it: which event texts must come out byte for byte, and
// what must be counted. Used by the CLI test (hostile-corpus.test.ts) and web mode's e2e spec.

import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** HTML and script that would run if any string reached the page as markup. */
export const MARKUP = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=1;alert(1)</script><svg onload=alert(1)>'

export interface CorpusFile {
  name: string
  /** The attack, in a few words (the test names use it). */
  attack: string
  /** Event texts that must be loaded and exported byte for byte, in file order. */
  kept: string[]
  /** Of those, events without a valid eventTime. */
  noTime: number
  /** Exact duplicates in this file (of events kept earlier in it). */
  duplicates: number
  /** Kept events of this file that share eventID and account with a different event. */
  idCollisions: number
  /** A problem the load must report for this file (substring of its reason), or ''. */
  problem: string
}

export interface HostileCorpus {
  dir: string
  files: CorpusFile[]
  /** The per-file limit the loads must use (the bomb inflates past it; every other file is under it). */
  maxFileBytes: number
}

/** The eventName of the deeply nested event (its viewing is issue #10 item 4's, tested there). */
export const DEEP_EVENT_NAME = 'DeepNesting'

let serial = 0
/** A plausible CloudTrail event; `over` replaces or adds members. Compact JSON, one line. */
function event(over: Record<string, unknown> = {}, n = serial++): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAHOSTILE', arn: `arn:aws:iam::123456789012:user/u${n}`, accountId: '123456789012', accessKeyId: 'AKIAHOSTILE', userName: `u${n}` },
    eventTime: new Date(Date.UTC(2024, 2, 5, 10, 0, n % 60)).toISOString().replace('.000Z', 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { bucketName: 'b', key: `k${n}` },
    responseElements: null,
    eventID: `hostile-${n}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    recipientAccountId: '123456789012',
    ...over,
  }
}

/** Every string value (not key) of a JSON value replaced by `replace(old)`. */
function mapStrings(value: unknown, replace: (s: string) => string): unknown {
  if (typeof value === 'string') return replace(value)
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, replace))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, replace)]))
  return value
}

const records = (texts: string[]): string => `{"Records":[${texts.join(',')}]}`

function nested(depth: number): string {
  return '['.repeat(depth) + '"bottom"' + ']'.repeat(depth)
}

/** Writes the corpus into `dir` (created); returns what each file must give. */
export function writeHostileCorpus(dir: string): HostileCorpus {
  mkdirSync(dir, { recursive: true })
  serial = 0
  const files: CorpusFile[] = []
  const add = (file: CorpusFile, content: string | Buffer): void => {
    writeFileSync(path.join(dir, file.name), content)
    files.push(file)
  }
  const plain = (name: string, attack: string, texts: string[], counts: Partial<CorpusFile> = {}): void =>
    add({ name, attack, kept: texts, noTime: 0, duplicates: 0, idCollisions: 0, problem: '', ...counts }, records(texts))

  // HTML/script in every string field: values, the user's name, the event's name, a key.
  const html = [
    JSON.stringify(mapStrings(event(), (s) => (s.match(/^\d{4}-/) ? s : `${s}${MARKUP}`))),
    JSON.stringify(event({ [MARKUP]: MARKUP, userAgent: MARKUP, errorCode: MARKUP, errorMessage: `</textarea>${MARKUP}` })),
  ]
  plain('html-everywhere.json', 'HTML and script in every string field', html)

  // A 10 MB userAgent and a 10 MB requestParameters value.
  const tenMegabytes = 'A'.repeat(10 * 1000 * 1000)
  plain('ten-megabyte-fields.json', '10 MB fields', [JSON.stringify(event({ userAgent: tenMegabytes })), JSON.stringify(event({ requestParameters: { policy: tenMegabytes } }))])

  // Lone surrogates, escaped (valid JSON, invalid UTF-16), and control and bidi characters.
  const lone = JSON.stringify(event({ userAgent: 'PLACEHOLDER' })).replace('"PLACEHOLDER"', '"lone \\ud800 high and \\udfff low"')
  const bidi = JSON.stringify(event({ userAgent: '\u001b[31mred\u001b]0;title\u0007 \u202eevil\u202c \r\nforged: line', userIdentity: { type: 'IAMUser', userName: '\u202egnp.exe' } }))
  plain('lone-surrogates-and-controls.json', 'lone surrogates, control and bidi characters', [lone, bidi])

  // Duplicate keys (JSON.parse keeps the last; the text keeps both).
  const duplicateKeys = JSON.stringify(event({ eventName: 'PLACEHOLDER' })).replace('"eventName":"PLACEHOLDER"', '"eventName":"DeleteTrail","eventName":"GetObject","userIdentity":{"userName":"first"}')
  plain('duplicate-keys.json', 'duplicate keys', [duplicateKeys])

  // __proto__ and constructor keys, at the top and deep.
  const proto = JSON.stringify(event({ requestParameters: { polluted: 1 } })).replace('"polluted":1', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}')
  const protoTop = `{"__proto__":{"eventName":"Polluted"},${JSON.stringify(event()).slice(1)}`
  plain('proto-keys.json', '__proto__ and constructor keys', [proto, protoTop])

  // Numbers past a double: 1e400, 30-digit integers, more digits than a double keeps.
  const numbers = JSON.stringify(event({ requestParameters: { a: 1, b: 2, c: 3 } })).replace('"a":1', '"a":1e400').replace('"b":2', '"b":123456789012345678901234567890').replace('"c":3', '"c":-0.1000000000000000000000000001')
  plain('huge-numbers.json', 'numbers like 1e400 and 30-digit integers', [numbers])

  // Deep nesting: 100,000 levels inside one event.
  const deep = JSON.stringify(event({ eventName: DEEP_EVENT_NAME, requestParameters: 'PLACEHOLDER' })).replace('"PLACEHOLDER"', nested(100_000))
  plain('deep-nesting.json', '100,000 levels of nesting', [deep])

  // Colliding eventIDs: a success and a failure with one eventID (as in AWS's documentation),
  // an anonymised pair whose eventIDs are all "redacted", and one exact duplicate (pretty-printed).
  const success = JSON.stringify(event({ eventID: 'same-id' }))
  const failure = JSON.stringify(event({ eventID: 'same-id', errorCode: 'AccessDenied', errorMessage: 'denied' }))
  const redacted = [JSON.stringify(event({ eventID: 'redacted' })), JSON.stringify(event({ eventID: 'redacted' }))]
  const twice = event({ eventID: 'delivered-twice' })
  const collisions = [success, failure, ...redacted, JSON.stringify(twice)]
  add(
    { name: 'colliding-event-ids.json', attack: 'colliding eventIDs', kept: collisions, noTime: 0, duplicates: 1, idCollisions: 4, problem: '' },
    `{"Records":[${collisions.join(',')},\n${JSON.stringify(twice, null, 2)}]}`,
  )

  // eventTimes that Date.parse would make a date of, or read in the machine's zone.
  const badTimes = ['<img src=x onerror=alert(1)>', '2001', '2024-03-05T10:21:01', 'eventTime', 1709634061000, null].map((eventTime) => JSON.stringify(event({ eventTime })))
  const noTimeAtAll = JSON.stringify(Object.fromEntries(Object.entries(event()).filter(([k]) => k !== 'eventTime')))
  plain('bad-event-times.json', 'malformed eventTimes', [...badTimes, noTimeAtAll], { noTime: badTimes.length + 1 })

  // A gzip bomb: inflates to four times the per-file limit.
  const maxFileBytes = 24 * 1024 * 1024
  const head = gzipSync('{"Records":[')
  const member = gzipSync(Buffer.alloc(maxFileBytes, 0x20), { level: 9 })
  add(
    { name: 'bomb.json.gz', attack: 'decompression bomb', kept: [], noTime: 0, duplicates: 0, idCollisions: 0, problem: 'inflates to more than the per-file limit of 24 MiB of JSON' },
    Buffer.concat([head, member, member, member, member]),
  )

  // A file name that is markup too (shown in the viewer and in problem lists).
  plain(`${'<img src=x onerror=alert(1)>'}.json`, 'markup in a file name', [JSON.stringify(event({ eventName: 'NamedFile' }))])

  return { dir, files, maxFileBytes }
}

/** Totals over the corpus, as --stats counts them. */
export function corpusTotals(corpus: HostileCorpus): { events: number; duplicates: number; idCollisions: number; noTime: number; problems: number } {
  const sum = (pick: (f: CorpusFile) => number): number => corpus.files.reduce((total, f) => total + pick(f), 0)
  return {
    events: sum((f) => f.kept.length),
    duplicates: sum((f) => f.duplicates),
    idCollisions: sum((f) => f.idCollisions),
    noTime: sum((f) => f.noTime),
    problems: corpus.files.filter((f) => f.problem).length,
  }
}
