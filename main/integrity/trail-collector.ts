// Gathers what validation needs while a load runs: each file's hash (taken by the parse worker
// over the inflated bytes), digests' parses, signatures kept beside digests, and which store
// file id each log file became, so the per-file verdict can mark the events it holds.

import { readFile, stat } from 'node:fs/promises'
import type { FoundFile } from '../loader/collect-files'
import type { LoadCallbacks } from '../loader/load-files'
import { loadedLocation } from './locations'
import type { LoadedTrailFile } from './integrity-types'

/** A hex RSA signature is at most a few KB (4096-bit: 1 KB): a larger "signature" file is not one. */
const MAX_SIGNATURE_BYTES = 16 * 1024
const SIGNATURE_SUFFIX = '.signature'

async function readSignature(file: FoundFile): Promise<[string, string] | null> {
  const size = (await stat(file.path).catch(() => undefined))?.size ?? Infinity
  if (size > MAX_SIGNATURE_BYTES) return null
  const text = await readFile(file.path, 'utf8').catch(() => undefined)
  return text === undefined ? null : [file.displayName.slice(0, -SIGNATURE_SUFFIX.length), text.trim()]
}

export class TrailCollector {
  readonly files: LoadedTrailFile[] = []
  /** Store file id of each loaded log file, by its loaded name. */
  readonly fileIds = new Map<string, number>()
  private digestCount = 0
  /** Read as soon as they are found: web uploads are deleted once their load ends. */
  private readonly signatureReads: Promise<[string, string] | null>[] = []

  /** The loader callbacks that feed this collector. */
  callbacks(): Pick<LoadCallbacks, 'onTrailFile' | 'onSignatureFile'> {
    return {
      onTrailFile: (file, fileId, result) => {
        const location = loadedLocation(file.displayName)
        // A file that is neither events nor in a trail's layout (notes, a keys file) is no business of the digests.
        if ('reason' in result && !location) return
        const isDigest = ('kind' in result && result.kind === 'digest') || location?.kind === 'CloudTrail-Digest'
        if (isDigest) this.digestCount++
        this.files.push({ name: file.displayName, kind: isDigest ? 'digest' : 'log', sha256: result.integrity?.sha256 ?? '', parsedDigest: result.integrity?.parsedDigest, events: 'starts' in result ? result.starts.length : 0 })
        if (fileId >= 0) this.fileIds.set(file.displayName, fileId)
      },
      onSignatureFile: (file) => {
        this.signatureReads.push(readSignature(file))
      },
    }
  }

  /** The signatures kept beside digests, by the digest's loaded name. Unreadable ones are left out (the digest then says "signature unavailable"). */
  async signatures(): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    for (const read of await Promise.all(this.signatureReads)) if (read) out.set(read[0], read[1])
    return out
  }

  get hasDigests(): boolean {
    return this.digestCount > 0
  }
}
