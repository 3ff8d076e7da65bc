// The decoders' words: English and Japanese have the same keys and placeholders, none empty.
import { describe, expect, it } from 'vitest'
import { DECODE_TEXT, ERROR_KEYS, EXPLAIN, IDENTITY_TYPES, UNIQUE_ID_PREFIXES } from '../../common/decode'
import { placeholders } from '../../common/i18n'

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

describe('decoder text', () => {
  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(DECODE_TEXT.ja).sort()).toEqual(Object.keys(DECODE_TEXT.en).sort())
    for (const [key, en] of Object.entries(DECODE_TEXT.en)) {
      const ja = DECODE_TEXT.ja[key as keyof typeof DECODE_TEXT.en]
      expect(ja.trim(), key).not.toBe('')
      expect(placeholders(ja), key).toEqual(placeholders(en))
    }
  })

  it('explains every identity type, ID prefix and error family in both languages', () => {
    const en = new Map(leaves(EXPLAIN.en))
    const ja = new Map(leaves(EXPLAIN.ja))
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort())
    for (const [key, text] of en) {
      expect(text.trim(), key).not.toBe('')
      expect(ja.get(key)!.trim(), key).not.toBe('')
      expect(placeholders(ja.get(key)!), key).toEqual(placeholders(text))
    }
    expect(Object.keys(EXPLAIN.en.identityTypes).sort()).toEqual([...IDENTITY_TYPES].sort())
    expect(Object.keys(EXPLAIN.en.errors).sort()).toEqual([...ERROR_KEYS].sort())
    expect(Object.keys(EXPLAIN.en.idKinds).sort()).toEqual([...new Set(Object.values(UNIQUE_ID_PREFIXES))].sort())
  })

  it('explains the identity types the issue lists', () => {
    for (const type of ['Root', 'IAMUser', 'AssumedRole', 'Role', 'FederatedUser', 'Directory', 'AWSAccount', 'AWSService', 'IdentityCenterUser', 'Unknown'] as const) {
      expect(EXPLAIN.en.identityTypes[type].long.startsWith(`${type}:`), type).toBe(true)
      expect(EXPLAIN.ja.identityTypes[type].long.startsWith(`${type}:`), type).toBe(true)
    }
  })
})
