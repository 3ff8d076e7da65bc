// The filter bar's completions (renderer/state/completion-logic.ts): what the caret is in, what
// is offered, and how a choice is written into the query.
import { describe, expect, it } from 'vitest'
import { DETECTION_LEVELS } from '../../common/detections'
import { applyChoice, completionContext, fieldSuggestions, MAX_SUGGESTIONS, valueField, valueSuggestions } from '../../renderer/state/completion-logic'

describe('completion context', () => {
  it('finds a field name being typed, and a value after field:', () => {
    expect(completionContext('ev', 2)).toEqual({ kind: 'field', start: 0, end: 2, field: '', prefix: 'ev' })
    expect(completionContext('user:bob -eve', 13)).toEqual({ kind: 'field', start: 10, end: 13, field: '', prefix: 'eve' })
    expect(completionContext('user:bob (event:Put', 19)).toEqual({ kind: 'value', start: 16, end: 19, field: 'event', prefix: 'Put' })
    expect(completionContext('requestParameters.bucketName:"my b', 34)).toMatchObject({ kind: 'value', field: 'requestParameters.bucketName', prefix: 'my b' })
    // The caret inside a term: the choice replaces the whole term.
    expect(completionContext('event:PutObj user:bob', 9)).toEqual({ kind: 'value', start: 6, end: 12, field: 'event', prefix: 'Put' })
  })

  it('offers nothing after a space, in a phrase, for operators or patterns', () => {
    for (const [text, caret] of [['user:bob ', 9], ['"access den', 11], ['a or', 4], ['event:Put*', 10], ['', 0], ['1.2.3', 5]] as const) {
      expect(completionContext(text, caret), text).toBeNull()
    }
  })
})

describe('suggestions', () => {
  it('offers short names first, then the set’s paths by prefix and by segment', () => {
    const paths = ['eventName', 'errorMessage', 'requestParameters.bucketName', 'userAgent', 'responseElements.bucket']
    expect(fieldSuggestions('e', paths).slice(0, 4)).toEqual(['event', 'eventId', 'error', 'eventName'])
    // One entry per name whatever its case (eventId is the short name of eventID).
    expect(fieldSuggestions('eventi', ['eventID', 'eventName'])).toEqual(['eventId'])
    expect(fieldSuggestions('bucket', paths)).toEqual(['requestParameters.bucketName', 'responseElements.bucket'])
    expect(fieldSuggestions('x', Array.from({ length: 50 }, (_, i) => `x${i}`))).toHaveLength(MAX_SUGGESTIONS)
  })

  it('asks for values of the facet or the path a name stands for', () => {
    expect(valueField('event')).toBe('eventName')
    expect(valueField('ip')).toBe('sourceIp')
    expect(valueField('user')).toBe('user')
    expect(valueField('accessKey')).toBe('userIdentity.accessKeyId')
    expect(valueField('resourceName')).toBeNull()
    // Detection's fields have values (main counts them), so level:h completes to high.
    expect(valueField('level')).toBe('level')
    expect(valueField('Detection')).toBe('detection')
    expect(valueSuggestions('h', DETECTION_LEVELS)).toEqual(['high'])
    expect(valueField('requestParameters.bucketName')).toBe('requestParameters.bucketName')
  })

  it('puts values that start with the text before values that contain it', () => {
    expect(valueSuggestions('put', ['GetObject', 'PutObject', 'OutputPut', 'PutBucketPolicy'])).toEqual(['PutObject', 'PutBucketPolicy', 'OutputPut'])
  })
})

describe('applying a choice', () => {
  it('writes a field with its colon, a value quoted when it must be, and moves the caret after it', () => {
    expect(applyChoice('user:bob ev', completionContext('user:bob ev', 11)!, 'event')).toEqual({ text: 'user:bob event:', caret: 15 })
    const value = completionContext('event:Put user:bob', 9)!
    expect(applyChoice('event:Put user:bob', value, 'PutObject')).toEqual({ text: 'event:PutObject user:bob', caret: 15 })
    const quoted = completionContext('userAgent:aws', 13)!
    expect(applyChoice('userAgent:aws', quoted, 'aws cli/2 "x"')).toEqual({ text: 'userAgent:"aws cli/2 \\"x\\"" ', caret: 28 })
  })
})
