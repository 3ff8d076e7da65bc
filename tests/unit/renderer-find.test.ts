// The find UI's pure logic: how the controls become a ViewSpec (quick views, time presets, sort),
// pivots, times in a zone, the timeline's axis ticks, the list's columns, and the filter text's
// life cycle (parsed at once, applied after a pause, only when it parses).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventRow } from '../../common/event-row'
import { tryParseQuery } from '../../common/query/parser'
import { filterZones, formatInZone, formatOffset, isoInZone, parseInZone, wallToInstant, zonedParts, zoneOffsetMs } from '../../common/time'
import { cellText, cleanColumns, DEFAULT_COLUMNS, gridTemplate } from '../../renderer/list/columns'
import { bucketLabel, tickStep, timeTicks } from '../../renderer/list/time-ticks'
import { addClause, applyQuery, clearQuery, editQuery, replaceQuery, setRange, sortBy, toggleQuickView, TYPING_DELAY_MS, useFind } from '../../renderer/state/find-store'
import {
  combineQuery,
  customRange,
  DEFAULT_SORT,
  nextSort,
  pivotQuery,
  pivotValues,
  QUICK_VIEW_CLAUSES,
  rangeBounds,
  viewSpecOf,
} from '../../renderer/state/view-spec'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const T = Date.UTC(2020, 4, 5, 3, 33, 28) // 2020-05-05T03:33:28Z

describe('combineQuery', () => {
  it('is the filter text alone without quick views', () => {
    expect(combineQuery('  event:GetObject ', [])).toBe('event:GetObject')
    expect(combineQuery('', [])).toBe('')
  })

  it('ands the quick views, bracketing the text so `or` keeps its meaning', () => {
    expect(combineQuery('', ['errors'])).toBe('error:*')
    expect(combineQuery('a or b', ['changes', 'errors'])).toBe('(a or b) readOnly:false error:*')
    // Always in the same order, whatever order they were switched on.
    expect(combineQuery('x', ['denied', 'changes'])).toBe(`(x) readOnly:false ${QUICK_VIEW_CLAUSES.denied}`)
  })

  it('always parses when the text does', () => {
    for (const text of ['', 'a', 'a or b', '-x', 'not (a b)', 'eventTime>=2024-03-05']) {
      const combined = combineQuery(text, ['changes', 'errors', 'denied'])
      expect(tryParseQuery(combined).ok, combined).toBe(true)
    }
  })
})

describe('time ranges', () => {
  it('counts presets back from the newest event, open at the top', () => {
    expect(rangeBounds({ kind: 'preset', preset: '1h' }, T)).toEqual({ from: T - HOUR, to: null })
    expect(rangeBounds({ kind: 'preset', preset: '7d' }, T)).toEqual({ from: T - 7 * 24 * HOUR, to: null })
    expect(rangeBounds({ kind: 'preset', preset: '30m' }, null)).toEqual({ from: null, to: null })
  })

  it('passes custom bounds and all through', () => {
    expect(rangeBounds({ kind: 'all' }, T)).toEqual({ from: null, to: null })
    expect(rangeBounds({ kind: 'custom', from: 5, to: null }, T)).toEqual({ from: 5, to: null })
    expect(customRange(9, 3)).toEqual({ kind: 'custom', from: 3, to: 9 })
  })

  it('builds the ViewSpec', () => {
    expect(viewSpecOf({ query: 'a', quick: ['errors'], range: { kind: 'preset', preset: '3h' }, sort: DEFAULT_SORT }, T)).toEqual({
      query: '(a) error:*',
      from: T - 3 * HOUR,
      to: null,
      sort: { column: 'time', direction: 'desc' },
    })
  })
})

describe('sorting', () => {
  it('flips the same column, starts others ascending and time descending', () => {
    expect(nextSort(DEFAULT_SORT, 'time')).toEqual({ column: 'time', direction: 'asc' })
    expect(nextSort(DEFAULT_SORT, 'eventName')).toEqual({ column: 'eventName', direction: 'asc' })
    expect(nextSort({ column: 'eventName', direction: 'asc' }, 'eventName')).toEqual({ column: 'eventName', direction: 'desc' })
    expect(nextSort({ column: 'eventName', direction: 'asc' }, 'time')).toEqual({ column: 'time', direction: 'desc' })
  })
})

describe('pivots', () => {
  const json = JSON.stringify({
    userIdentity: { principalId: 'AROAEXAMPLE:alice session', accessKeyId: 'ASIAFROMJSON' },
    sourceIPAddress: '203.0.113.9',
    requestID: 'req-1',
  })

  it('reads the values from the row first, then the JSON', () => {
    expect(pivotValues({ accessKey: 'AKIAROW', sourceIp: '', user: 'alice' }, json)).toEqual({
      accessKey: 'AKIAROW',
      session: 'AROAEXAMPLE:alice session',
      user: 'alice',
      ip: '203.0.113.9',
      requestId: 'req-1',
    })
    expect(pivotValues(null, json).accessKey).toBe('ASIAFROMJSON')
    expect(pivotValues(null, '{broken')).toEqual({ accessKey: '', session: '', user: '', ip: '', requestId: '' })
    expect(pivotValues(null, JSON.stringify({ userIdentity: { principalId: 7 }, requestID: ['x'] })).session).toBe('')
  })

  it('makes a query that parses, quoting what needs it', () => {
    expect(pivotQuery('accessKey', 'AKIAROW')).toBe('accessKey:AKIAROW')
    expect(pivotQuery('session', 'AROAEXAMPLE:alice session')).toBe('userIdentity.principalId:"AROAEXAMPLE:alice session"')
    expect(pivotQuery('ip', '2001:db8::1')).toBe('ip:2001:db8::1')
    expect(pivotQuery('requestId', 'a*b')).toBe('requestID:a\\*b')
    for (const value of ['x y', '(', '"', 'a\\b', '*', 'or']) expect(tryParseQuery(pivotQuery('user', value)).ok, value).toBe(true)
  })
})

describe('times in a zone', () => {
  it('formats in UTC, Tokyo and New York', () => {
    expect(formatInZone(T, 'UTC')).toBe('2020-05-05 03:33:28')
    expect(formatInZone(T, 'Asia/Tokyo')).toBe('2020-05-05 12:33:28')
    expect(formatInZone(T, 'America/New_York')).toBe('2020-05-04 23:33:28')
    expect(formatInZone(null, 'UTC')).toBe('—')
    expect(formatInZone(Number.NaN, 'Asia/Tokyo')).toBe('—')
  })

  it('gives the offset and an ISO form', () => {
    expect(zoneOffsetMs(T, 'Asia/Tokyo')).toBe(9 * HOUR)
    expect(zoneOffsetMs(T, 'America/New_York')).toBe(-4 * HOUR) // daylight saving time in May
    expect(zoneOffsetMs(Date.UTC(2020, 0, 5), 'America/New_York')).toBe(-5 * HOUR)
    expect(formatOffset(5.5 * HOUR)).toBe('+05:30')
    expect(formatOffset(-3 * HOUR)).toBe('-03:00')
    expect(isoInZone(T, 'UTC')).toBe('2020-05-05T03:33:28Z')
    expect(isoInZone(T + 250, 'Asia/Tokyo')).toBe('2020-05-05T12:33:28.250+09:00')
    expect(zonedParts(T, 'Asia/Tokyo')).toMatchObject({ year: 2020, month: 5, day: 5, hour: 12, weekday: 2 })
  })

  it('reads typed times as wall time in the zone unless they carry one', () => {
    expect(parseInZone('2020-05-05 12:33:28', 'Asia/Tokyo')).toBe(T)
    expect(parseInZone('2020-05-05T12:33:28', 'Asia/Tokyo')).toBe(T)
    expect(parseInZone('2020-05-05 03:33:28Z', 'Asia/Tokyo')).toBe(T)
    expect(parseInZone('2020-05-05T12:33:28+09:00', 'America/New_York')).toBe(T)
    expect(parseInZone('2020-05-05', 'Asia/Tokyo')).toBe(Date.UTC(2020, 4, 4, 15))
    expect(parseInZone('2020-05-05 10:00', 'UTC')).toBe(Date.UTC(2020, 4, 5, 10))
    expect(parseInZone('', 'UTC')).toBeNull()
    expect(parseInZone('yesterday', 'UTC')).toBeNull()
    expect(parseInZone('2020-02-30', 'UTC')).toBeNull()
  })

  it('settles wall times around daylight saving changes', () => {
    // 2021-03-14 02:30 does not exist in New York (clocks jump 02:00 -> 03:00).
    const gap = wallToInstant(Date.UTC(2021, 2, 14, 2, 30), 'America/New_York')
    expect([Date.UTC(2021, 2, 14, 6, 30), Date.UTC(2021, 2, 14, 7, 30)]).toContain(gap)
    expect(wallToInstant(Date.UTC(2021, 2, 14, 12, 0), 'America/New_York')).toBe(Date.UTC(2021, 2, 14, 16, 0))
  })

  it('finds zones by any words of their name or by offset', () => {
    const options = [
      { choice: 'UTC', label: 'UTC', offset: '+00:00' },
      { choice: 'Asia/Tokyo', label: 'Asia/Tokyo', offset: '+09:00' },
      { choice: 'America/New_York', label: 'America/New_York', offset: '-04:00' },
    ]
    expect(filterZones(options, 'tokyo').map((o) => o.choice)).toEqual(['Asia/Tokyo'])
    expect(filterZones(options, 'new york').map((o) => o.choice)).toEqual(['America/New_York'])
    expect(filterZones(options, '+09').map((o) => o.choice)).toEqual(['Asia/Tokyo'])
    expect(filterZones(options, '  ')).toHaveLength(3)
  })
})

describe('timeline ticks', () => {
  it('picks a round step for the span', () => {
    expect(tickStep(3 * HOUR, 12)).toEqual({ ms: 15 * MINUTE })
    expect(tickStep(10 * 24 * HOUR, 12)).toEqual({ ms: 24 * HOUR })
    expect(tickStep(400 * 24 * HOUR, 12)).toEqual({ months: 3 })
  })

  it('places ticks on round wall-clock times of the zone, the date on the first of a day', () => {
    const start = Date.UTC(2020, 4, 5, 1, 58)
    const end = Date.UTC(2020, 4, 5, 4, 52)
    const utc = timeTicks(start, end, 'UTC', 7)
    expect(utc.map((t) => t.label)).toEqual(['05-05 02:00', '02:30', '03:00', '03:30', '04:00', '04:30'])
    const tokyo = timeTicks(start, end, 'Asia/Tokyo', 7)
    expect(tokyo[0]).toEqual({ ms: Date.UTC(2020, 4, 5, 2, 0), label: '05-05 11:00', major: true })
    // India is 5:30 ahead: its round half hours are UTC's too, its hours are not.
    const india = timeTicks(start, end, 'Asia/Kolkata', 4)
    expect(india.map((t) => t.label)).toEqual(['05-05 08:00', '09:00', '10:00'])
    expect(india[0].ms).toBe(Date.UTC(2020, 4, 5, 2, 30))
  })

  it('marks a new day, and counts days from local midnight', () => {
    const ticks = timeTicks(Date.UTC(2020, 4, 4, 20), Date.UTC(2020, 4, 5, 4), 'UTC', 4)
    expect(ticks.map((t) => [t.label, t.major])).toEqual([
      ['05-04 20:00', true],
      ['22:00', false],
      ['05-05 00:00', true],
      ['02:00', false],
      ['04:00', false],
    ])
    const days = timeTicks(Date.UTC(2020, 4, 1, 12), Date.UTC(2020, 4, 5, 12), 'Asia/Tokyo', 5)
    expect(days.map((t) => t.label)).toEqual(['2020-05-02', '05-03', '05-04', '05-05'])
    expect(days[0].ms).toBe(Date.UTC(2020, 4, 1, 15))
  })

  it('steps by months on long spans, and gives up on empty ones', () => {
    const months = timeTicks(Date.UTC(2023, 10, 20), Date.UTC(2024, 5, 1), 'UTC', 3)
    expect(months.map((t) => t.label)).toEqual(['2024-01', '2024-04'])
    expect(timeTicks(5, 5, 'UTC', 10)).toEqual([])
    expect(timeTicks(Number.NaN, 5, 'UTC', 10)).toEqual([])
  })

  it('names bucket sizes', () => {
    expect(bucketLabel(5 * MINUTE, 'en')).toBe('5 min')
    expect(bucketLabel(HOUR, 'ja')).toBe('1時間')
    expect(bucketLabel(24 * HOUR, 'en')).toBe('1 d')
    expect(bucketLabel(30_000, 'ja')).toBe('30秒')
  })
})

describe('list columns', () => {
  const row: EventRow = {
    id: 1,
    time: T,
    eventName: '<b>x</b>',
    eventSource: 's3.amazonaws.com',
    user: 'alice',
    identityType: 'IAMUser',
    region: 'us-east-1',
    sourceIp: '203.0.113.9',
    errorCode: '',
    account: '111122223333',
    accessKey: 'AKIA',
    eventId: 'e-1',
    readOnly: false,
    resourceType: '',
    resourceName: '',
    eventType: 'AwsApiCall',
  }

  it('shows cells in the zone, values as they are', () => {
    expect(cellText(row, 'time', 'Asia/Tokyo').text).toBe('2020-05-05 12:33:28')
    expect(cellText(row, 'eventSource', 'UTC')).toEqual({ text: 's3', full: 's3.amazonaws.com' })
    expect(cellText(row, 'readOnly', 'UTC').text).toBe('false')
    expect(cellText({ ...row, readOnly: null }, 'readOnly', 'UTC').text).toBe('')
    expect(cellText(row, 'eventName', 'UTC').text).toBe('<b>x</b>')
  })

  it('keeps stored columns that exist and well-formed field columns, once, in the user\'s order, never none', () => {
    expect(cleanColumns(['region', 'time', 'time', '__proto__', 42, 'sourceIp'])).toEqual(['region', 'time', 'sourceIp'])
    expect(cleanColumns(['time', 'field:errorMessage', 'field:requestParameters.bucketName', 'field:a b', 'field:', 'field:x"y'])).toEqual([
      'time',
      'field:errorMessage',
      'field:requestParameters.bucketName',
    ])
    expect(cleanColumns([])).toEqual(DEFAULT_COLUMNS)
    expect(gridTemplate(['time', 'readOnly'])).toBe('144px 72px')
    // A resized column has its width in px; a field column shares the space until resized.
    expect(gridTemplate(['time', 'eventName', 'field:userAgent'], { eventName: 240 })).toBe('144px 240px minmax(96px, 1fr)')
  })
})

describe('the filter text', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    clearQuery()
    setRange({ kind: 'all' })
    useFind.setState({ quick: [], sort: DEFAULT_SORT })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('is applied after a pause, the last text winning', () => {
    editQuery('event:Get')
    editQuery('event:GetObject')
    expect(useFind.getState().draft).toBe('event:GetObject')
    expect(useFind.getState().query).toBe('')
    vi.advanceTimersByTime(TYPING_DELAY_MS - 1)
    expect(useFind.getState().query).toBe('')
    vi.advanceTimersByTime(1)
    expect(useFind.getState().query).toBe('event:GetObject')
  })

  it('shows a syntax error at once and applies nothing', () => {
    editQuery('ok')
    applyQuery()
    editQuery('ok (')
    expect(useFind.getState().parseError).toEqual({ query: 'ok (', error: { message: "Expected a term after '('", position: 4 } })
    vi.advanceTimersByTime(1000)
    expect(useFind.getState().query).toBe('ok')
    // A pending good text is not applied once the text breaks.
    editQuery('ok2')
    editQuery('ok2 "')
    vi.advanceTimersByTime(1000)
    expect(useFind.getState().query).toBe('ok')
    editQuery('ok2 ""')
    expect(useFind.getState().parseError).toBeNull()
  })

  it('applies Enter, Escape, facet clauses and pivots at once', () => {
    editQuery('a or b')
    applyQuery()
    expect(useFind.getState().query).toBe('a or b')
    addClause('event:X')
    expect(useFind.getState().query).toBe('(a or b) event:X')
    replaceQuery('ip:1.2.3.4')
    expect(useFind.getState().query).toBe('ip:1.2.3.4')
    clearQuery()
    expect(useFind.getState()).toMatchObject({ draft: '', query: '', parseError: null })
  })

  it('toggles quick views and sorts', () => {
    toggleQuickView('errors')
    toggleQuickView('changes')
    expect(useFind.getState().quick).toEqual(['errors', 'changes'])
    toggleQuickView('errors')
    expect(useFind.getState().quick).toEqual(['changes'])
    sortBy('user')
    sortBy('user')
    expect(useFind.getState().sort).toEqual({ column: 'user', direction: 'desc' })
  })
})
