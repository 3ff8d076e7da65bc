// What the four-letter prefix of an IAM unique ID or access key says: AKIA is a long-term access
// key, ASIA a temporary one from STS, AIDA an IAM user, AROA a role... (IAM User Guide, "IAM
// identifiers", unique ID prefixes). principalId of a role session is ROLEID:session-name.

export type UniqueIdKind =
  | 'bearerToken'
  | 'contextCredential'
  | 'group'
  | 'user'
  | 'instanceProfile'
  | 'accessKey'
  | 'managedPolicy'
  | 'policyVersion'
  | 'publicKey'
  | 'role'
  | 'certificate'
  | 'temporaryKey'

export const UNIQUE_ID_PREFIXES: Readonly<Record<string, UniqueIdKind>> = {
  ABIA: 'bearerToken',
  ACCA: 'contextCredential',
  AGPA: 'group',
  AIDA: 'user',
  AIPA: 'instanceProfile',
  AKIA: 'accessKey',
  ANPA: 'managedPolicy',
  ANVA: 'policyVersion',
  APKA: 'publicKey',
  AROA: 'role',
  ASCA: 'certificate',
  ASIA: 'temporaryKey',
}

export interface UniqueId {
  prefix: string
  kind: UniqueIdKind
  /** The part after ':' (a role session's name), when there is one. */
  session: string | null
  /** The ID is masked (AIDAxxxx…, AKIA****…): only its prefix is real. */
  masked: boolean
}

/** The kind of an IAM unique ID or access key ID by its prefix; null when it has none we know. */
export function uniqueIdKind(text: string): UniqueId | null {
  const colon = text.indexOf(':')
  const id = colon >= 0 ? text.slice(0, colon) : text
  if (id.length < 16 || id.length > 128) return null
  const prefix = id.slice(0, 4)
  const kind = Object.prototype.hasOwnProperty.call(UNIQUE_ID_PREFIXES, prefix) ? UNIQUE_ID_PREFIXES[prefix] : undefined
  if (!kind || !/^[A-Z0-9]{4}[A-Za-z0-9*]+$/.test(id)) return null
  const rest = id.slice(4)
  return {
    prefix,
    kind,
    session: colon >= 0 ? text.slice(colon + 1) : null,
    masked: /^[x*X]+$/.test(rest) || rest.includes('*'),
  }
}

export { isAccountId } from '../aws-names'
