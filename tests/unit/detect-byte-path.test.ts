// Reading a rule's field from an event's bytes (byte-path.ts) must give exactly what the walk
// over the parsed event gives (field-values.ts), or decline: checked on every field the rules
// name, over the real events of ../shared/data (compact and pretty-printed), and on the hostile
// shapes where the bytes do not say what JSON.parse makes of them.

import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EventFields, pathBytes } from '../../main/detect/byte-path'
import { valuesAt, splitPath } from '../../main/detect/field-values'
import { compileRuleSet } from '../../main/detect/rule-set'
import { builtinRuleTexts } from '../../main/detect/builtin-rules'
import { readRuleFolders } from '../../main/detect/rule-files'
import { SHARED_DATA_DIR, SHARED_SIGMA, readEventsUnder } from './helpers/shared-dirs'

/** A reader over `text`, placed inside a larger buffer as the store's blocks hold events. */
function readerOf(text: string): EventFields {
  const before = Buffer.from('{"x":"an earlier event"}\n')
  const bytes = Buffer.from(text)
  const block = Buffer.concat([before, bytes, Buffer.from('\n{"a":"a later event"}')])
  const reader = new EventFields()
  reader.reset(block, before.length, before.length + bytes.length)
  return reader
}

function read(text: string, field: string): unknown[] | null {
  return readerOf(text).valuesAt(pathBytes(splitPath(field)))
}

describe('fields read from the bytes', () => {
  it('reads scalars at a path, absent fields as nothing, and decodes escaped values as JSON.parse does', () => {
    const text = '{ "a" : { "b": "x\\"y\\u00e9" , "n": 1e3, "t": true, "z": null, "s": "plain" }, "c": "é" }'
    expect(read(text, 'a.b')).toEqual(['x"yé'])
    expect(read(text, 'a.n')).toEqual([1000])
    expect(read(text, 'a.t')).toEqual([true])
    expect(read(text, 'a.z')).toEqual([null])
    expect(read(text, 'a.s')).toEqual(['plain'])
    expect(read(text, 'c')).toEqual(['é'])
    expect(read(text, 'a.missing')).toEqual([])
    expect(read(text, 'a.s.deeper')).toEqual([])
    expect(read(text, 'missing.b')).toEqual([])
    expect(read('{}', 'a')).toEqual([])
  })

  it('declines what the bytes alone do not settle: duplicate, dotted or escaped keys, arrays, objects', () => {
    // JSON.parse keeps the last of two equal keys.
    expect(read('{"a":"first","a":"last"}', 'a')).toBeNull()
    expect(read('{"u":{"t":"first","t":"last"}}', 'u.t')).toBeNull()
    // "a.b" is tried as one key by the walk over parsed events.
    expect(read('{"a.b":"dotted","a":{"b":"nested"}}', 'a.b')).toBeNull()
    // \u0061 is "a": the raw key bytes do not spell it.
    expect(read('{"\\u0061":"escaped key"}', 'a')).toBeNull()
    expect(read('{"u":{"\\u0074":"escaped key"}}', 'u.t')).toBeNull()
    expect(read('{"a":[{"b":"in an array"}]}', 'a.b')).toBeNull()
    expect(read('{"a":["x","y"]}', 'a')).toBeNull()
    expect(read('{"a":{"b":"an object"}}', 'a')).toBeNull()
    expect(read('["not an event"]', 'a')).toBeNull()
  })

  it("reads several fields of one nested object from its table of members, declining in it what a walk declines", () => {
    // One reader, several fields: the object's members are recorded on the first read.
    const reader = readerOf('{"u":{"arn":"a1","type":"T","s":{"i":{"type":"Role"}},"dup":1,"dup":2,"d.e":"dotted"},"w":{"a":1,"\\u0078":"x"},"v":"w"}')
    const at = (field: string): unknown[] | null => reader.valuesAt(pathBytes(splitPath(field)))
    expect(at('u.arn')).toEqual(['a1'])
    expect(at('u.type')).toEqual(['T'])
    expect(at('u.s.i.type')).toEqual(['Role'])
    expect(at('u.missing')).toEqual([])
    expect(at('u.dup')).toBeNull()
    expect(at('u.d.e')).toBeNull()
    // An escaped key may spell any name: the whole object is declined, as by the walk.
    expect(at('w.x')).toBeNull()
    expect(at('w.a')).toBeNull()
    expect(at('u.arn')).toEqual(['a1'])
    expect(at('v')).toEqual(['w'])
    // The next event in the same block: nothing of the last one's tables is used.
    const block = Buffer.from('{"u":{"arn":"first"}}\n{"x":1,"u":{"arn":"second"}}')
    const next = new EventFields()
    next.reset(block, 0, 21)
    expect(next.valuesAt(pathBytes(['u', 'arn']))).toEqual(['first'])
    next.reset(block, 22, block.length)
    expect(next.valuesAt(pathBytes(['u', 'arn']))).toEqual(['second'])
  })

  it('reads empty keys (a field with an empty step) as the walk over the parsed event does', () => {
    for (const text of ['{"":{"":"e","a":1},"a":{"":"f"}}', '{"b":1,"":"top"}']) {
      for (const field of ['', '.', 'a.', '.a', 'a']) {
        const got = read(text, field)
        if (got !== null) expect(got, `${field} in ${text}`).toEqual(valuesAt(JSON.parse(text), splitPath(field)))
      }
    }
    expect(read('{"b":1,"":"top"}', '')).toEqual(['top'])
    expect(read('{"a":{"x":1,"":"f"}}', 'a.')).toEqual(['f'])
  })

  it('reads objects past the number of tables it keeps, and objects of more members than a table holds', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`o${k}`, { a: `v${k}`, b: k }]))
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`k${k}`, `w${k}`]))
    const event = { ...many, wide: { ...wide, k99: 'last' } }
    const reader = readerOf(JSON.stringify(event))
    for (let k = 0; k < 12; k++) {
      expect(reader.valuesAt(pathBytes(['o' + k, 'a']))).toEqual([`v${k}`])
      expect(reader.valuesAt(pathBytes(['o' + k, 'b']))).toEqual([k])
    }
    expect(reader.valuesAt(pathBytes(['wide', 'k0']))).toEqual(['w0'])
    expect(reader.valuesAt(pathBytes(['wide', 'k99']))).toEqual(['last'])
    expect(readerOf('{"wide":' + JSON.stringify(wide).replace('}', ',"k5":"again"}') + '}').valuesAt(pathBytes(['wide', 'k5']))).toBeNull()
  })

  const present = existsSync(SHARED_SIGMA) && existsSync(SHARED_DATA_DIR)
  it.skipIf(!present)('equals the walk over the parsed event for every field the rules name, on ../shared/data (skipped when absent)', () => {
    const set = compileRuleSet([...builtinRuleTexts(), ...readRuleFolders([SHARED_SIGMA]).files])
    const fields = [...new Set(set.rules.flatMap((r) => (r.kind === 'detection' ? r.leaves.map((l) => l.field) : [])).filter((f): f is string => f !== null))]
    const events = readEventsUnder(SHARED_DATA_DIR).map((e) => e.event).filter((_, i) => i % 2 === 0)
    const paths = fields.map((f) => ({ field: f, steps: splitPath(f), bytes: pathBytes(splitPath(f)) }))
    let read_ = 0
    let declined = 0
    const wrong: string[] = []
    for (const event of events) {
      for (const text of [JSON.stringify(event), JSON.stringify(event, null, 2)]) {
        const reader = readerOf(text)
        for (const { field, steps, bytes } of paths) {
          const got = reader.valuesAt(bytes)
          if (got === null) declined++
          else {
            read_++
            if (JSON.stringify(got) !== JSON.stringify(valuesAt(event, steps))) wrong.push(`${field} in ${text.slice(0, 120)}`)
          }
        }
      }
    }
    expect(wrong).toEqual([])
    console.log(`${fields.length} fields × ${events.length} events: ${read_} read from the bytes, ${declined} declined`)
    // The point of the reader: nearly every field of real events is read without JSON.parse.
    expect(declined).toBeLessThan(read_ / 20)
  }, 300_000)
})
