// Public keys from cloudtrail:ListPublicKeys, per region (each region signs with its own keys)
// for the digests' time range, with the chosen profile's credentials (the SDK's provider chain:
// SSO, assumed roles, environment; nothing secret is stored). Fetched keys are cached as a
// list-public-keys JSON file, so a later run (or an air-gapped machine given that file) needs
// no call when every fingerprint it needs is already known.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { CloudTrailClient, ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail'
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import { KeySet, keyFileText, parseKeyFile, type PublicKeyRecord } from './public-keys'

export interface KeyRequest {
  region: string
  /** ms; ListPublicKeys returns keys whose validity overlaps [from, to]. */
  from: number
  to: number
}

export interface FetchOptions {
  profile?: string
  /** A CloudTrail-compatible endpoint (tests; VPC endpoints). The SDK also honours AWS_ENDPOINT_URL_CLOUDTRAIL. */
  endpointUrl?: string
  signal?: AbortSignal
}

/** Pages through ListPublicKeys for one region and range. */
export async function fetchPublicKeys(request: KeyRequest, options: FetchOptions = {}): Promise<PublicKeyRecord[]> {
  const client = new CloudTrailClient({
    region: request.region,
    credentials: fromNodeProviderChain({ profile: options.profile }),
    endpoint: options.endpointUrl,
    maxAttempts: 3,
  })
  const keys: PublicKeyRecord[] = []
  try {
    let token: string | undefined
    // A bound on pages: a server that keeps handing out tokens must not keep us forever.
    for (let page = 0; page < 100; page++) {
      const out = await client.send(
        new ListPublicKeysCommand({ StartTime: new Date(request.from), EndTime: new Date(request.to), NextToken: token }),
        { abortSignal: options.signal },
      )
      for (const k of out.PublicKeyList ?? []) {
        if (!k.Value || !k.Fingerprint) continue
        keys.push({
          fingerprint: k.Fingerprint.toLowerCase(),
          value: Buffer.from(k.Value).toString('base64'),
          validityStart: k.ValidityStartTime?.getTime() ?? NaN,
          validityEnd: k.ValidityEndTime?.getTime() ?? NaN,
        })
      }
      token = out.NextToken
      if (!token) break
    }
  } finally {
    client.destroy()
  }
  return keys
}

export const KEY_CACHE_FILE = 'cloudtrail-public-keys.json'

/** Keys kept from earlier fetches ('' dir: none). */
export async function readKeyCache(dir: string): Promise<PublicKeyRecord[]> {
  if (!dir) return []
  try {
    return parseKeyFile(await readFile(path.join(dir, KEY_CACHE_FILE), 'utf8'))
  } catch {
    // A missing or damaged cache only costs a fetch.
    return []
  }
}

export async function writeKeyCache(dir: string, keys: readonly PublicKeyRecord[]): Promise<void> {
  if (!dir) return
  await mkdir(dir, { recursive: true })
  const tmp = path.join(dir, `${KEY_CACHE_FILE}.partial-${process.pid}`)
  await writeFile(tmp, keyFileText(keys))
  await rename(tmp, path.join(dir, KEY_CACHE_FILE))
}

/**
 * Adds to `keys` what the digests need and it lacks: from the cache, else fetched per region
 * (and then cached). `needed` are the digests' fingerprints per region with their time ranges.
 */
export async function ensureKeys(keys: KeySet, needed: ReadonlyMap<string, { fingerprints: Set<string>; from: number; to: number }>, cacheDir: string, options: FetchOptions): Promise<void> {
  const cached = await readKeyCache(cacheDir)
  for (const k of cached) if (!keys.record(k.fingerprint)) keys.add(k)
  let fetched = false
  for (const [region, want] of needed) {
    if ([...want.fingerprints].every((f) => keys.record(f))) continue
    for (const k of await fetchPublicKeys({ region, from: want.from, to: want.to }, options)) keys.add(k)
    fetched = true
  }
  if (fetched) await writeKeyCache(cacheDir, keys.all())
}
