// The hostile corpus (helpers/hostile-corpus.ts) through the built CLI: every event comes out
// byte for byte, exact duplicates are the only events dropped, and every problem is counted in
// --stats and named on stderr.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { corpusTotals, writeHostileCorpus, type HostileCorpus } from './helpers/hostile-corpus'
import { runCli } from './helpers/run-cli'

let root = ''
let corpus: HostileCorpus

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-hostile-'))
  corpus = writeHostileCorpus(path.join(root, 'corpus'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

interface Stats {
  events: number
  duplicates: number
  idCollisions: number
  noTime: number
  badFiles: { file: string; reason: string }[]
}

describe('hostile corpus through the CLI', () => {
  it('loads every event byte for byte and names every problem', () => {
    const { code, stdout, stderr } = runCli(['--stats', '--max-file-size', String(corpus.maxFileBytes), corpus.dir])
    const totals = corpusTotals(corpus)
    const statsLine = stderr.split('\n').find((line) => line.startsWith('{'))
    expect(statsLine, stderr).toBeDefined()
    const stats = JSON.parse(statsLine!) as Stats
    expect(stats).toMatchObject({ events: totals.events, duplicates: totals.duplicates, idCollisions: totals.idCollisions, noTime: totals.noTime })
    // The only bad file is the bomb, named with the limit; the run says so with exit status 1.
    expect(stats.badFiles).toHaveLength(totals.problems)
    for (const file of corpus.files.filter((f) => f.problem)) {
      expect(stats.badFiles).toContainEqual({ file: path.join(corpus.dir, file.name), reason: expect.stringContaining(file.problem) })
    }
    expect(code).toBe(1)

    // Export: each kept event's original text is one line of the output, exactly once.
    const lines = stdout.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(totals.events)
    const expected = corpus.files.flatMap((f) => f.kept)
    expect([...lines].sort()).toEqual([...expected].sort())
    // Events without a valid time come last, in file order.
    const badTimes = corpus.files.find((f) => f.name === 'bad-event-times.json')!.kept
    expect(lines.slice(-badTimes.length)).toEqual(badTimes)
  })

  it.each(['html-everywhere.json', 'ten-megabyte-fields.json', 'lone-surrogates-and-controls.json', 'duplicate-keys.json', 'proto-keys.json', 'huge-numbers.json', 'deep-nesting.json', 'colliding-event-ids.json', 'bad-event-times.json'])(
    '%s alone: its events, byte for byte, and its counts',
    (name) => {
      const file = corpus.files.find((f) => f.name === name)!
      const { code, stdout, stderr } = runCli(['--stats', path.join(corpus.dir, name)])
      const stats = JSON.parse(stderr.trim().split('\n').pop()!) as Stats
      expect(stats, file.attack).toMatchObject({ events: file.kept.length, duplicates: file.duplicates, idCollisions: file.idCollisions, noTime: file.noTime, badFiles: [] })
      expect(code).toBe(0)
      expect(stdout.split('\n').slice(0, -1).sort()).toEqual([...file.kept].sort())
    },
  )
})
