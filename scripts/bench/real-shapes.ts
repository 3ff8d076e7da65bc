// The event shapes of the realistic benchmark corpus, read from the real CloudTrail events in
// ../shared/data (a real account's trail from invictus, one event per API from TrailDiscover,
// an organisation trail from cloudsnitch): hundreds of event names over dozens of services,
// their real requestParameters / responseElements / resources, and their real error families.
// Each shape is compiled once into pieces of JSON text with numbered holes, so that filling an
// event costs a string join, not a JSON.stringify: the 10M corpus is made in minutes.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import path from 'node:path'

export type Json = Record<string, unknown>

/** Holes every shape has, in this order; request-parameter holes follow. */
export const HOLE = { time: 0, id: 1, requestId: 2, region: 3, account: 4, ip: 5, agent: 6, identity: 7, error: 8 } as const
export const FIXED_HOLES = 9

export interface Shape {
  /** JSON text pieces; hole k sits between pieces[k] and pieces[k + 1], numbered by `holes[k]`. */
  pieces: string[]
  holes: number[]
  /** The original values of request-parameter holes (hole FIXED_HOLES + i is params[i]). */
  params: string[]
  /** The shape's own identity (AWS services): kept, never replaced by a session. */
  serviceIdentity: string | null
  serviceAddress: string | null
  /** The real event's own error (`,"errorCode":…,"errorMessage":…`), or '' when it succeeded. */
  ownError: string
  /** requestParameters.bucketName when it is a request-parameter hole (S3 calls): the filler may put the event in another bucket. */
  bucket: string | null
}

function isEvent(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).eventName === 'string' && typeof (value as Json).eventSource === 'string'
}

function eventsIn(file: string): Json[] {
  let text: string
  try {
    const bytes = readFileSync(file)
    text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')
    const parsed: unknown = JSON.parse(text)
    const list = Array.isArray(parsed) ? parsed : isEvent(parsed) ? [parsed] : ((parsed as Json)?.Records as unknown[] | undefined) ?? []
    return list.filter(isEvent)
  } catch {
    return []
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(json|cloudtrail|gz)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

/** Identifier-like strings (digits, ids, ARNs, names with separators) vary between calls. */
const VARIES = /\d|[-_/:.]/

const marker = (k: number): string => `@@H${k}@@`

/** Replaces identifier-like string leaves of `value` with holes; returns the new value. */
function holeParams(value: unknown, params: string[], depth = 0): unknown {
  if (typeof value === 'string') {
    if (!VARIES.test(value) || value.length > 200) return value
    params.push(value)
    return marker(FIXED_HOLES + params.length - 1)
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => holeParams(item, params, depth + 1))
  const out: Json = {}
  for (const [key, item] of Object.entries(value)) out[key] = holeParams(item, params, depth + 1)
  return out
}

function compile(event: Json): Shape {
  const params: string[] = []
  const identity = (event.userIdentity ?? {}) as Json
  const isService = identity.type === 'AWSService' || (identity.type === undefined && typeof identity.invokedBy === 'string')
  const failed = typeof event.errorCode === 'string'
  const out: Json = {}
  for (const [key, value] of Object.entries(event)) {
    if (key === 'errorCode' || key === 'errorMessage') continue
    if (key === 'eventTime') out[key] = marker(HOLE.time)
    else if (key === 'eventID') out[key] = marker(HOLE.id)
    else if (key === 'requestID') out[key] = marker(HOLE.requestId)
    else if (key === 'awsRegion') out[key] = marker(HOLE.region)
    else if (key === 'recipientAccountId') out[key] = marker(HOLE.account)
    else if (key === 'sourceIPAddress') out[key] = isService ? value : marker(HOLE.ip)
    else if (key === 'userAgent') {
      out[key] = isService ? value : marker(HOLE.agent)
      out['@@error@@'] = marker(HOLE.error)
    } else if (key === 'userIdentity') out[key] = isService ? value : marker(HOLE.identity)
    else if (key === 'requestParameters' || key === 'resources') out[key] = holeParams(value, params)
    else out[key] = value
  }
  const bucket = ((event.requestParameters ?? {}) as Json).bucketName
  if (!('eventID' in out)) out.eventID = marker(HOLE.id)
  if (!('recipientAccountId' in out)) out.recipientAccountId = marker(HOLE.account)
  // The optional error goes in as `,"errorCode":...,"errorMessage":...` or nothing: its key is cut.
  const text = JSON.stringify(out).replace(`,"@@error@@":"${marker(HOLE.error)}"`, marker(HOLE.error))
  const pieces: string[] = []
  const holes: number[] = []
  let last = 0
  // Holes for string values take their quotes with them: the filler writes JSON values.
  const re = /"@@H(\d+)@@"|@@H(\d+)@@/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    pieces.push(text.slice(last, m.index))
    holes.push(Number(m[1] ?? m[2]))
    last = m.index + m[0].length
  }
  pieces.push(text.slice(last))
  return {
    pieces,
    holes,
    params,
    serviceIdentity: isService ? JSON.stringify(identity) : null,
    serviceAddress: isService ? String(event.sourceIPAddress ?? identity.invokedBy ?? 'AWS Internal') : null,
    bucket: typeof bucket === 'string' && params.includes(bucket) ? bucket : null,
    ownError: failed ? `,"errorCode":${JSON.stringify(event.errorCode)}${'errorMessage' in event ? `,"errorMessage":${JSON.stringify(event.errorMessage)}` : ''}` : '',
  }
}

/** The real error families of the shapes (code and message), to give ~5% of calls. */
export interface ErrorFamily {
  code: string
  message: string
}

export interface RealShapes {
  shapes: Shape[]
  errors: ErrorFamily[]
  services: number
  names: number
  source: string
  /** The real successful AssumeRole events made by a principal (not a service): the corpus's role chains are written in their shape. */
  assumeRoles: Json[]
}

function isAssumeRoleByPrincipal(event: Json): boolean {
  const identity = (event.userIdentity ?? {}) as Json
  const response = (event.responseElements ?? {}) as Json
  return event.eventName === 'AssumeRole' && typeof event.errorCode !== 'string' && identity.type !== 'AWSService' && typeof identity.invokedBy !== 'string' && typeof response.credentials === 'object' && typeof response.assumedRoleUser === 'object'
}

/** Loads and compiles the shapes under `dataDir` (../shared/data); null when it is absent. */
export function loadRealShapes(dataDir: string): RealShapes | null {
  const events: Json[] = []
  for (const folder of ['invictus', 'traildiscover', 'cloudsnitch']) {
    for (const file of filesUnder(path.join(dataDir, folder))) events.push(...eventsIn(file))
  }
  if (events.length === 0) return null
  const errors = new Map<string, string>()
  for (const event of events) {
    if (typeof event.errorCode === 'string' && !errors.has(event.errorCode)) errors.set(event.errorCode, String(event.errorMessage ?? ''))
  }
  return {
    shapes: events.map(compile),
    errors: [...errors].map(([code, message]) => ({ code, message })),
    services: new Set(events.map((e) => e.eventSource)).size,
    names: new Set(events.map((e) => e.eventName)).size,
    source: dataDir,
    assumeRoles: events.filter(isAssumeRoleByPrincipal),
  }
}
