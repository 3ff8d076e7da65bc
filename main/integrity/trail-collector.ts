// Gathers what validation needs while a load runs: each file's hash (taken by the parse worker
// over the inflated bytes), digests' texts, signatures kept beside digests, and which store
// file id each log file became, so the per-file verdict can mark the events it holds.

import { readFile, stat } from 'node:fs/promises'
import type { FoundFile } from '../loader/collect-files'
import type { LoadCallbacks } from '../loader/load-files'
import { loadedLocation } from './locations'
import type { LoadedTrailFile } from './integrity-types'

/** A hex RSA signature is at most a few KB (4096-bit: 1 KB): a larger "signature" file is not one. */
const MAX_SIGNATURE_BYTES = 16 * 1024
const SIGNATURE_SUFFIX = '.signature'

export class TrailCollector {
  readonly files: LoadedTrailFile[] = []
  /** Store file id of each loaded log file, by its loaded name. */
  readonly fileIds = new Map<string, number>()
  private readonly signatureFiles: FoundFile[] = []

  /** The loader callbacks that feed this collector. */
  callbacks(): Pick<LoadCallbacks, 'onTrailFile' | 'onSignatureFile'> {
    return {
      onTrailFile: (file, fileId, result) => {
        const location = loadedLocation(file.displayName)
        // A file that is neither events nor in a trail's layout (notes, a keys file) is no business of the digests.
        if ('reason' in result && !location) return
        const isDigest = ('kind' in result && result.kind === 'digest') || location?.kind === 'CloudTrail-Digest'
        this.files.push({ name: file.displayName, kind: isDigest ? 'digest' : 'log', sha256: result.integrity?.sha256 ?? '', digestText: result.integrity?.digestText, events: 'starts' in result ? result.starts.length : 0 })
        if (fileId >= 0) this.fileIds.set(file.displayName, fileId)
      },
      onSignatureFile: (file) => {
        this.signatureFiles.push(file)
      },
    }
  }

  /** The signatures kept beside digests, by the digest's loaded name. Unreadable ones are left out (the digest then says "signature unavailable"). */
  async signatures(): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    for (const file of this.signatureFiles) {
      const size = (await stat(file.path).catch(() => undefined))?.size ?? Infinity
      if (size > MAX_SIGNATURE_BYTES) continue
      const text = await readFile(file.path, 'utf8').catch(() => undefined)
      if (text !== undefined) out.set(file.displayName.slice(0, -SIGNATURE_SUFFIX.length), text.trim())
    }
    return out
  }

  get hasDigests(): boolean {
    return this.files.some((f) => f.kind === 'digest')
  }
}
