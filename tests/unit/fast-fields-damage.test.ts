// The field reader on damaged input, the one-pass read of delivery files, and the column
// coder: never accept what JSON.parse rejects, and give every file the batch that parsing
// every event gives (see fast-fields.test.ts for the undamaged shapes).

import { describe, expect, it } from 'vitest'
import { ColumnCoder } from '../../main/loader/column-coder'
import { hashEventId } from '../../main/store/id-hash-table'
import { makeEvent, makeEvents, seededRandom, type Random } from '../support/cloudtrail-events'
import { expectReadAsParsed, expectSameAsParsing, readFields, setRaw } from './helpers/fast-fields-check'

// Damage: each mutation of a valid event is either declined (then parsed, and reported if bad)
// or valid JSON read as the parse reads it; never accepted when JSON.parse throws.
const MUTATIONS = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\t', '\n', '\u0001', '\u007f', '0', '1', '-', '+', '.', 'e', 'E', 'a', 'u', 'n', 't', 'f', 'é']

function mutate(random: Random, text: string): string {
  const at = Math.floor(random() * text.length)
  const insert = MUTATIONS[Math.floor(random() * MUTATIONS.length)]
  const kind = random()
  if (kind < 0.33) return text.slice(0, at) + text.slice(at + 1)
  if (kind < 0.66) return text.slice(0, at) + insert + text.slice(at)
  return text.slice(0, at) + insert + text.slice(at + 1)
}

describe('the reader on damaged events', () => {
  it('never reads what JSON.parse rejects (20,000 random mutations), and files report alike', () => {
    const random = seededRandom(21)
    const texts: string[] = []
    let declined = 0
    for (let k = 0; k < 20000; k++) {
      const base = k % 3 === 0 ? JSON.stringify(makeEvent(random), null, 2) : JSON.stringify(makeEvent(random))
      let text = mutate(random, base)
      if (k % 4 === 0) text = mutate(random, text)
      if (expectReadAsParsed(text) === null) declined++
      if (k % 20 === 0) texts.push(text)
    }
    // Most single mutations still make valid JSON (inside strings); the rest must be declined.
    expect(declined).toBeGreaterThan(2000)
    for (let k = 0; k + 10 <= texts.length; k += 10) {
      expectSameAsParsing(Buffer.from(`{"Records":[${texts.slice(k, k + 10).join(',')}]}`))
      expectSameAsParsing(Buffer.from(texts.slice(k, k + 10).join('\n')))
    }
  })

  it('declines the classic invalid forms', () => {
    const event = '{"eventName":"A","n":1}'
    const bad = [
      '{"eventName":"A","n":01}', '{"eventName":"A","n":1.}', '{"eventName":"A","n":-}', '{"eventName":"A","n":1e}', '{"eventName":"A","n":.5}',
      '{"eventName":"A","n":+1}', '{"eventName":"A","n":tru}', '{"eventName":"A","n":nul}', '{"eventName":"A","n":True}', '{"eventName":"A","n":1,}',
      '{"eventName":"A",}', '{"eventName":"A","n":[1,]}', '{"eventName":"A","n":[,1]}', '{"eventName":"A","n":{]}', '{"eventName":"A","n":[}',
      '{"eventName":"A" "n":1}', '{"eventName" "A"}', '{"eventName":"A","n":"a\tb"}', '{"eventName":"A\nB"}', '{"eventName":"A","n":"\\x"}',
      '{"eventName":"A","n":"\\u12G4"}', '{"eventName":"A","n":"\\u12"}', "{'eventName':'A'}", '{"eventName":"A"}}', '{"eventName":"A"} x',
      '{"eventName":"A","n":{"a"}}', '{"eventName":"A","n":{1:2}}', '{"eventName":"A","n":NaN}', '{"eventName":"A","n":Infinity}', '{"eventName":"A\u0000"}',
    ]
    expect(readFields(event)).not.toBeNull()
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow()
      expect(readFields(text), text).toBeNull()
    }
  })
})

describe('the one-pass read of delivery files (delivery-reader.ts)', () => {
  it('gives what the split or the walk gives, whatever the wrapper looks like', () => {
    const events = makeEvents(30, 12).map((e) => JSON.stringify(e))
    const odd = setRaw(makeEvent(seededRandom(1)), 'eventName', '42')
    const trap = setRaw(makeEvent(seededRandom(2)), 'requestParameters', '{"list":[{"a":1},{"eventVersion":"1.08","eventName":"Nested"}]}')
    const files = [
      `{"Records":[${events.join(',')}]}`,
      `{"Records":[${events.join(',')}]}\n`,
      ` \n{ "Records" : [ ${events.join(' ,\n')} ] }\r\n`,
      `{"Records":[${events.join(',')}],"extra":1}`,
      `{"extra":1,"Records":[${events.join(',')}]}`,
      `{"Records":[${events.slice(0, 5).join(',')},${odd},${events.slice(5).join(',')}]}`,
      `{"Records":[${events.slice(0, 5).join(',')},${trap},${events.slice(5).join(',')}]}`,
      `{"Records":[${events.slice(0, 5).join(',')},{"notAnEvent":${events[6]}},${events.slice(7).join(',')}]}`,
      `{"Records":[${events.slice(0, 5).join(',')},"text",${events.slice(7).join(',')}]}`,
      `{"Records":[${events.join(',')}]`,
      `{"Records":[${events.join(',')},]}`,
      `{"Records":[${events.join(',')}]} {"Records":[${events.slice(0, 2).join(',')}]}`,
      `{"Records":[${events[0]}${' '.repeat(events[0].length * 3)}]}`,
      `{"Records":[]}`,
      `{"Records":{}}`,
      `{"Records":[${events[0]}`,
      `{"Records"`,
    ]
    for (const file of files) expectSameAsParsing(Buffer.from(file), file.slice(0, 80))
  })
})

describe('the column coder', () => {
  it('codes bytes and strings of one value alike, across batches and past a reset', () => {
    const coder = new ColumnCoder(64)
    const random = seededRandom(2)
    for (let batch = 0; batch < 20; batch++) {
      const values = Array.from({ length: 100 }, () => `v${Math.floor(random() * 300)}${random() < 0.1 ? 'é' : ''}`)
      const data = Buffer.from(values.join(''), 'utf8')
      const dictionary = coder.begin(data)
      let at = 0
      for (const value of values) {
        const length = Buffer.byteLength(value)
        const ascii = !value.includes('é')
        const byBytes = ascii ? coder.bytes(batch % 12, at, at + length) : coder.string(value)
        expect(dictionary[byBytes]).toBe(value)
        expect(coder.string(value)).toBe(byBytes)
        at += length
      }
      expect(new Set(dictionary).size).toBe(dictionary.length)
      expect(dictionary[0]).toBe('')
    }
  })

  it('keeps every value apart through the table\'s growth, and gives thread codes that name them', () => {
    const coder = new ColumnCoder()
    // 20,000 values of a few lengths (many share a length and their first and last words) grow
    // the table from 4,096 slots past 32,768: each must keep its own code and thread code.
    const values = Array.from({ length: 20_000 }, (_, k) => `AKIA${String(k * 7919).padStart(12, '0')}`)
    const threadOf = new Map<string, number>()
    for (let round = 0; round < 2; round++) {
      const data = Buffer.from(values.join(''), 'latin1')
      const dictionary = coder.begin(data)
      const codes = values.map((value, k) => coder.bytes(k % 12, k * value.length, (k + 1) * value.length))
      codes.forEach((code, k) => expect(dictionary[code]).toBe(values[k]))
      const thread = coder.threadCodes(dictionary)!
      const known = ['', ...coder.valuesFrom(0)]
      codes.forEach((code, k) => {
        expect(known[thread[code]]).toBe(values[k])
        // The same value has the same thread code in every batch.
        if (round === 1) expect(thread[code]).toBe(threadOf.get(values[k]))
        else threadOf.set(values[k], thread[code])
      })
      expect(coder.threadCodes(['', 'another batch\'s dictionary'])).toBeNull()
    }
  })

  it('hashes event ids as hashEventId does', () => {
    const random = seededRandom(8)
    for (let k = 0; k < 200; k++) {
      const id = Array.from({ length: Math.floor(random() * 40) + 1 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('')
      const text = JSON.stringify({ eventID: id, recipientAccountId: k % 3 ? String(k) : undefined })
      const fields = readFields(text)
      expect(fields?.idHash, text).toBe(hashEventId(`${id}\u0000${k % 3 ? String(k) : ''}`))
    }
  })
})
