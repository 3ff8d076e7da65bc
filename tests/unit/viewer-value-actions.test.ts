// The viewer's value actions: which path a line shows, the filter clause for a value (or its
// negation), what is copied, and the account a value names.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tryParseQuery } from '../../common/query/parser'
import { pathAtLine, prettyJson } from '../../renderer/viewer/pretty-json'
import { accountIn, clauseFor, copyText, queryField, valueAtLine } from '../../renderer/viewer/value-actions'

const seed = readFileSync(fileURLToPath(new URL('../e2e/data/update-trail-event.json', import.meta.url)), 'utf8')
const pretty = prettyJson(seed)
const lineOf = (text: string): number => pretty.text.split('\n').findIndex((l) => l.includes(text)) + 1

describe('paths by line', () => {
  it('maps member lines, array elements and closing brackets to their paths', () => {
    const p = prettyJson('{"a":{"b":1},"list":["x",{"y":null}],"s":"t"}')
    expect(p.text.split('\n')).toEqual(['{', '  "a": {', '    "b": 1', '  },', '  "list": [', '    "x",', '    {', '      "y": null', '    }', '  ],', '  "s": "t"', '}'])
    expect([...Array(12).keys()].map((i) => pathAtLine(p, i + 1))).toEqual([null, 'a', 'a.b', 'a', 'list', 'list[0]', 'list[1]', 'list[1].y', 'list[1]', 'list', 's', 's'])
  })
})

describe('filter clauses', () => {
  it('filters by a string value, and hides it', () => {
    const value = valueAtLine(pretty, lineOf('"eventSource"'))!
    expect(value.path).toBe('eventSource')
    expect(clauseFor(value, false)).toBe('eventSource:cloudtrail.amazonaws.com')
    expect(clauseFor(value, true)).toBe('not eventSource:cloudtrail.amazonaws.com')
  })

  it('quotes and escapes what the query language needs', () => {
    const message = valueAtLine(pretty, lineOf('"errorMessage"'))!
    expect(clauseFor(message, false)).toBe('errorMessage:"Access denied. Check the trust relationships for your role."')
    const group = valueAtLine(pretty, lineOf('"cloudWatchLogsLogGroupArn"'))!
    expect(clauseFor(group, false)).toBe('requestParameters.cloudWatchLogsLogGroupArn:arn:aws:logs:ap-northeast-1:123456789012:log-group:CloudTrail/DefaultLogGroup:\\*')
    for (const line of pretty.linePaths.keys()) {
      const value = valueAtLine(pretty, line)!
      for (const negate of [false, true]) {
        const clause = clauseFor(value, negate)
        if (clause) expect(tryParseQuery(clause).ok, clause).toBe(true)
      }
    }
  })

  it('handles booleans, null, objects and arrays', () => {
    expect(clauseFor(valueAtLine(pretty, lineOf('"readOnly"'))!, false)).toBe('readOnly:false')
    expect(clauseFor(valueAtLine(pretty, lineOf('"responseElements"'))!, false)).toBe('not responseElements:*')
    expect(clauseFor(valueAtLine(pretty, lineOf('"responseElements"'))!, true)).toBe('responseElements:*')
    expect(clauseFor(valueAtLine(pretty, lineOf('"sessionContext"'))!, false)).toBe('userIdentity.sessionContext:*')
    const resources = prettyJson('{"resources":[{"ARN":"arn:aws:s3:::b","type":"AWS::S3::Bucket"}]}')
    const arn = valueAtLine(resources, resources.lines.get('resources[0].ARN')!)!
    expect(clauseFor(arn, false)).toBe('resources.ARN:arn:aws:s3:::b')
    expect(queryField('resources[0].type')).toBe('resources.type')
  })

  it('searches the value as a phrase when the key cannot be a field name', () => {
    const odd = prettyJson('{"requestParameters":{"x-amz-id 2":"abc \\"q\\""}}')
    const value = valueAtLine(odd, 3)!
    expect(queryField(value.path)).toBeNull()
    expect(clauseFor(value, false)).toBe('"abc \\"q\\""')
    expect(tryParseQuery(clauseFor(value, true)!).ok).toBe(true)
  })
})

describe('copy and accounts', () => {
  it('copies strings without quotes and objects as JSON', () => {
    expect(copyText(valueAtLine(pretty, lineOf('"userName"'))!, pretty)).toBe('skksky')
    expect(copyText(valueAtLine(pretty, lineOf('"isMultiRegionTrail"'))!, pretty)).toBe('true')
    const attributes = copyText(valueAtLine(pretty, lineOf('"attributes"'))!, pretty)
    expect(JSON.parse(attributes)).toEqual({ mfaAuthenticated: 'true', creationDate: '2020-05-05T03:09:24Z' })
    expect(attributes.split('\n')[1]).toBe('  "mfaAuthenticated": "true",')
  })

  it('finds the account an ID or ARN names', () => {
    expect(accountIn(valueAtLine(pretty, lineOf('"recipientAccountId"'))!)).toBe('123456789012')
    expect(accountIn(valueAtLine(pretty, lineOf('"arn"'))!)).toBe('123456789012')
    expect(accountIn(valueAtLine(pretty, lineOf('"userName"'))!)).toBeNull()
  })
})
