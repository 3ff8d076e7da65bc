import { describe, expect, it } from 'vitest'
import { formatMessage, languageForLocale, MESSAGES, placeholders } from '../../common/i18n'
import { ANNOTATIONS, annotationFor, catalogueKey } from '../../common/annotations'
import { noteLines } from '../../renderer/viewer/annotate'
import { prettyJson } from '../../renderer/viewer/pretty-json'

describe('UI strings', () => {
  it('has the same keys and placeholders in English and Japanese', () => {
    const en = MESSAGES.en
    const ja = MESSAGES.ja
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort())
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key].trim(), key).not.toBe('')
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('says what the user was promised', () => {
    expect(MESSAGES.en.colTime).toBe('Time (UTC)')
    expect(MESSAGES.en.emptyBody).toBe('Drop CloudTrail .json or .json.gz files or a folder here, or use Open.')
  })

  it('fills placeholders', () => {
    expect(formatMessage('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two')
    expect(formatMessage('{missing}', {})).toBe('{missing}')
  })

  it('starts in Japanese for ja* locales only', () => {
    expect(languageForLocale('ja')).toBe('ja')
    expect(languageForLocale('ja-JP')).toBe('ja')
    expect(languageForLocale('JA-jp')).toBe('ja')
    expect(languageForLocale('en-US')).toBe('en')
    expect(languageForLocale('')).toBe('en')
    expect(languageForLocale(undefined)).toBe('en')
  })
})

describe('field annotations', () => {
  // Parity and the user's Japanese words: annotations-catalogue.test.ts.
  it('covers the fields the issue asks for', () => {
    const en = ANNOTATIONS.en
    expect(en.userIdentity.short).toBe('who made the call')
    expect(en.eventTime.short).toBe('when')
    expect(en.eventSource.short).toBe('which service')
    expect(en.eventName.short).toBe('which action')
    expect(en.requestParameters.short).toBe('the AWS API request')
    expect(en.responseElements.short).toBe('the AWS API response')
    expect(en.errorMessage.short).toBe('why it failed')
    for (const key of ['errorCode', 'eventVersion', 'awsRegion', 'sourceIPAddress', 'userAgent', 'requestID', 'eventID', 'eventType', 'readOnly', 'recipientAccountId', 'resources', 'managementEvent', 'eventCategory', 'tlsDetails', 'sessionCredentialFromConsole']) {
      expect(en, key).toHaveProperty([key])
    }
  })

  it('finds entries by path, arrays as []', () => {
    expect(catalogueKey('resources[3].ARN')).toBe('resources[].ARN')
    expect(annotationFor('resources[3].ARN', 'en')?.short).toBe('resource ARN')
    expect(annotationFor('requestParameters.eventName', 'en')).toBeUndefined()
    expect(annotationFor('toString', 'en')).toBeUndefined()
    expect(annotationFor('__proto__', 'ja')).toBeUndefined()
  })
})

describe('viewer notes', () => {
  const event = '{"eventTime":"2020-05-05T03:33:28Z","userIdentity":{"type":"IAMUser"},"unknownField":1,"errorCode":"AccessDenied","requestParameters":{"eventName":"x"}}'

  it('notes known fields on their lines, in the chosen language', () => {
    const pretty = prettyJson(event)
    const en = noteLines(pretty, 'en', Date.UTC(2020, 4, 8, 4))
    expect(en.map((n) => [n.path, n.line])).toEqual([
      ['eventTime', 2],
      ['userIdentity', 3],
      ['userIdentity.type', 4],
      ['errorCode', 7],
      ['requestParameters', 8],
    ])
    expect(en[0].inline).toBe('when · Tue 2020-05-05 03:33:28 UTC')
    expect(en[0].hover).toContain('3 days ago')
    const ja = noteLines(pretty, 'ja', Date.UTC(2020, 4, 8, 4))
    expect(ja[1].inline).toBe('実行したユーザー')
    expect(ja[0].inline).toBe('実行日時 · 2020-05-05 (火) 03:33:28 UTC')
  })

  it('flags the error code', () => {
    const notes = noteLines(prettyJson(event), 'en')
    const error = notes.find((n) => n.path === 'errorCode')!
    expect(error.kind).toBe('error')
    expect(error.inline?.startsWith('⚠')).toBe(true)
  })

  it('notes nothing when the text is not JSON', () => {
    expect(noteLines(prettyJson('{"eventTime":'), 'en')).toEqual([])
  })
})
