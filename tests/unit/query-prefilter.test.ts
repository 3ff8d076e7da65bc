// The byte prefilters of JSON-path and free-text terms (main/query/prefilter.ts) against the
// naive evaluation: every event parsed (or decoded) and tested with the same exact test. A
// prefilter may keep too much, never too little: events whose bytes hide a match (\u escapes in
// keys or values, `\/`, İ and the Kelvin sign, which lower-case to ASCII) must still be found.
// Run on one thread, and again split with the helper thread over even the smallest search; each
// by the SIMD scan of ASCII needles and by the regexp path it replaced.

import { afterAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { evaluate } from '../../main/query/evaluate'
import { splitSearchesFrom } from '../../main/query/byte-search'
import { useScanHelper } from '../../main/query/scan-helper'
import { useSimdScan } from '../../main/query/simd-scan'
import { planField } from '../../main/query/field-plans'
import { valueNeedle } from '../../main/query/prefilter'
import { anyValuePasses, compareTest, isPresent, patternTest } from '../../main/query/value-match'
import { freeTextTest } from '../../main/query/free-text'
import { forgetCachedResults } from '../../main/query/leaf-cache'
import { tryParseQuery } from '../../common/query/parser'
import type { EventStore } from '../../main/store/event-store'
import { EventGenerator, seededRandom } from '../support/cloudtrail-events'
import { hasSharedData, readSharedEvents, storeOfEvents } from './helpers/make-store'

// Written as JSON text, so that each hides its match from a plain byte search in its own way.
const HIDDEN = [
  '{"eventName":"GetObject","requestParameters":{"bucketName":"logs\\u002dhidden-value"}}',
  '{"eventName":"GetObject","requestParameters":{"bucket\\u004eame":"logs-hidden-key"}}',
  `{"eventName":"GetObject","requestParameters":{"buc\u212aetName":"logs-kelvin-key"}}`,
  '{"eventName":"PutObject","requestParameters":{"bucketName":["other", "LOGS-in-array"]}}',
  `{"eventName":"Note","note":"zz\u0130zz and qq\u212aqq"}`,
  '{"eventName":"Note","note":"path qx\\/zy here"}',
  '{"eventName":"Note","note":"sp\\u0065cial-word, \\"quoted\\" text"}',
  '{\n  "eventName": "Pretty",\n  "requestParameters": {\n    "bucketName": "logs-pretty"\n  }\n}',
  // The key and the value both in the bytes, but not on the path: only parsing can tell.
  '{"eventName":"GetObject","requestParameters":{"key":"\\"bucketName\\":\\"logs-in-a-string\\""}}',
  '{"eventName":"GetObject","requestParameters":{"key":"logs-elsewhere"},"additionalEventData":{"bucketName":"other"}}',
  '{"eventName":"GetObject","requestParameters":{"bucketName":"LOGS-Upper"}}',
  // Every step of the path is a needle: a step other than the last hidden by an escape.
  '{"eventName":"GetObject","requestParam\\u0065ters":{"bucketName":"logs-step-escaped"}}',
  // A path's needle takes the string's opening quote (`"logs-`): values with the text inside, and
  // numbers and booleans (written without quotes), must still be found when they match.
  '{"eventName":"GetObject","requestParameters":{"bucketName":"central-logs-near","count":1234,"flag":true}}',
  '{"eventName":"GetObject","requestParameters":{"bucketName":["x", "logs-second"],"count":"12ab","flag":"trueish"}}',
]

const PATH_QUERIES = [
  'requestParameters.bucketName:logs-*',
  'requestParameters.BUCKETNAME:LOGS-*',
  'requestParameters.bucketName:*logs*',
  'requestParameters.bucketName:*',
  'requestParameters.bucketName:logs-pretty',
  'userIdentity.arn:*stratus*',
  'responseElements.credentials.accessKeyId:ASIA*',
  'requestParameters.policyDocument:*s3:Get*',
  'requestParameters.roleArn:*role*',
  'userIdentity.sessionContext.sessionIssuer.userName:*',
  'userIdentity.sessionContext.sessionIssuer.type:Role',
  'requestParameters.bucketName>logs-m',
  'requestParameters.bucketName:logs-upper',
  'requestParameters.bucketName:central-logs-*',
  'requestParameters.count:12*',
  'requestParameters.flag:tru*',
  'requestParameters.flag:true',
]
const TEXT_QUERIES = ['logs-', 'zzi', 'qqk', 'qx/zy', 'special-word', 'stratus', 'ACCESSDENIED', 'access*denied', 'logs-*value', 'Pretty', 'café', '"no such text anywhere"']

function buildStore(): EventStore {
  const random = seededRandom(11)
  const generator = new EventGenerator(random, { size: 'full' })
  const texts: string[] = []
  for (let i = 0; i < 3000; i++) texts.push(generator.text())
  for (const folder of ['stratus', 'invictus']) if (hasSharedData(folder)) texts.push(...readSharedEvents(folder).map((event) => JSON.stringify(event)))
  texts.push(...HIDDEN)
  return storeOfEvents(texts, 500)
}

/** The naive result of a one-term query: every event parsed (or its text decoded) and tested. */
function naive(store: EventStore, query: string): number[] {
  const parsed = tryParseQuery(query)
  if (!parsed.ok) throw new Error(query)
  const node = parsed.ast
  const out: number[] = []
  for (let id = 0; id < store.size; id++) {
    if (node.type === 'text') {
      if (freeTextTest(node.pattern)(store.text(id))) out.push(id)
    } else if (node.type === 'match' || node.type === 'exists' || node.type === 'compare') {
      const plan = planField(node.field)
      if (plan.kind !== 'parsed') throw new Error(`${query} is not a JSON path`)
      const values = plan.extract(store.parsed(id))
      const test = node.type === 'match' ? patternTest(node.pattern) : node.type === 'compare' ? compareTest(node.op, node.value) : null
      if (test ? anyValuePasses(values, test) : isPresent(values)) out.push(id)
    } else throw new Error(query)
  }
  return out
}

const store = buildStore()
afterAll(() => {
  store.clear()
  useScanHelper(null)
  splitSearchesFrom()
  useSimdScan(true)
})

const helperFile = path.resolve('dist/main/query-worker.cjs')

describe.each([
  ['on one thread', false, true],
  ['split with the helper thread', true, true],
  ['on one thread, regexp path', false, false],
  ['split with the helper thread, regexp path', true, false],
])('byte prefilters, %s', (_label, split, simd) => {
  it.skipIf(split && !existsSync(helperFile))('JSON paths find what parsing every event finds, hidden matches included', () => {
    useScanHelper(split ? helperFile : null)
    splitSearchesFrom(split ? 0 : Infinity)
    useSimdScan(simd)
    for (const query of PATH_QUERIES) {
      forgetCachedResults(store)
      expect(Array.from(evaluate(store, query).ids), query).toEqual(naive(store, query))
    }
    const hidden = Array.from(evaluate(store, 'requestParameters.bucketName:logs-*').ids).map((id) => store.text(id))
    expect(hidden).toEqual(expect.arrayContaining([HIDDEN[0], HIDDEN[1], HIDDEN[2], HIDDEN[3], HIDDEN[7], HIDDEN[10], HIDDEN[11]]))
    expect(hidden).not.toContain(HIDDEN[8])
    expect(hidden).not.toContain(HIDDEN[9])
  })

  it.skipIf(split && !existsSync(helperFile))('free text finds what decoding every event finds, hidden matches included', () => {
    useScanHelper(split ? helperFile : null)
    splitSearchesFrom(split ? 0 : Infinity)
    useSimdScan(simd)
    for (const query of TEXT_QUERIES) {
      forgetCachedResults(store)
      expect(Array.from(evaluate(store, query).ids), query).toEqual(naive(store, query))
    }
    const texts = (query: string): string[] => Array.from(evaluate(store, query).ids).map((id) => store.text(id))
    // İ lower-cases to i + a combining dot, the Kelvin sign to k; \/ and \u0065 decode to / and e.
    expect(texts('zzi')).toContain(HIDDEN[4])
    expect(texts('qqk')).toContain(HIDDEN[4])
    expect(texts('qx/zy')).toEqual([HIDDEN[5]])
    expect(texts('special-word')).toEqual([HIDDEN[6]])
  })
})

describe('the value needle of a dotted path', () => {
  const needle = (query: string): readonly string[] | null => {
    const parsed = tryParseQuery(`requestParameters.bucketName:${query}`)
    if (!parsed.ok || parsed.ast.type !== 'match') throw new Error(query)
    return valueNeedle(parsed.ast.pattern, true)?.forms ?? null
  }

  it("takes the string's quotes where the value must begin (or be) the text", () => {
    expect(needle('logs-*')).toEqual(['"logs-'])
    expect(needle('logs-upper')).toEqual(['"logs-upper"'])
    expect(needle('logs-*-2024')).toEqual(['"logs-'])
  })

  it('stays unquoted where the value may be a number or a boolean, or the text may be inside it', () => {
    expect(needle('*logs-*')).toEqual(['logs-'])
    expect(needle('tru*')).toEqual(['tru'])
    expect(needle('123*')).toBeNull()
    expect(needle('ab*very-long-text')).toEqual(['very-long-text'])
  })
})
