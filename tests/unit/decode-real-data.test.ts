// The decoders on real CloudTrail values published by others (../shared/data, see its README):
// identities from Stratus Red Team detonations, TrailDiscover's console copies, an organization
// trail. Skipped when the folder is absent: those files are not part of this repository (their
// licences differ and they are not ours to redistribute).
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import {
  apiReferenceUrl,
  chainText,
  classifySourceIp,
  classifyUserAgent,
  describeField,
  errorKey,
  identityChain,
  isDocsUrl,
  parseArn,
  serviceAuthorizationUrl,
  uniqueIdKind,
  type DecodeContext,
} from '../../common/decode'
import { parseZonedInstant } from '../../common/time'
import { getterOfObject } from './helpers/event-getter'

const dataDir = fileURLToPath(new URL('../../../shared/data', import.meta.url))
const present = existsSync(dataDir)
/** Folders with full CloudTrail records (permiso_ccc's are trimmed, otrf's are Logstash output). */
const FOLDERS = ['invictus', 'cloudsnitch', 'trailscraper', 'traildiscover', 'stratus']

type Event = Record<string, unknown>

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

function eventsOf(value: unknown): Event[] {
  if (Array.isArray(value)) return value.flatMap(eventsOf)
  if (value && typeof value === 'object') {
    const record = value as Event
    if (Array.isArray(record.Records)) return record.Records as Event[]
    if (typeof record.eventName === 'string') return [record]
  }
  return []
}

function loadEvents(): Event[] {
  const events: Event[] = []
  for (const folder of FOLDERS) {
    for (const file of filesUnder(path.join(dataDir, folder))) {
      let bytes = readFileSync(file)
      if (file.endsWith('.gz')) bytes = gunzipSync(bytes)
      try {
        events.push(...eventsOf(JSON.parse(bytes.toString('utf8'))))
      } catch {
        // a few files are not single JSON documents; the loader's own tests cover them
      }
    }
  }
  return events
}

const ctx: DecodeContext = { language: 'en', timeZone: 'Asia/Tokyo', newest: null, now: Date.UTC(2026, 0, 1), aliases: {} }

const title = present ? 'decoders on real CloudTrail data (../shared/data)' : 'decoders on real CloudTrail data: skipped, ../shared/data is absent (not part of this repository)'

describe.skipIf(!present)(title, () => {
  const events = present ? loadEvents() : []
  const strings = (pick: (e: Event) => unknown): string[] => events.map(pick).filter((v): v is string => typeof v === 'string' && v !== '')
  const identity = (e: Event): Event => (e.userIdentity as Event | undefined) ?? {}

  it('reads enough events to mean something', () => {
    expect(events.length).toBeGreaterThan(3500)
  })

  it('parses every eventTime that is an ISO instant', () => {
    const times = strings((e) => e.eventTime)
    const parsed = times.filter((t) => parseZonedInstant(t) !== null)
    // streamalert's hand-edited fixtures are not in these folders; everything here is real.
    expect(parsed.length).toBe(times.length)
  })

  it('recognises the access keys (AKIA/ASIA) of every real identity', () => {
    const keys = strings((e) => identity(e).accessKeyId)
    const kinds = new Map<string, number>()
    for (const key of keys) {
      const kind = uniqueIdKind(key)?.kind ?? 'none'
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    }
    expect(kinds.get('accessKey')).toBeGreaterThan(2000)
    expect(kinds.get('temporaryKey')).toBeGreaterThan(500)
    // The only keys left are made-up placeholders (0123…, AAAA…).
    const unknown = keys.filter((k) => !uniqueIdKind(k))
    expect(unknown.every((k) => /^(0123|AAAA)/.test(k)), unknown.slice(0, 5).join(' ')).toBe(true)
  })

  it('draws an identity chain for every event that has a userIdentity type', () => {
    const typed = events.filter((e) => typeof identity(e).type === 'string')
    expect(typed.length).toBeGreaterThan(3000)
    for (const event of typed) {
      const steps = identityChain(getterOfObject(event))
      expect(steps.length, JSON.stringify(event.userIdentity)).toBeGreaterThan(0)
    }
    const stratusEc2 = typed.find((e) => JSON.stringify(e.userIdentity).includes('"ec2RoleDelivery"'))!
    expect(chainText(identityChain(getterOfObject(stratusEc2)), ctx)).toMatch(/^role .+ ▸ EC2 instance i-[0-9a-f]+$/)
  })

  it('classifies almost every user agent', () => {
    const agents = strings((e) => e.userAgent)
    const unknown = agents.filter((ua) => classifyUserAgent(ua).kind === 'unknown')
    expect(unknown.length / agents.length).toBeLessThan(0.01)
    expect(agents.some((ua) => classifyUserAgent(ua).kind === 'attackTool')).toBe(true)
    expect(agents.some((ua) => classifyUserAgent(ua).kind === 'iac')).toBe(true)
  })

  it('classifies every source address', () => {
    const sources = strings((e) => e.sourceIPAddress)
    const other = sources.filter((ip) => classifySourceIp(ip).kind === 'other')
    expect(other, other.slice(0, 5).join(' ')).toEqual([])
    // Stratus anonymised its addresses with leading zeros.
    expect(sources.some((ip) => {
      const c = classifySourceIp(ip)
      return c.kind === 'ipv4' && c.leadingZeros
    })).toBe(true)
  })

  it('explains most errors, and every one of the common ones', () => {
    const codes = strings((e) => e.errorCode)
    const explained = codes.filter((c) => errorKey(c) !== null)
    expect(explained.length / codes.length).toBeGreaterThan(0.95)
    for (const code of ['AccessDenied', 'Client.UnauthorizedOperation', 'ThrottlingException', 'NoSuchBucket']) expect(codes).toContain(code)
  })

  it('splits every ARN-looking value in userIdentity and resources', () => {
    const arns = events.flatMap((e) => [identity(e).arn, ...((e.resources as Event[] | undefined) ?? []).map((r) => r.ARN)]).filter((v): v is string => typeof v === 'string' && v.startsWith('arn:'))
    expect(arns.length).toBeGreaterThan(3000)
    const broken = arns.filter((a) => parseArn(a) === null)
    expect(broken, broken.slice(0, 5).join(' ')).toEqual([])
  })

  it('links every real action only to AWS documentation', () => {
    for (const event of events) {
      const source = typeof event.eventSource === 'string' ? event.eventSource : ''
      const name = typeof event.eventName === 'string' ? event.eventName : ''
      const api = apiReferenceUrl(source, name)
      if (api !== null) expect(isDocsUrl(api), api).toBe(true)
      const authz = serviceAuthorizationUrl(source)
      if (authz !== null) expect(isDocsUrl(authz), authz).toBe(true)
    }
  })

  it('describes every top-level value of every event without throwing', () => {
    for (const event of events.slice(0, 4000)) {
      const get = getterOfObject(event)
      for (const key of Object.keys(event)) describeField(key, get, ctx)
      describeField('userIdentity', get, ctx)
    }
  })
})
