// The list's columns beyond the row's own: order kept as the user made it, widths, the grid's
// least width, and long identifiers shortened in the middle (renderer/list/columns.ts).
import { describe, expect, it } from 'vitest'
import { gridMinWidth, insertColumn, isFieldPath, middleParts, moveColumn, rowColumnsOf, type ColumnKey } from '../../renderer/list/columns'

describe('column order', () => {
  const shown: ColumnKey[] = ['time', 'eventName', 'sourceIp', 'errorCode']

  it('moves a dragged column to the place of the one it is dropped on', () => {
    expect(moveColumn(shown, 'errorCode', 'eventName')).toEqual(['time', 'errorCode', 'eventName', 'sourceIp'])
    expect(moveColumn(shown, 'time', 'errorCode')).toEqual(['eventName', 'sourceIp', 'errorCode', 'time'])
    expect(moveColumn(shown, 'time', 'region')).toEqual(shown)
  })

  it('puts a row column switched on at its usual place and a field column last', () => {
    expect(insertColumn(shown, 'user')).toEqual(['time', 'eventName', 'user', 'sourceIp', 'errorCode'])
    expect(insertColumn(shown, 'field:userAgent')).toEqual([...shown, 'field:userAgent'])
    expect(insertColumn(shown, 'time')).toEqual(shown)
  })

  it('knows which columns are the row\'s (what sorting and CSV export know)', () => {
    expect(rowColumnsOf(['time', 'field:errorMessage', 'region'])).toEqual(['time', 'region'])
  })
})

describe('field paths a column may name', () => {
  it('takes dotted keys, refuses what could trip a selector or storage', () => {
    expect(isFieldPath('requestParameters.policyDocument')).toBe(true)
    expect(isFieldPath('userIdentity.sessionContext.sessionIssuer.arn')).toBe(true)
    expect(isFieldPath('a"]{}')).toBe(false)
    expect(isFieldPath('a..b')).toBe(false)
    expect(isFieldPath('x'.repeat(201))).toBe(false)
  })
})

describe('the grid\'s least width', () => {
  it('adds the minimums, gaps and padding; a resized column counts its width', () => {
    // time 144 (with its marks lane) + eventName 120 + gap 6 + padding 24
    expect(gridMinWidth(['time', 'eventName'])).toBe(144 + 120 + 6 + 24)
    expect(gridMinWidth(['time', 'eventName'], { eventName: 300 })).toBe(144 + 300 + 6 + 24)
  })
})

describe('shortening in the middle', () => {
  it('keeps the distinguishing end of keys, ARNs and addresses visible', () => {
    expect(middleParts('ASIAU7JNXC7ABCDEFGH1')).toEqual({ head: 'ASIAU7JNXC7A', tail: 'BCDEFGH1' })
    expect(middleParts('arn:aws:iam::123456789012:role/Admin').tail).toBe('/Admin')
    // An IPv4 address is never cut (15 characters at most); IPv6 keeps its last groups.
    expect(middleParts('203.238.121.144')).toEqual({ head: '203.238.121.144', tail: '' })
    expect(middleParts('2001:db8:85a3:0:0:8a2e:370:7334').tail).toBe('0:7334')
    // Short values, and host names (their first label tells them apart), are left whole.
    expect(middleParts('bert-jan')).toEqual({ head: 'bert-jan', tail: '' })
    expect(middleParts('secretsmanager.amazonaws.com')).toEqual({ head: 'secretsmanager.amazonaws.com', tail: '' })
    // Head and tail always make the whole value (the cell's text is the full value).
    for (const text of ['ASIAU7JNXC7ABCDEFGH1', 'arn:aws:s3:::my-very-long-bucket-name/key', 'Mozilla/5.0 (X11; Linux x86_64)']) {
      const { head, tail } = middleParts(text)
      expect(head + tail).toBe(text)
    }
  })
})
