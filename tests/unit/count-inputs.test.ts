// count-inputs.ts: a local load's inputs are counted whole before the first is handed on, the
// walk holding at most maxHeld of them (the rest found again by a second walk); inputs that
// arrive over time are counted once each as they pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { collectFiles, isProblem, type FoundFile, type WalkProblem } from '../../main/loader/collect-files'
import { countedFirst, type InputTotals } from '../../main/loader/count-inputs'

let root: string
const FILES = 30

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-count-'))
  for (let f = 0; f < FILES; f++) {
    const day = path.join(root, 'AWSLogs', String(1 + (f % 3)).padStart(2, '0'))
    mkdirSync(day, { recursive: true })
    writeFileSync(path.join(day, `file-${String(f).padStart(2, '0')}.json`), 'x'.repeat(10 + f))
  }
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

const name = (item: FoundFile | WalkProblem): string => (isProblem(item) ? `problem:${item.file}: ${item.reason}` : item.path)
const hooks = { counts: () => true, cancelled: () => false, onCount: () => {} }
const fresh = (): InputTotals => ({ filesTotal: 0, bytesTotal: 0, counting: false, totalKnown: false })

async function walked(): Promise<string[]> {
  const names: string[] = []
  for await (const item of collectFiles([{ path: root }, { path: path.join(root, 'missing') }])) names.push(name(item))
  return names
}

describe('countedFirst', () => {
  it('hands on every item in the walk\'s order, after a final count, whatever it may hold', async () => {
    const expected = await walked()
    const bytes = Array.from({ length: FILES }, (_, f) => 10 + f).reduce((a, b) => a + b, 0)
    for (const maxHeld of [1, 7, FILES + 1, 1000]) {
      const totals = fresh()
      const names: string[] = []
      // A one-shot iterable of inputs: the second walk must not find it spent.
      function* inputs() {
        yield { path: root }
        yield { path: path.join(root, 'missing') }
      }
      for await (const item of countedFirst(inputs(), totals, hooks, maxHeld)) {
        expect(totals).toEqual({ filesTotal: FILES + 1, bytesTotal: bytes, counting: false, totalKnown: true })
        names.push(name(item))
      }
      expect(names, `maxHeld ${maxHeld}`).toEqual(expected)
    }
  })

  it('says so when the folders changed between its two walks, and still reads what follows', async () => {
    const expected = (await walked()).filter((n) => !n.startsWith('problem:'))
    const totals = fresh()
    const names: string[] = []
    let removed = ''
    for await (const item of countedFirst([{ path: root }], totals, hooks, 5)) {
      names.push(name(item))
      // While the held five are handed on, the second file goes: the second walk's fifth item is not the fifth held.
      if (names.length === 1) unlinkSync((removed = expected[1]))
    }
    writeFileSync(removed, 'x'.repeat(11))
    expect(names.filter((n) => n.startsWith('problem:'))).toHaveLength(1)
    expect(names.slice(0, 5)).toEqual(expected.slice(0, 5))
    expect(names[5]).toMatch(/^problem:.*the folders changed while they were being read: files after .* may be missing or read twice/)
    // The second walk's fifth item stood where the fifth held one was: the one after it is the one the problem warns of.
    expect(names.slice(6)).toEqual(expected.slice(6))
  })

  it('counts inputs that arrive over time once each, as they pass', async () => {
    const totals = fresh()
    async function* arriving() {
      yield { path: path.join(root, 'AWSLogs', '01') }
      yield { path: path.join(root, 'missing') }
    }
    let yielded = 0
    for await (const item of countedFirst(arriving(), totals, hooks)) {
      yielded++
      expect(totals.filesTotal, name(item)).toBe(yielded)
    }
    expect(yielded).toBe(FILES / 3 + 1)
    expect(totals.totalKnown).toBe(false)
  })
})

describe('collectFiles passing over items unstatted (the second walk)', () => {
  it('yields the items a full walk yields, the first ones without their size, the rest with it', async () => {
    const links = path.join(root, 'AWSLogs', '00')
    mkdirSync(links, { recursive: true })
    // A link to a folder among the passed-over files: stat'ed still, and (as always) not followed.
    symlinkSync(path.join(root, 'AWSLogs', '01'), path.join(links, 'a-link-to-a-folder'))
    writeFileSync(path.join(links, 'b-file.json'), 'x')
    try {
      // Not normalised as given: the paths are still path.join's.
      const top = `${path.join(root, 'AWSLogs', '..', 'AWSLogs')}${path.sep}`
      const inputs = [{ path: path.join(root, 'missing') }, { path: top }]
      const full: (FoundFile | WalkProblem)[] = []
      for await (const item of collectFiles(inputs)) full.push(item)
      const expected = [path.join(links, 'b-file.json'), ...Array.from({ length: FILES }, (_, f) => path.join(root, 'AWSLogs', String(1 + (f % 3)).padStart(2, '0'), `file-${String(f).padStart(2, '0')}.json`)).sort()]
      expect(full.filter((item) => !isProblem(item)).map(name)).toEqual(expected)
      for (const unstatted of [0, 1, 2, 9, 100]) {
        const items: (FoundFile | WalkProblem)[] = []
        for await (const item of collectFiles(inputs, { unstatted })) items.push(item)
        expect(items.map(name), `unstatted ${unstatted}`).toEqual(full.map(name))
        items.forEach((item, k) => {
          if (isProblem(item)) return
          expect(item.size, `unstatted ${unstatted}, item ${k}`).toBe(k < unstatted ? -1 : (full[k] as FoundFile).size)
        })
      }
    } finally {
      rmSync(links, { recursive: true, force: true })
    }
  })
})
