// A field column's or facet's text of a value the attacker nested 100,000 levels deep:
// JSON.stringify would overflow the stack (and fail the whole screenful of cells), so the cell
// names the limit instead.
import { describe, expect, it } from 'vitest'
import { fieldText, TOO_DEEP_TEXT } from '../../main/query/field-text'

describe('fieldText', () => {
  it('writes objects as JSON and names the depth limit for one nested too deep', () => {
    expect(fieldText({ requestParameters: { a: [1, { b: 'x' }] } }, 'requestParameters')).toBe('{"a":[1,{"b":"x"}]}')
    const deep = JSON.parse(`{"requestParameters":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`) as unknown
    expect(fieldText(deep, 'requestParameters')).toBe(TOO_DEEP_TEXT)
    expect(fieldText(deep, 'requestparameters.a.a')).toBe(TOO_DEEP_TEXT)
  })
})

describe('Sigma field text', () => {
  it('treats an object nested past the limit as absent instead of overflowing the stack', async () => {
    const { textOf } = await import('../../main/detect/field-values')
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown
    expect(textOf({ a: [1] })).toBe('{"a":[1]}')
    expect(textOf(deep)).toBeNull()
  })
})
