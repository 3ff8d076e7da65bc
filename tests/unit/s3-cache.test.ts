// The download cache on a real temp folder: a plain bucket/key mirror, ETag-checked reuse,
// least-recently-used eviction, odd keys kept inside the folder, no half-written files.

import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CACHE_INDEX, S3Cache } from '../../main/s3/s3-cache'

const newDir = () => mkdtempSync(path.join(tmpdir(), 'ashiato-cache-'))
const writeText = (text: string) => async (tmp: string) => (writeFileSync(tmp, text), Buffer.byteLength(text))
const tick = () => new Promise((r) => setTimeout(r, 5))

describe('S3Cache', () => {
  it('mirrors bucket/key and reuses an object only with the same ETag and size', async () => {
    const dir = newDir()
    const cache = await S3Cache.open(dir)
    const file = await cache.put('b', 'AWSLogs/1/x.json.gz', '"e1"', writeText('hello'))
    expect(file).toBe(path.join(dir, 'b', 'AWSLogs', '1', 'x.json.gz'))
    expect(await cache.lookup('b', 'AWSLogs/1/x.json.gz', '"e1"', 5)).toBe(file)
    expect(await cache.lookup('b', 'AWSLogs/1/x.json.gz', '"e2"', 5)).toBeUndefined()
    expect(await cache.lookup('b', 'AWSLogs/1/x.json.gz', '"e1"', 6)).toBeUndefined()
    await cache.save()
    // A new session reads the index back.
    const again = await S3Cache.open(dir)
    expect(await again.lookup('b', 'AWSLogs/1/x.json.gz', '"e1"', 5)).toBe(file)
    expect(existsSync(path.join(dir, CACHE_INDEX))).toBe(true)
  })

  it('keeps odd keys inside the folder and maps them back', async () => {
    const dir = newDir()
    const cache = await S3Cache.open(dir)
    const keys = ['day/../../escape.txt', 'day/a:b*c.json', 'day//double', 'day/.']
    for (const key of keys) {
      const file = await cache.put('b', key, '"e"', writeText(key))
      expect(file.startsWith(path.join(dir, 'b', 'day') + path.sep)).toBe(true)
    }
    const files = await cache.files('b', 'day/')
    expect(files.map((f) => f.key).sort()).toEqual(['day/.', 'day/a:b*c.json'])
    for (const f of files) expect(readFileSync(f.path, 'utf8')).toBe(f.key)
    // '..' and '' are folder names too, encoded, and decoded back for discovery.
    expect((await cache.dirs('b', 'day/')).sort()).toEqual(['', '..'])
    expect((await cache.files('b', 'day/../../')).map((f) => f.key)).toEqual(['day/../../escape.txt'])
  })

  it('leaves no partial file when a download fails', async () => {
    const dir = newDir()
    const cache = await S3Cache.open(dir)
    await expect(
      cache.put('b', 'k/x', '"e"', async (tmp) => {
        writeFileSync(tmp, 'half')
        throw new Error('connection reset')
      }),
    ).rejects.toThrow('connection reset')
    expect(await cache.files('b', 'k/')).toEqual([])
  })

  it('evicts the least recently used objects first, never those in use', async () => {
    const cache = await S3Cache.open(newDir())
    for (const k of ['a', 'b', 'c', 'd']) {
      await cache.put('b', k, '"e"', writeText('12345'))
      await tick()
    }
    await cache.lookup('b', 'a', '"e"', 5) // a is now the most recently used
    const freed = await cache.evict(10, new Set(['b/b']))
    expect(freed).toEqual({ objects: 2, bytes: 10 })
    expect(cache.usage()).toEqual({ objects: 2, bytes: 10 })
    expect(await cache.lookup('b', 'a', '"e"', 5)).toBeDefined()
    expect(await cache.lookup('b', 'b', '"e"', 5)).toBeDefined()
    expect(existsSync(cache.pathFor('b', 'c'))).toBe(false)
    expect(existsSync(cache.pathFor('b', 'd'))).toBe(false)
  })
})
