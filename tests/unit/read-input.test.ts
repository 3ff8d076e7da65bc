// readInput, the parse worker's read of one input file: the bytes readFileSync gives, the limit
// checked before any byte is read, and the same errors (their codes become the file's reason).

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { readInput } from '../../main/loader/read-input'

let dir = ''

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-read-input-'))
  mkdirSync(path.join(dir, 'folder'))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readInput', () => {
  it('reads a file whole, byte for byte, and tells its size before reading', () => {
    const file = path.join(dir, 'trail.json.gz')
    // Larger than one read of some systems, and not a multiple of a page.
    const content = gzipSync(Buffer.from(`{"Records":[${'{"eventID":"x"},'.repeat(300_000)}{}]}`), { level: 0 })
    writeFileSync(file, content)
    const sizes: number[] = []
    const read = readInput(file, content.length, (size) => sizes.push(size))
    expect(sizes).toEqual([content.length])
    expect(read.ok && read.bytes.equals(readFileSync(file))).toBe(true)
  })

  it('refuses a file over the limit without reading it or reserving for it', () => {
    const file = path.join(dir, 'big.json')
    writeFileSync(file, 'x'.repeat(1001))
    const sizes: number[] = []
    expect(readInput(file, 1000, (size) => sizes.push(size))).toEqual({ ok: false, size: 1001 })
    expect(sizes).toEqual([])
  })

  it('reads an empty file as empty', () => {
    const file = path.join(dir, 'empty.json')
    writeFileSync(file, '')
    const read = readInput(file, 1000, () => {})
    expect(read.ok && read.bytes.length).toBe(0)
  })

  it('throws with the codes readFileSync throws: a missing file, a folder', () => {
    const code = (run: () => unknown): unknown => {
      try {
        run()
      } catch (error) {
        return (error as NodeJS.ErrnoException).code
      }
      return 'no error'
    }
    for (const target of [path.join(dir, 'missing.json'), path.join(dir, 'folder')]) {
      expect(code(() => readInput(target, 1 << 20, () => {}))).toBe(code(() => readFileSync(target)))
    }
    expect(code(() => readInput(path.join(dir, 'missing.json'), 1 << 20, () => {}))).toBe('ENOENT')
    expect(code(() => readInput(path.join(dir, 'folder'), 1 << 20, () => {}))).toBe('EISDIR')
  })
})
