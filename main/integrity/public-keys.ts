// The public keys digests are checked with: from cloudtrail:ListPublicKeys, or from files in the
// JSON that `aws cloudtrail list-public-keys --region R` prints, for air-gapped work:
//   {"PublicKeyList":[{"Value":"<base64 DER>","ValidityStartTime":"...","ValidityEndTime":"...","Fingerprint":"<hex>"}]}
// A digest names its key by fingerprint (digestPublicKeyFingerprint); the key's validity is
// kept so a key used outside it can be named in the report.

import * as v from 'valibot'
import type { KeyObject } from 'node:crypto'
import { publicKeyFromBase64 } from './signature'

export interface PublicKeyRecord {
  fingerprint: string
  /** Base64 of the DER PKCS#1 RSAPublicKey. */
  value: string
  /** ms since the epoch; NaN when not given. */
  validityStart: number
  validityEnd: number
}

const KeyFileSchema = v.object({
  PublicKeyList: v.array(
    v.object({
      Value: v.string(),
      Fingerprint: v.string(),
      ValidityStartTime: v.optional(v.union([v.string(), v.number()])),
      ValidityEndTime: v.optional(v.union([v.string(), v.number()])),
    }),
  ),
})

/** The CLI prints ISO times; a JSON written by other tools may hold epoch seconds. */
function timeOf(value: string | number | undefined): number {
  if (value === undefined) return NaN
  return typeof value === 'number' ? value * 1000 : Date.parse(value)
}

/** The keys in a list-public-keys JSON text; throws with a reason when the text is not one. */
export function parseKeyFile(text: string): PublicKeyRecord[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const result = v.safeParse(KeyFileSchema, json)
  if (!result.success) throw new Error(`not the output of aws cloudtrail list-public-keys: ${v.getDotPath(result.issues[0]) ?? '(top level)'}: ${result.issues[0].message}`)
  return result.output.PublicKeyList.map((k) => ({
    fingerprint: k.Fingerprint.toLowerCase(),
    value: k.Value,
    validityStart: timeOf(k.ValidityStartTime),
    validityEnd: timeOf(k.ValidityEndTime),
  }))
}

/** The same JSON the AWS CLI prints, so exported keys read back here and anywhere else. */
export function keyFileText(keys: readonly PublicKeyRecord[]): string {
  const iso = (ms: number): string | undefined => (Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : undefined)
  const list = keys.map((k) => ({ Value: k.value, ValidityStartTime: iso(k.validityStart), ValidityEndTime: iso(k.validityEnd), Fingerprint: k.fingerprint }))
  return `${JSON.stringify({ PublicKeyList: list }, null, 4)}\n`
}

/** Keys by fingerprint, deduplicated across files and regions. */
export class KeySet {
  private readonly records = new Map<string, PublicKeyRecord>()
  private readonly objects = new Map<string, KeyObject | null>()

  constructor(keys: Iterable<PublicKeyRecord> = []) {
    for (const k of keys) this.add(k)
  }

  /** A key given again under the same fingerprint replaces the earlier one (a corrected key file). */
  add(key: PublicKeyRecord): void {
    const id = key.fingerprint.toLowerCase()
    this.records.set(id, key)
    this.objects.delete(id)
  }

  get size(): number {
    return this.records.size
  }

  all(): PublicKeyRecord[] {
    return [...this.records.values()]
  }

  record(fingerprint: string): PublicKeyRecord | undefined {
    return this.records.get(fingerprint.toLowerCase())
  }

  /** The usable key for a fingerprint: undefined when unknown, null when its Value is not an RSA public key. */
  key(fingerprint: string): KeyObject | null | undefined {
    const id = fingerprint.toLowerCase()
    if (!this.records.has(id)) return undefined
    if (!this.objects.has(id)) this.objects.set(id, publicKeyFromBase64(this.records.get(id)!.value))
    return this.objects.get(id)
  }
}
