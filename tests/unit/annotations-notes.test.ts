// The viewer's notes for the seed event: the catalogue's words with the decoded values, the
// eventVersion a field appeared in, links, and flags for errors and warnings.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { noteLines } from '../../renderer/viewer/annotate'
import { prettyJson } from '../../renderer/viewer/pretty-json'

const seed = readFileSync(fileURLToPath(new URL('../e2e/data/update-trail-event.json', import.meta.url)), 'utf8')
const pretty = prettyJson(seed)
const now = Date.UTC(2020, 4, 8, 3, 33, 28)
const byPath = (notes: ReturnType<typeof noteLines>) => new Map(notes.map((n) => [n.path, n]))

describe('notes of the seed event', () => {
  it('joins the meaning and the decoded value inline', () => {
    const notes = byPath(noteLines(pretty, { language: 'en', timeZone: 'UTC', newest: now, aliases: {}, now }))
    expect(notes.get('userIdentity')!.inline).toBe('who made the call · IAM user skksky')
    expect(notes.get('eventTime')!.inline).toBe('when · Tue 2020-05-05 03:33:28 UTC')
    expect(notes.get('userIdentity.accessKeyId')!.inline).toBe('access key that signed the request · temporary credentials (STS)')
    expect(notes.get('errorCode')!.inline).toMatch(/^⚠ the call FAILED: error code · CloudTrail cannot use the IAM role/)
    expect(notes.get('errorCode')!.kind).toBe('error')
    expect(notes.get('eventTime')!.hover).toContain('3 days before the newest event')
    expect(notes.get('eventTime')!.hover).toContain('_Since eventVersion 1\\.0\\._')
    expect(notes.get('eventName')!.links[0].url).toBe('https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html')
    expect(notes.get('eventName')!.hover).toContain('](https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html)')
  })

  it('notes a decoded value of a field the catalogue does not know on hover only', () => {
    const notes = byPath(noteLines(pretty, 'en'))
    const role = notes.get('requestParameters.cloudWatchLogsRoleArn')!
    expect(role.inline).toBeNull()
    expect(role.hover).toContain('resource role/CloudTrail\\_CloudWatchLogs\\_Role')
    expect(notes.has('requestParameters.isMultiRegionTrail')).toBe(false)
    // Even a named account stays off the line there (it is in the hover).
    const named = byPath(noteLines(pretty, { language: 'en', aliases: { '123456789012': 'prod' } })).get('requestParameters.cloudWatchLogsRoleArn')!
    expect(named.inline).toBeNull()
    expect(named.hover).toContain('account 123456789012 \\(prod\\)')
  })

  it('uses the time zone, the account names and the language', () => {
    const notes = byPath(noteLines(pretty, { language: 'ja', timeZone: 'Asia/Tokyo', newest: null, aliases: { '123456789012': '本番' }, now }))
    expect(notes.get('eventTime')!.inline).toBe('実行日時 · 2020-05-05 (火) 12:33:28 Asia/Tokyo (UTC+09:00)')
    expect(notes.get('recipientAccountId')!.inline).toBe('イベントを受け取ったアカウント · AWS アカウント ID · 本番')
    expect(notes.get('userIdentity')!.inline).toBe('実行したユーザー · IAM ユーザー skksky')
  })

  it('marks warnings', () => {
    const noMfa = prettyJson(seed.replace('"mfaAuthenticated": "true"', '"mfaAuthenticated": "false"'))
    const note = byPath(noteLines(noMfa, 'en')).get('userIdentity.sessionContext.attributes.mfaAuthenticated')!
    expect(note.kind).toBe('warn')
    expect(note.inline).toBe('△ signed in with MFA? · no MFA')
  })
})
