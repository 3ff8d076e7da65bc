// extractEvents on real CloudTrail logs published by others (../shared/data, see its README):
// every event of every folder must load, and the totals must match the README's counts, which
// were made independently. Skipped when the folder is absent: the files are not part of this
// repository (their licences differ and they are not ours to redistribute).

import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { extractEvents } from '../../main/loader/extract-events'
import { principalIdOf, rowOf } from '../../main/store/event-fields'
import { STRING_COLUMNS, type ParsedBatch } from '../../main/store/parsed-batch'
import { isBatch, viewOf, expectWellFormed, type EventView } from './helpers/batch-view'
import { SHARED_DATA_DIR, filesUnder } from './helpers/shared-dirs'

const dataDir = SHARED_DATA_DIR

interface Expected {
  files: number
  events: number
  /** Files expected to fail, by name, with their reason. */
  failures?: Record<string, string>
}

// From ../shared/data/README.md.
const FOLDERS: Record<string, Expected> = {
  invictus: { files: 55, events: 2900 },
  cloudsnitch: { files: 2, events: 21 },
  trailscraper: { files: 2, events: 4 },
  permiso_ccc: { files: 32, events: 9226 },
  traildiscover: { files: 584, events: 563 },
  stratus: { files: 35, events: 310 },
  otrf: { files: 1, events: 103 },
  cloudtrail2sightings: { files: 4, events: 15 },
  plaso: { files: 1, events: 6 },
  // The CloudWatch Logs subscription sample carries its event as a `message` string, which the
  // README does not count as an event (56 = 41 in Records + 15 in EventBridge envelopes).
  streamalert: { files: 15, events: 56, failures: { 'classifier__cloudwatch__cloudwatch_cloudtrail.json': 'JSON without CloudTrail events' } },
}

interface Loaded {
  batches: Map<string, ParsedBatch>
  events: EventView[]
}

/** Loads every file of a folder, checking each event against a parse of its own text. */
function loadFolder(folder: string, expected: Expected): Loaded {
  const files = filesUnder(path.join(dataDir, folder))
  expect(files.length).toBe(expected.files)
  const batches = new Map<string, ParsedBatch>()
  const events: EventView[] = []
  for (const file of files) {
    const name = path.basename(file)
    const result = extractEvents(readFileSync(file), 0)
    // ZIP archives are for the user to extract: the app names them and moves on (none are
    // in the shared data today; the one upstream zip, otrf's, is stored extracted).
    if (name.endsWith('.zip')) {
      expect(isBatch(result) ? '' : result.reason).toBe('not CloudTrail JSON: a ZIP archive (extract it first)')
      continue
    }
    if (!isBatch(result)) {
      expect(result.reason, name).toBe(expected.failures?.[name])
      continue
    }
    expect(expected.failures?.[name], name).toBeUndefined()
    expectWellFormed(result)
    expect(result.warning, name).toBe('')
    expect(result.kind).toBe('events')
    for (const event of viewOf(result)) {
      const parsed = JSON.parse(event.text) as Record<string, unknown>
      const row = rowOf(0, parsed)
      const fields: Record<string, unknown> = { ...row, principalId: principalIdOf(parsed) }
      for (const column of STRING_COLUMNS) expect(event.columns[column], `${name} ${column}`).toBe(fields[column])
      expect(event.time).toBe(row.time ?? NaN)
      events.push(event)
    }
    batches.set(name, result)
  }
  expect(events.length).toBe(expected.events)
  return { batches, events }
}

const count = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length

describe.skipIf(!existsSync(dataDir))(`real CloudTrail logs in ${dataDir} (skipped when absent: not part of the repo)`, () => {
  it('has a count for every folder there', () => {
    const folders = readdirSync(dataDir).filter((name) => statSync(path.join(dataDir, name)).isDirectory())
    expect(folders.sort()).toEqual(Object.keys(FOLDERS).sort())
  })

  it('invictus: genuine delivery files, with the README error, service-event and name counts', () => {
    const { events } = loadFolder('invictus', FOLDERS.invictus)
    expect(count(events, (e) => e.columns.errorCode !== '')).toBe(300)
    expect(count(events, (e) => e.columns.errorCode === 'ThrottlingException')).toBe(102)
    expect(count(events, (e) => e.columns.identityType === '' && e.columns.eventType === 'AwsServiceEvent')).toBe(42)
    expect(new Set(events.map((e) => e.columns.eventName)).size).toBe(260)
  })

  it('cloudsnitch: gzipped files of an organization trail', () => {
    const { events } = loadFolder('cloudsnitch', FOLDERS.cloudsnitch)
    expect(count(events, (e) => Number.isNaN(e.time))).toBe(0)
  })

  it('trailscraper: the same file as .json and .json.gz gives the same events (2 unique)', () => {
    const { batches, events } = loadFolder('trailscraper', FOLDERS.trailscraper)
    const [plain, gzipped] = [...batches.values()].map((batch) => viewOf(batch).map((e) => e.text))
    expect(gzipped).toEqual(plain)
    expect(new Set(events.map((e) => e.idHash)).size).toBe(2)
  })

  it('permiso_ccc: trimmed arrays of events; 1,056 eventIDs repeat across files', () => {
    const { events } = loadFolder('permiso_ccc', FOLDERS.permiso_ccc)
    expect(events.length - new Set(events.map((e) => e.idHash)).size).toBe(1056)
    expect(count(events, (e) => e.columns.user !== '')).toBe(0)
  })

  it('traildiscover: one event per file, and 2-byte [] files of no events', () => {
    const { batches } = loadFolder('traildiscover', FOLDERS.traildiscover)
    expect(count([...batches.values()], (batch) => batch.starts.length === 0)).toBe(21)
  })

  it('stratus: anonymised values (made-up regions, zero-padded IPs) load as they are', () => {
    const { events } = loadFolder('stratus', FOLDERS.stratus)
    expect(events.some((e) => /^sagov-/.test(e.columns.region))).toBe(true)
  })

  it('otrf: Logstash output with @timestamp and no eventTime: loaded, times NaN', () => {
    const { events } = loadFolder('otrf', FOLDERS.otrf)
    expect(count(events, (e) => Number.isNaN(e.time))).toBe(103)
  })

  it('cloudtrail2sightings: Datadog-enriched exports, one with missing commas between events', () => {
    loadFolder('cloudtrail2sightings', FOLDERS.cloudtrail2sightings)
  })

  it('plaso: lookup-events JSON Lines, the event being the CloudTrailEvent string (UTC eventTime)', () => {
    const { events } = loadFolder('plaso', FOLDERS.plaso)
    for (const event of events) {
      const parsed = JSON.parse(event.text) as { eventTime: string }
      expect(parsed.eventTime).toMatch(/Z$/)
      expect(event.time).toBe(Date.parse(parsed.eventTime))
    }
  })

  it('streamalert: Records and EventBridge envelopes inside a test harness, one Insight event', () => {
    const { events } = loadFolder('streamalert', FOLDERS.streamalert)
    expect(count(events, (e) => e.columns.eventType === 'AwsCloudTrailInsight')).toBe(1)
  })
})
