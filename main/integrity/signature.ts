// Digest signatures, as "Custom implementations of CloudTrail log file integrity validation"
// describes them: SHA256withRSA over the data signing string
//   digestEndTime \n digestS3Bucket/digestS3Object \n hex SHA-256 of the uncompressed digest \n previousDigestSignature
// (the literal "null" for the first digest of a chain), the signature hex-encoded, the public
// key an ASN.1 DER PKCS#1 RSAPublicKey.

import { createPublicKey, createVerify, type KeyObject } from 'node:crypto'
import type { DigestFile } from '../../common/cloudtrail-digest'

export function signingString(digest: DigestFile, digestSha256Hex: string): string {
  return [digest.digestEndTime, `${digest.digestS3Bucket}/${digest.digestS3Object}`, digestSha256Hex, digest.previousDigestSignature ?? 'null'].join('\n')
}

/** A public key from its base64 DER PKCS#1 form (what ListPublicKeys returns), or null when it is not one. */
export function publicKeyFromBase64(value: string): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs1' })
  } catch {
    return null
  }
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/

/** Whether the hex signature holds for the string under the key; 'malformed' when it is not hex. */
export function verifySignature(key: KeyObject, data: string, signatureHex: string): boolean | 'malformed' {
  const hex = signatureHex.trim()
  if (!HEX.test(hex)) return 'malformed'
  try {
    return createVerify('RSA-SHA256').update(data).verify(key, Buffer.from(hex, 'hex'))
  } catch {
    return false
  }
}
