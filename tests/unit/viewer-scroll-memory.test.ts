// Where the viewer opens an event of a kind read before (renderer/viewer/scroll-memory.ts): at
// the field path the previous one was scrolled to, or its nearest ancestor; at the top otherwise.
import { describe, expect, it } from 'vitest'
import { parentPath } from '../../common/json-walk'
import { lineOfPath, prettyJson } from '../../renderer/viewer/pretty-json'
import { eventKind, lineOfNearest, MAX_KINDS, placeAt, ScrollMemory } from '../../renderer/viewer/scroll-memory'

const putObject = (extra: Record<string, unknown>) =>
  prettyJson(JSON.stringify({ eventSource: 's3.amazonaws.com', eventName: 'PutObject', ...extra, requestParameters: { bucketName: 'b', key: 'k' }, errorCode: 'AccessDenied' }))

describe('scroll memory', () => {
  it('names an event kind by service and action', () => {
    expect(eventKind(putObject({}))).toBe('s3.amazonaws.com PutObject')
    expect(eventKind(prettyJson('{"eventName":"x"}'))).toBeNull()
    expect(eventKind(null)).toBeNull()
  })

  it('finds a path or its nearest ancestor', () => {
    const pretty = putObject({})
    expect(parentPath('a.b[2].c')).toBe('a.b[2]')
    expect(parentPath('a.b[2]')).toBe('a.b')
    expect(parentPath('a')).toBeNull()
    expect(lineOfNearest(pretty, 'requestParameters.key')).toBe(pretty.lines.get('requestParameters.key'))
    expect(lineOfNearest(pretty, 'requestParameters.missing')).toBe(pretty.lines.get('requestParameters'))
    expect(lineOfNearest(pretty, 'nothing.here')).toBeNull()
    // The exact lookup (pretty-json.ts): a member's key line, an array element's first line.
    expect(lineOfPath(pretty, 'requestParameters.missing')).toBeNull()
    const list = prettyJson('{"resources":[{"ARN":"a"},{"ARN":"b"}]}')
    expect(lineOfPath(list, 'resources[1]')).toBe(6)
    expect(lineOfPath(list, 'resources[1].ARN')).toBe(7)
  })

  it('opens the next event of the kind at the same field, even when it sits on another line', () => {
    const memory = new ScrollMemory()
    const first = putObject({})
    const kind = eventKind(first)!
    memory.remember(kind, placeAt(first, first.lines.get('errorCode')!, 7))
    // The next one has two more fields above errorCode.
    const next = putObject({ awsRegion: 'us-east-1', userAgent: 'aws-cli' })
    expect(next.lines.get('errorCode')).toBe(first.lines.get('errorCode')! + 2)
    expect(memory.recall(kind, next)).toEqual({ line: next.lines.get('errorCode'), offset: 7 })
    // Another kind opens at the top.
    const other = prettyJson('{"eventSource":"iam.amazonaws.com","eventName":"PutUserPolicy","errorCode":"x"}')
    expect(memory.recall(eventKind(other), other)).toBeNull()
    // A field missing from the next event: its parent's line, from its top.
    memory.remember(kind, placeAt(first, first.lines.get('requestParameters.key')!, 5))
    const without = prettyJson(JSON.stringify({ eventSource: 's3.amazonaws.com', eventName: 'PutObject', requestParameters: { bucketName: 'b' } }))
    expect(memory.recall(kind, without)).toEqual({ line: without.lines.get('requestParameters'), offset: 0 })
  })

  it('forgets the oldest kinds past MAX_KINDS', () => {
    const memory = new ScrollMemory()
    const pretty = putObject({})
    memory.remember('s3.amazonaws.com PutObject', { path: 'errorCode', offset: 0 })
    for (let i = 0; i < MAX_KINDS; i++) memory.remember(`kind ${i}`, { path: 'errorCode', offset: 0 })
    expect(memory.recall('s3.amazonaws.com PutObject', pretty)).toBeNull()
    expect(memory.recall(`kind ${MAX_KINDS - 1}`, pretty)).not.toBeNull()
  })
})
