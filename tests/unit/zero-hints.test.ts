// What the list says when a filter matches nothing (renderer/state/zero-hints.ts).
import { describe, expect, it } from 'vitest'
import { zeroHints } from '../../renderer/state/zero-hints'

describe('zero-result hints', () => {
  it('suggests `:` for `=`', () => {
    expect(zeroHints('eventName=PutUserPolicy')).toContainEqual({ kind: 'useColon', field: 'eventName', suggestion: 'eventName:PutUserPolicy' })
    expect(zeroHints('user:bob and eventName == PutUserPolicy')[0]).toMatchObject({ kind: 'useColon', suggestion: 'user:bob and eventName:PutUserPolicy' })
  })

  it('suggests a prefix for a whole-value match', () => {
    expect(zeroHints('event:Describe')).toEqual([{ kind: 'prefix', field: 'event', value: 'Describe', suggestion: 'event:Describe*' }])
    expect(zeroHints('user:bob event:Describe')[0].suggestion).toBe('user:bob* event:Describe')
  })

  it('says nothing when the value already has wildcards, or is only excluded', () => {
    expect(zeroHints('event:Describe*')).toEqual([])
    expect(zeroHints('not event:Describe')).toEqual([])
    expect(zeroHints('')).toEqual([])
    // A network is a range already.
    expect(zeroHints('ip:3.238.0.0/16')).toEqual([])
    expect(zeroHints('ip:2600:1f18::/32')).toEqual([])
  })
})
