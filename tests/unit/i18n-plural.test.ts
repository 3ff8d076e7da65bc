// Counts and relative times in the UI's two languages: plural forms chosen by Intl.PluralRules
// (common/i18n/message-format.ts), relative times by Intl.RelativeTimeFormat.
import { describe, expect, it } from 'vitest'
import { countValue, formatMessage, formatRelativeTime, MESSAGES, placeholders, type MessageKey } from '../../common/i18n'

const en = MESSAGES.en
const ja = MESSAGES.ja

describe('plural forms', () => {
  it('says "1 event" and "2 events"', () => {
    expect(formatMessage(en.fileRecovered, { n: 1 })).toBe('1 event recovered')
    expect(formatMessage(en.fileRecovered, { n: 2 })).toBe('2 events recovered')
    expect(formatMessage(en.fileRecovered, { n: 0 })).toBe('0 events recovered')
    expect(formatMessage(en.exportStart, { n: '1' })).toBe('Export 1 event')
    expect(formatMessage(en.exportStart, { n: '1,234' })).toBe('Export 1,234 events')
    expect(formatMessage(en.exportDone, { n: 1, file: 'a.json' })).toBe('1 event written to a.json')
    expect(formatMessage(en.copyDone, { n: 2 })).toBe('2 events copied as JSON Lines')
    expect(formatMessage(en.duplicatesDropped, { n: 1 })).toBe('1 duplicate dropped')
    expect(formatMessage(en.loadIdCollisions, { n: 1 })).toBe('1 eventID collision')
    expect(formatMessage(en.integrityKeysKnown, { n: 1 })).toBe('1 public key known')
    expect(formatMessage(en.exportHiddenSelected, { n: 1 })).toBe('1 of the selected events is hidden by the current filter; it is exported too.')
    expect(formatMessage(en.exportHiddenSelected, { n: 3 })).toBe('3 of the selected events are hidden by the current filter; they are exported too.')
  })

  it('chooses each count of a message by itself', () => {
    expect(formatMessage(en.coverageCellTitle, { files: 1, events: 2 })).toBe('1 file, 2 events')
    expect(formatMessage(en.coverageCellTitle, { files: 3, events: 1 })).toBe('3 files, 1 event')
    expect(formatMessage(en.detectionsStatus, { rules: 1, events: 1, ms: 5 })).toBe('1 rule run over 1 event (5 ms)')
    expect(formatMessage(en.graphStats, { nodes: 3, edges: 1, ms: 9 })).toBe('3 nodes, 1 link, laid out in 9 ms')
    expect(formatMessage(en.integritySummary, { dv: 1, d: 1, lv: 1, l: 2 })).toBe('1/1 digest file valid, 1/2 log files valid')
  })

  it('reads formatted counts back, and takes "other" for what is not a number', () => {
    expect(countValue('1,234')).toBe(1234)
    expect(countValue('12+')).toBe(12)
    expect(countValue('many')).toBeNaN()
    expect(formatMessage(en.s3Objects, { done: '0', total: '1+' })).toBe('0 / 1+ object')
    expect(formatMessage(en.s3Events, { n: '—' })).toBe('— events')
  })

  it('leaves Japanese as it was: one form, whatever the count', () => {
    expect(formatMessage(ja.fileRecovered, { n: 1 })).toBe(formatMessage(ja.fileRecovered, { n: 2 }).replace('2', '1'))
    expect(ja.fileRecovered).not.toContain('plural')
    expect(formatMessage(ja.exportStart, { n: 1 })).toBe(ja.exportStart.replace('{n}', '1'))
    // A Japanese template with only `other` (Intl.PluralRules('ja') has no other category).
    expect(formatMessage('{n, plural, other {# 件}}', { n: 1 }, 'ja')).toBe('1 件')
    expect(new Intl.PluralRules('ja').resolvedOptions().pluralCategories).toEqual(['other'])
  })

  it('picks exact forms first, and follows the language it is given', () => {
    const template = '{n, plural, =0 {no events} one {# event} other {# events}}'
    expect(formatMessage(template, { n: 0 })).toBe('no events')
    expect(formatMessage(template, { n: 1 })).toBe('1 event')
    expect(formatMessage(template, { n: 1 }, 'ja')).toBe('1 events') // ja has no "one": falls to other
    expect(formatMessage(template, {})).toBe(template) // a missing value leaves the text as written
  })

  it('fills every plural template of both catalogues completely, for 1 and for 2', () => {
    for (const messages of [en, ja]) {
      for (const key of Object.keys(messages) as MessageKey[]) {
        if (!messages[key].includes('plural')) continue
        for (const n of [1, 2]) {
          const values = Object.fromEntries(placeholders(messages[key]).map((name) => [name, n]))
          const text = formatMessage(messages[key], values)
          expect(text, key).not.toMatch(/[{}#]/)
        }
      }
    }
  })

  it('names the values of plural forms for the parity check', () => {
    expect(placeholders(en.integritySummary)).toEqual(['d', 'dv', 'l', 'lv'])
    expect(placeholders(ja.integritySummary)).toEqual(['d', 'dv', 'l', 'lv'])
    expect(placeholders('{a} {n, plural, one {# of {b}} other {# of {b}}}')).toEqual(['a', 'b', 'n'])
  })
})

describe('relative times', () => {
  const now = Date.UTC(2024, 2, 10, 12)
  const day = 86_400_000
  it('says how long ago in English', () => {
    expect(formatRelativeTime(now - 3 * day, now, 'en')).toBe('3 days ago')
    expect(formatRelativeTime(now - day, now, 'en')).toBe('1 day ago')
    expect(formatRelativeTime(now - 90 * 60_000, now, 'en')).toBe('1 hour ago')
    expect(formatRelativeTime(now - 800 * day, now, 'en')).toBe('2 years ago')
    expect(formatRelativeTime(now + 2 * 3_600_000, now, 'en')).toBe('in 2 hours')
    expect(formatRelativeTime(now, now, 'en')).toBe('0 seconds ago')
  })

  it('and in Japanese', () => {
    expect(formatRelativeTime(now - 3 * day, now, 'ja')).toBe('3 日前')
    expect(formatRelativeTime(now - 45 * day, now, 'ja')).toBe('1 か月前')
    expect(formatRelativeTime(now + 5 * 60_000, now, 'ja')).toBe('5 分後')
  })
})
