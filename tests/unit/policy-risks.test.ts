// Strings that hold JSON (common/embedded-json.ts) and risky grants in policies
// (common/policy-risks.ts), on real events from ../shared/data and on hostile hand-made ones.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { SHARED_DATA_DIR } from './helpers/shared-dirs'
import { describe, expect, it } from 'vitest'
import { embeddedJson, MAX_EMBEDDED_CHARS } from '../../common/embedded-json'
import { policyRisks } from '../../common/policy-risks'
import { lineOfPath, prettyJson } from '../../renderer/viewer/pretty-json'

const DATA = SHARED_DATA_DIR
const hasData = existsSync(DATA)

function records(file: string): Record<string, unknown>[] {
  const parsed = JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as unknown
  if (Array.isArray(parsed)) return parsed.flatMap((item: { data?: { Records?: Record<string, unknown>[] } }) => item.data?.Records ?? [item])
  return (parsed as { Records: Record<string, unknown>[] }).Records
}

const params = (event: Record<string, unknown>): Record<string, unknown> => event.requestParameters as Record<string, unknown>

describe('embeddedJson', () => {
  it('decodes escaped, URL-encoded and base64 JSON, and says which', () => {
    expect(embeddedJson('{"Version":"2012-10-17"}')).toMatchObject({ encoding: 'json', value: { Version: '2012-10-17' } })
    const url = '%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%5B%5D%7D'
    expect(embeddedJson(url)).toMatchObject({ encoding: 'url', value: { Version: '2012-10-17', Statement: [] } })
    const b64 = Buffer.from('{"aws:s3:arn":"arn:aws:s3:::bucket/key"}').toString('base64')
    expect(embeddedJson(b64)).toMatchObject({ encoding: 'base64', value: { 'aws:s3:arn': 'arn:aws:s3:::bucket/key' } })
  })

  it('keeps everything else a plain string, without throwing', () => {
    for (const text of ['', '{', '{"a":', '[1,2', 'AKIAIOSFODNN7EXAMPLE', '%7B%ZZ', '%7Bnot json%7D', 'QUtJQQ==', '"quoted"', '123', 'null', '{}x']) {
      expect(embeddedJson(text), text).toBeNull()
    }
    // Not UTF-8 inside base64, and a base64 of something that is not JSON.
    expect(embeddedJson(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'))).toBeNull()
    expect(embeddedJson(Buffer.from('{ nope }').toString('base64'))).toBeNull()
  })

  it('leaves huge and deeply nested strings alone', () => {
    const huge = `{"a":"${'x'.repeat(MAX_EMBEDDED_CHARS)}"}`
    expect(embeddedJson(huge)).toBeNull()
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(embeddedJson(deep)).toBeNull()
    expect(embeddedJson(encodeURIComponent(deep.slice(0, 200_000)))).toBeNull()
  })
})

describe('policyRisks', () => {
  it('flags Action * on Resource *, PassRole on *, and Principal * with and without a Condition', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'pass', Effect: 'Allow', Action: ['iam:Pass*'], Resource: ['*'] },
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:root', '*'] }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      ],
    }
    expect(policyRisks(policy).map((r) => [r.kind, r.statement, r.sid, r.bucket])).toEqual([
      ['allActions', 0, null, false],
      ['passRoleAnywhere', 1, 'pass', false],
      ['openToWorld', 2, null, false],
      ['anyPrincipal', 3, null, true],
    ])
  })

  it('does not flag what is narrow, denied or malformed', () => {
    const policy = {
      Statement: [
        { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Deny', Action: '*', Resource: '*', Principal: '*' },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/app' },
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: {} },
        { Effect: 7, Action: '*', Resource: '*' },
        'not a statement',
        null,
      ],
    }
    expect(policyRisks(policy)).toEqual([])
    // An empty Condition restricts nothing.
    expect(policyRisks({ Statement: { Effect: 'Allow', Principal: '*', Action: 's3:*', Condition: { StringEquals: {} } } })[0].kind).toBe('openToWorld')
  })

  it('finds policies nested in an event, by path, and survives hostile shapes', () => {
    const event = { requestParameters: { bucketName: 'b', bucketPolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] } } }
    expect(policyRisks(event)).toEqual([{ kind: 'openToWorld', path: 'requestParameters.bucketPolicy', statement: 0, sid: null, bucket: true }])
    let deep: unknown = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(policyRisks(deep)).toEqual([]) // deeper than MAX_JSON_DEPTH: not walked
    const many = { Statement: Array.from({ length: 200_000 }, () => ({ Effect: 'Allow', Action: '*', Resource: '*' })) }
    expect(policyRisks(many)).toHaveLength(100)
  })

  it("names a policy's path as the viewer's lines do (common/json-walk.ts' childPath), arrays included", () => {
    const event = { requestParameters: { items: [{ name: 'x' }, { policy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] } }
    const [risk] = policyRisks(event)
    expect(risk.path).toBe('requestParameters.items[1].policy')
    expect(lineOfPath(prettyJson(JSON.stringify(event)), risk.path)).toBe(8)
  })
})

describe.skipIf(!hasData)(hasData ? 'on real events from ../shared/data' : 'on real events: skipped, ../shared/data is absent (set ASHIATO_SHARED)', () => {
  it('stratus GetFederationToken grants itself Action * on Resource *', () => {
    const event = records('stratus/aws.persistence.sts-federation-token.json').find((e) => e.eventName === 'GetFederationToken')!
    const found = embeddedJson(params(event).policy as string)
    expect(found?.encoding).toBe('json')
    expect(policyRisks(found!.value).map((r) => r.kind)).toEqual(['allActions'])
  })

  it('streamalert PutBucketPolicy opens the bucket to the world (an object, not a string)', () => {
    const event = records('streamalert/community__cloudwatch_events__cloudtrail_public_resources.json').find((e) => e.eventName === 'PutBucketPolicy')!
    expect(policyRisks(event)).toMatchObject([{ kind: 'openToWorld', path: 'requestParameters.bucketPolicy', bucket: true }])
  })

  it('traildiscover, invictus, stratus, otrf: URL-encoded trust policies decode to what the escaped ones say, and their role trusts are not flagged', () => {
    const encoded: string[] = []
    for (const file of ['traildiscover', 'invictus', 'stratus', 'otrf'].flatMap((dir) => listFiles(dir))) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/"(?:policyDocument|assumeRolePolicyDocument)":\s*"(%7B[^"]*)"/g)) encoded.push(match[1])
    }
    expect(encoded.length).toBeGreaterThan(0)
    for (const document of encoded) {
      const found = embeddedJson(document)
      expect(found?.encoding, document.slice(0, 80)).toBe('url')
      expect(found!.value).toEqual(JSON.parse(decodeURIComponent(document)))
      expect(policyRisks(found!.value).filter((r) => r.kind === 'openToWorld')).toEqual([])
    }
  })
})

function listFiles(dir: string): string[] {
  const root = path.join(DATA, dir)
  if (!existsSync(root)) return []
  return readdirSync(root)
    .map((name) => path.join(root, name))
    .filter((file) => statSync(file).isFile())
}
