// The built CLI (dist/main/cli.cjs, built by the global setup) run as a child process on files
// the test writes: what a script sees on stdout and stderr, and the exit status.

import { beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sampleEvent } from './helpers/export-fixtures'
import { REPO, runCli } from './helpers/run-cli'

const run = (args: string[], command?: string[]) => runCli(args, { command })

// Event n happens at second n; a big integer and an odd key order must survive byte for byte.
const text = (n: number): string => JSON.stringify(sampleEvent(n, { zKey: 1, requestParameters: { size: 'BIG' } })).replace('"BIG"', '12345678901234567890')
let dir = ''
let good = ''
let bad = ''

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ashiato-cli-'))
  good = path.join(dir, 'good')
  bad = path.join(dir, 'bad')
  mkdirSync(path.join(good, 'sub'), { recursive: true })
  mkdirSync(bad)
  writeFileSync(path.join(good, 'a.json'), `{"Records":[${text(3)},${text(1)}]}`)
  // Event 1 again: CloudTrail can deliver an event twice; it is printed once.
  writeFileSync(path.join(good, 'sub', 'b.json.gz'), gzipSync(`{"Records":[${text(4)},${text(2)},${text(1)}]}`))
  writeFileSync(path.join(bad, 'ok.json'), `{"Records":[${text(5)}]}`)
  writeFileSync(path.join(bad, 'broken.json.gz'), 'this is not a log')
})

describe('ashiato CLI', () => {
  it('prints every event once, as its original text, oldest first (jsonl by default)', () => {
    const { code, stdout, stderr } = run([good])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toBe([1, 2, 3, 4].map(text).join('\n') + '\n')
  })

  it('breaks eventTime ties by file name, then file order, whatever order the workers finish in', () => {
    const ties = path.join(dir, 'ties')
    mkdirSync(ties)
    const at = (id: string): string => JSON.stringify(sampleEvent(9, { eventID: id }))
    // The bigger file sorts first by name, so a worker finishing the small one first cannot win.
    writeFileSync(path.join(ties, 'a.json'), `{"Records":[${Array.from({ length: 3000 }, (_, i) => at(`a-${i}`)).join(',')}]}`)
    writeFileSync(path.join(ties, 'b.json.gz'), gzipSync(`{"Records":[${at('b-0')},${at('b-1')}]}`))
    const ids = run([ties]).stdout.trim().split('\n').map((line) => (JSON.parse(line) as { eventID: string }).eventID)
    expect(ids).toEqual([...Array.from({ length: 3000 }, (_, i) => `a-${i}`), 'b-0', 'b-1'])
  })

  it('--newest-first prints the exact reverse', () => {
    expect(run(['--newest-first', good]).stdout).toBe([4, 3, 2, 1].map(text).join('\n') + '\n')
  })

  it('--count prints only the number', () => {
    expect(run(['--count', good])).toEqual({ code: 0, stdout: '4\n', stderr: '' })
  })

  it('--format json prints a CloudTrail file', () => {
    const { code, stdout } = run(['--format', 'json', good])
    expect(code).toBe(0)
    expect(stdout).toBe(`{"Records":[\n${[1, 2, 3, 4].map(text).join(',\n')}\n]}\n`)
    expect((JSON.parse(stdout) as { Records: unknown[] }).Records).toHaveLength(4)
  })

  it('--format csv prints the console columns', () => {
    const lines = run(['--format', 'csv', '--columns', 'account', good]).stdout.split('\r\n')
    expect(lines[0]).toBe('Event ID,Event time,User name,Event name,Resource type,Resource name,AWS access key,Event source,AWS region,Error code,Source IP address,Read-only,Account ID')
    expect(lines[1]).toMatch(/^00000000-0000-0000-0000-000000000001,2024-01-01T00:00:01Z,user1,GetObject,/)
    expect(lines).toHaveLength(6)
  })

  it('--query and --from/--to filter, and --stats reports on stderr', () => {
    const { code, stdout, stderr } = run(['--stats', '-q', 'event:GetObject', '--from', '2024-01-01T00:00:02Z', good])
    expect(code).toBe(0)
    expect(stdout).toBe(`${text(3)}\n`)
    const stats = JSON.parse(stderr) as Record<string, unknown>
    expect(stats).toMatchObject({ events: 4, files: 2, digests: 0, duplicates: 1, badFiles: [], matched: 1 })
    expect(typeof stats.loadMs).toBe('number')
    expect(typeof stats.queryMs).toBe('number')
  })

  it('--stats without a filter has no matched or queryMs', () => {
    const stats = JSON.parse(run(['--stats', '--count', good]).stderr) as Record<string, unknown>
    expect(Object.keys(stats).sort()).toEqual(['badFiles', 'digests', 'duplicates', 'events', 'files', 'idCollisions', 'loadMs', 'noTime'])
  })

  it('exits 1 for an unreadable file, reports it on stderr, and still prints the rest', () => {
    const missing = path.join(dir, 'missing.json')
    const { code, stdout, stderr } = run(['--stats', bad, missing])
    expect(code).toBe(1)
    expect(stdout).toBe(`${text(5)}\n`)
    const lines = stderr.trim().split('\n')
    expect(lines).toContain(`ashiato: ${path.join(bad, 'broken.json.gz')}: not CloudTrail JSON: text starting with "this is not a log"`)
    expect(lines).toContain(`ashiato: ${missing}: no such file or folder`)
    const stats = JSON.parse(lines.at(-1)!) as { badFiles: { file: string }[] }
    expect(stats.badFiles.map((b) => b.file).sort()).toEqual([path.join(bad, 'broken.json.gz'), missing])
  })

  it('exits 2 for usage errors, printing nothing on stdout', () => {
    for (const args of [[], ['--bogus', good], ['--format', 'xml', good], ['-q', 'event:(', good]]) {
      const { code, stdout, stderr } = run(args)
      expect(code, args.join(' ')).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/^ashiato: /)
    }
    expect(run(['-q', 'event:(', good]).stderr).toMatch(/--query: .*\(at character \d+\)/)
  })

  it('--out writes the file atomically (gzipped for .gz) and nothing on stdout', () => {
    const outDir = path.join(dir, 'out')
    mkdirSync(outDir)
    const file = path.join(outDir, 'events.json.gz')
    const { code, stdout } = run(['--format', 'json', '--out', file, good])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    expect(gunzipSync(readFileSync(file)).toString()).toBe(run(['--format', 'json', good]).stdout)
    expect(readdirSync(outDir)).toEqual(['events.json.gz'])
  })

  it('--out into a missing folder exits 1 with a clear message', () => {
    const file = path.join(dir, 'nowhere', 'x.jsonl')
    const { code, stderr } = run(['--out', file, good])
    expect(code).toBe(1)
    expect(stderr).toContain(`ashiato: Cannot export to ${file}: the folder ${path.dirname(file)} does not exist.`)
  })

  it('--help and --version print to stdout and exit 0', () => {
    const help = run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: ashiato/)
    expect(run(['--version']).stdout).toBe(`${(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version}\n`)
  })

  it('bin/ashiato.cjs runs the same CLI', () => {
    expect(run(['--count', good], [process.execPath, path.join(REPO, 'bin', 'ashiato.cjs')])).toEqual({ code: 0, stdout: '4\n', stderr: '' })
  })

  // `npx ashiato` resolves to this package's own bin; --offline so it can never fetch a package
  // of that name from the registry instead. (`npm run -s cli` is the same bundle, rebuilt first:
  // not run here, as rebuilding dist/ would race the other test files that use it.)
  it.skipIf(process.platform === 'win32')('`npm exec ashiato` gives clean stdout', () => {
    const { code, stdout } = run(['exec', '--offline', '--', 'ashiato', '--count', good], ['npm'])
    expect(code).toBe(0)
    expect(stdout).toBe('4\n')
  })
})
