// Status names shown to the user, from the i18n messages.
import type { Messages } from '../../common/i18n'

const KEYS = {
  valid: 'integrityValid',
  modified: 'integrityModified',
  missing: 'integrityMissing',
  'not-in-digest': 'integrityNotInDigest',
  'not-covered': 'integrityNotCovered',
  'invalid-signature': 'integrityInvalidSignature',
  'key-unknown': 'integrityKeyUnknown',
  'signature-unavailable': 'integritySignatureUnavailable',
  'chain-break': 'integrityChainBreak',
} as const satisfies Record<string, keyof Messages>

export function integrityStatusLabel(t: Messages, status: string): string {
  const key = KEYS[status as keyof typeof KEYS]
  return key ? t[key] : status
}
