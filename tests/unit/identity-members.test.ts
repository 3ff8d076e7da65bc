// readMembers (the partial reader identity work uses) against JSON.parse, the reference: the
// same members on real-shaped events, on duplicated and escaped keys (JSON.parse keeps the
// last, and reads escapes), nested look-alikes, and with early stopping.

import { describe, expect, it } from 'vitest'
import { readMembers } from '../../main/identity/event-members'

const enc = (text: string): Uint8Array => new TextEncoder().encode(text)
const reference = (text: string, keys: string[]): Record<string, unknown> => {
  const event = JSON.parse(text) as Record<string, unknown>
  return Object.fromEntries(keys.filter((k) => k in event).map((k) => [k, event[k]]))
}

const CASES = [
  '{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","userName":"alice"},"userAgent":"aws-cli/2","requestParameters":{"tags":{"userAgent":"evil"}}}',
  '{"requestParameters":{"userAgent":"nested"},"eventName":"X"}',
  '{"userAgent":"first","eventName":"X","userAgent":"second"}',
  '{"userAgent":"first","eventName":"X","user\\u0041gent":"escaped"}',
  '{ "userAgent" : "spaced" ,\n "x": [1, {"userAgent": "in array"}] }',
  '{"userAgent":"caf\\u00e9 \\"quoted\\""}',
  '{"x\\"userAgent":"inside a longer key","userAgent":"top"}',
  '{"policy":"{\\"userAgent\\":\\"in a string\\"} ]]}}","userAgent":"top"}',
  '{"eventName":"userAgent","userAgent":"after a value that reads userAgent"}',
  '{"requestParameters":{"userAgent":"nested first","tags":[{"userAgent":"in array"}]},"userAgent":"top \\\\"}',
]

describe('readMembers', () => {
  for (const text of CASES) {
    it(`equals JSON.parse on ${text.slice(0, 60)}`, () => {
      for (const stopEarly of [false, true]) {
        expect(readMembers(enc(text), ['userAgent', 'userIdentity'], stopEarly)).toEqual(reference(text, ['userAgent', 'userIdentity']))
        expect(readMembers(enc(text), ['userAgent'], stopEarly)).toEqual(reference(text, ['userAgent']))
      }
    })
  }

  it('is null for what is not one JSON object', () => {
    expect(readMembers(enc('[1,2]'), ['a'])).toBeNull()
    expect(readMembers(enc('{"a":'), ['a'])).toBeNull()
  })
})
