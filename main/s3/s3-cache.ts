// The on-disk cache of downloaded objects. It is a plain mirror, <cacheDir>/<bucket>/<key>, so a
// user can later open <cacheDir>/<bucket> as ordinary local files; an index beside it records
// each object's ETag, size and last use, so a reopened range skips objects it already has and
// the folder can be kept under a size limit by evicting the least recently used objects first.
// Files appear only complete: a download goes to a .partial file that is renamed at the end.

import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

export const CACHE_INDEX = '.ashiato-s3-cache.json'
export const DEFAULT_CACHE_MAX_BYTES = 5 * 1024 ** 3
const PARTIAL = '.partial-'
/** A digest's x-amz-meta-signature, kept beside its cached copy (main/integrity reads it). */
export const SIGNATURE_SUFFIX = '.signature'
const SAVE_EVERY_MS = 5_000

interface Entry {
  etag: string
  size: number
  usedAt: number
}

/** A key segment as a file name: kept when portable, else percent-encoded (and so reversible). */
function encodeSegment(seg: string): string {
  if (seg !== '' && seg !== '.' && seg !== '..' && /^[\w.\-=+@,()! ]+$/.test(seg) && !seg.includes(PARTIAL)) return seg
  return encodeURIComponent(seg).replace(/\./g, '%2E').replace(/\*/g, '%2A').replace(/!/g, '%21') || '%'
}
const decodeSegment = (name: string): string => (name === '%' ? '' : name.includes('%') ? decodeURIComponent(name) : name)

export class S3Cache {
  private lastSave = 0
  private dirty = false
  /** Folders already created this session: one mkdir per day folder, not per object. */
  private readonly madeDirs = new Set<string>()

  private constructor(
    readonly dir: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(dir: string): Promise<S3Cache> {
    await mkdir(dir, { recursive: true })
    const entries = new Map<string, Entry>()
    try {
      const json = JSON.parse(await readFile(path.join(dir, CACHE_INDEX), 'utf8')) as { entries?: [string, string, number, number][] }
      for (const [id, etag, size, usedAt] of json.entries ?? []) entries.set(id, { etag, size, usedAt })
    } catch (err) {
      // A missing or damaged index only costs re-downloads; the index also marks the folder as ours.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err
    }
    const cache = new S3Cache(dir, entries)
    await cache.save()
    return cache
  }

  /** Where bucket/key lives in the mirror. */
  pathFor(bucket: string, key: string): string {
    return path.join(this.dir, encodeSegment(bucket), ...key.split('/').map(encodeSegment))
  }

  /** The mirror folder of bucket/prefix ('' or ending in '/'). */
  private folderFor(bucket: string, prefix: string): string {
    const segments = prefix === '' ? [] : prefix.replace(/\/$/, '').split('/')
    return path.join(this.dir, encodeSegment(bucket), ...segments.map(encodeSegment))
  }

  /** The cached file for this exact object (same ETag and size), if it is still on disk. */
  async lookup(bucket: string, key: string, etag: string, size: number): Promise<string | undefined> {
    const id = `${bucket}/${key}`
    const e = this.entries.get(id)
    if (!e || e.etag !== etag || e.size !== size) return undefined
    const file = this.pathFor(bucket, key)
    const st = await stat(file).catch(() => undefined)
    if (!st || st.size !== size) {
      this.entries.delete(id)
      this.dirty = true
      return undefined
    }
    e.usedAt = Date.now()
    this.dirty = true
    return file
  }

  /** Marks a cached object as just used (eviction goes oldest-use first). */
  touch(bucket: string, key: string): void {
    const e = this.entries.get(`${bucket}/${key}`)
    if (e) {
      e.usedAt = Date.now()
      this.dirty = true
    }
  }

  /** Writes an object through `write(tmpPath)`, then moves it into place and records it. */
  async put(bucket: string, key: string, etag: string, write: (tmpPath: string) => Promise<number>): Promise<string> {
    const file = this.pathFor(bucket, key)
    const folder = path.dirname(file)
    if (!this.madeDirs.has(folder)) {
      await mkdir(folder, { recursive: true })
      this.madeDirs.add(folder)
    }
    const tmp = `${file}${PARTIAL}${randomBytes(4).toString('hex')}`
    try {
      const size = await write(tmp)
      await rename(tmp, file)
      this.entries.set(`${bucket}/${key}`, { etag, size, usedAt: Date.now() })
      this.dirty = true
      return file
    } catch (err) {
      await unlink(tmp).catch(() => undefined)
      throw err
    }
  }

  /** Folder names under bucket/prefix in the mirror: discovery when S3 cannot be reached. */
  async dirs(bucket: string, prefix: string): Promise<string[]> {
    const entries = await readdir(this.folderFor(bucket, prefix), { withFileTypes: true }).catch(() => [])
    return entries.filter((d) => d.isDirectory()).map((d) => decodeSegment(d.name))
  }

  /** Complete files directly in bucket/prefix of the mirror (a day folder), with their keys. */
  async files(bucket: string, prefix: string): Promise<{ key: string; path: string; size: number }[]> {
    const dir = this.folderFor(bucket, prefix)
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    const out: { key: string; path: string; size: number }[] = []
    for (const d of entries) {
      if (!d.isFile() || d.name.includes(PARTIAL)) continue
      const file = path.join(dir, d.name)
      const st = await stat(file).catch(() => undefined)
      if (st) out.push({ key: prefix + decodeSegment(d.name), path: file, size: st.size })
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : 1))
  }

  /** Drops least recently used objects until the cache fits in maxBytes; `keep` (bucket/key ids) stays. */
  async evict(maxBytes: number, keep: Set<string>): Promise<{ objects: number; bytes: number }> {
    let total = 0
    for (const e of this.entries.values()) total += e.size
    const freed = { objects: 0, bytes: 0 }
    if (total <= maxBytes) return freed
    const oldest = [...this.entries].filter(([id]) => !keep.has(id)).sort((a, b) => a[1].usedAt - b[1].usedAt)
    for (const [id, e] of oldest) {
      if (total <= maxBytes) break
      const slash = id.indexOf('/')
      await rm(this.pathFor(id.slice(0, slash), id.slice(slash + 1)), { force: true })
      this.entries.delete(id)
      total -= e.size
      freed.objects++
      freed.bytes += e.size
    }
    this.dirty = true
    return freed
  }

  usage(): { objects: number; bytes: number } {
    let bytes = 0
    for (const e of this.entries.values()) bytes += e.size
    return { objects: this.entries.size, bytes }
  }

  /** Saves the index if it changed and the last save is a few seconds old (long runs survive a crash). */
  async saveSoon(): Promise<void> {
    if (this.dirty && Date.now() - this.lastSave > SAVE_EVERY_MS) await this.save()
  }

  async save(): Promise<void> {
    this.lastSave = Date.now()
    this.dirty = false
    const json = JSON.stringify({ version: 1, entries: [...this.entries].map(([id, e]) => [id, e.etag, e.size, e.usedAt]) })
    const tmp = path.join(this.dir, `${CACHE_INDEX}${PARTIAL}${randomBytes(4).toString('hex')}`)
    await writeFile(tmp, json)
    await rename(tmp, path.join(this.dir, CACHE_INDEX))
  }
}

/**
 * Empties the cache folder. Refuses a folder without the cache's index, so a mistyped setting
 * can never wipe an unrelated folder.
 */
export async function clearCache(dir: string): Promise<{ objects: number; bytes: number }> {
  const names = await readdir(dir).catch(() => undefined)
  if (!names || names.length === 0) return { objects: 0, bytes: 0 }
  if (!names.includes(CACHE_INDEX)) throw new Error(`${dir} is not an Ashiato S3 cache folder (no ${CACHE_INDEX}); not clearing it`)
  const usage = (await S3Cache.open(dir)).usage()
  for (const name of names) if (name !== CACHE_INDEX) await rm(path.join(dir, name), { recursive: true, force: true })
  await rm(path.join(dir, CACHE_INDEX), { force: true })
  return usage
}
