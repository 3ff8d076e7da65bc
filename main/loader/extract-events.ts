// One input file's bytes in, its events out (or why there are none): the whole of what a parse
// worker does per file, kept pure so it can be tested without threads or disks.
//
// The format is found from the content, never the name: gzip or not, then a structural walk
// that finds events in whatever JSON wraps them (see formats/event-walker.ts). The file is not
// JSON.parse'd as a whole: the walk finds each event's byte range in one pass, and only those
// ranges are read (their fields straight from the bytes, see fast-fields.ts; JSON.parse for
// what that declines), so the batch keeps every event's original text (big integers, key
// order) without re-stringifying, and a damaged file still yields every event before the
// damage. Delivery files are read in a single pass (delivery-reader.ts).

import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'
import { buildBatch } from './batch-builder'
import { readDeliveryFile } from './delivery-reader'
import { Candidates } from './formats/candidates'
import { splitDeliveryFile } from './formats/delivery-split'
import { EventWalker } from './formats/event-walker'
import { gunzipCapped, isGzip, type Inflated } from './formats/gzip'
import { LineIndex, walkDocument } from './formats/layout'
import { Problems } from './formats/problems'
import { describeNonJson } from './formats/sniff'
import { JsonScanner, skipWhitespace } from './json-scanner'

export interface ExtractOptions {
  /** Refuse gzip files that inflate past this many bytes (a guard against decompression bombs). */
  maxUncompressedBytes: number
  /** JSON.parse every event instead of reading its fields from the bytes: the reference path (tests, A/B timing). */
  parseEveryEvent: boolean
  /** How to gunzip within the cap: the workers' version also keeps to the load's shared budget. */
  inflate: (data: Uint8Array, cap: number) => Inflated
  /** Sees the file's uncompressed bytes once, before they are read (integrity hashing, main/integrity). */
  onInflated?: (data: Buffer) => void
  /**
   * Build the batch on this thread's scratch arrays (batch-arrays.ts): its arrays are then
   * valid only until the next extraction on this thread (the parse worker copies them at once).
   */
  scratch?: boolean
}

/** The per-file limit on a file's JSON (inflated or not), unless the load says otherwise. */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = { maxUncompressedBytes: DEFAULT_MAX_FILE_BYTES, parseEveryEvent: false, inflate: gunzipCapped }

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** A Buffer over the same memory, without a copy (for Buffer's toString with a range). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

export function extractEvents(bytes: Uint8Array, fileIndex: number, options: Partial<ExtractOptions> = {}): ParsedBatch | BatchFailure {
  const { maxUncompressedBytes, parseEveryEvent, inflate } = { ...DEFAULT_EXTRACT_OPTIONS, ...options }
  const scratch = options.scratch === true
  const fail = (reason: string): BatchFailure => ({ fileIndex, reason })
  if (bytes.length === 0) return fail('empty file')

  let data = asBuffer(bytes)
  let gzipDamage = ''
  if (isGzip(data)) {
    const inflated = inflate(data, maxUncompressedBytes)
    if (!inflated.ok) return fail(inflated.reason)
    data = inflated.data
    gzipDamage = inflated.damage === 'truncated' ? 'truncated gzip' : inflated.damage === 'corrupt' ? `corrupt gzip (${inflated.detail})` : ''
    if (data.length === 0) return fail(gzipDamage ? `${gzipDamage}: nothing could be inflated` : 'empty file (an empty gzip)')
  }

  options.onInflated?.(data)
  const n = data.length
  const bom = n >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0
  const first = skipWhitespace(data, bom, n)
  if (first >= n) return fail(gzipDamage ? `${gzipDamage}: nothing but whitespace could be inflated` : 'empty file')
  if (data[first] !== 0x7b && data[first] !== 0x5b) return fail(`not CloudTrail JSON: ${describeNonJson(data, first)}`)
  // UTF-16 without a byte order mark: every other byte of the ASCII text is zero.
  if (first + 1 < n && data[first + 1] === 0) return fail('not CloudTrail JSON: UTF-16 text (save it as UTF-8)')

  // Delivery files as CloudTrail writes them are read in one pass; failing that, split at
  // memmem speed; anything else (or a split that does not parse) is walked.
  const delivery = gzipDamage || parseEveryEvent ? null : readDeliveryFile(fileIndex, data, first, n, scratch)
  if (delivery) return delivery
  const split = gzipDamage ? null : splitDeliveryFile(data, first, n)
  const fast = split && buildBatch(fileIndex, { data, found: split, problems: new Problems(), lines: null, strict: true, parseEveryEvent, scratch })
  if (fast) return fast

  const found = new Candidates()
  const problems = new Problems()
  // A cut-off gzip cuts the JSON too: that end is the gzip's damage, not a second problem.
  const jsonLines = walkDocument(new EventWalker(new JsonScanner(data), found), data, first, n, problems, gzipDamage !== '')
  const batch = buildBatch(fileIndex, { data, found, problems, lines: jsonLines ? new LineIndex(data) : null, parseEveryEvent, scratch })
  const events = batch.starts.length

  const damage = [gzipDamage, problems.summary()].filter(Boolean).join('; ')
  if (events > 0) {
    if (gzipDamage && !problems.count) batch.warning = `${gzipDamage}: recovered ${plural(events, 'event')}`
    else if (damage) batch.warning = `${damage}; ${plural(events, 'event')} read`
    return batch
  }
  if (damage) return fail(gzipDamage && !problems.count ? `${gzipDamage}: no complete event before the damage` : damage)
  if (found.sawDigestKey) return { ...batch, kind: 'digest' }
  if (found.sawEmptyList) return batch
  return fail('JSON without CloudTrail events')
}
