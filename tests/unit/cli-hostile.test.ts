// Events built as an attacker would write them, run through the built CLI (dist/main/cli.cjs)
// as a child process: a 100 KB userAgent against backtracking-prone wildcards, field names from
// Object.prototype, an event nested 100,000 levels deep, and control characters in a userName
// and a file name. The child runs asynchronously so that a hang fails the test through vitest's
// timeout (no duration is asserted) and is then killed.

import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sampleEvent } from './helpers/export-fixtures'
import { CLI, REPO } from './helpers/run-cli'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const running = new Set<ChildProcess>()
afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})

function run(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO })
    running.add(child)
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      running.delete(child)
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })
    })
  })
}

const records = (...texts: string[]): string => `{"Records":[${texts.join(',')}]}`
let dir = ''
const file = (name: string): string => path.join(dir, name)

/** `[[[...1...]]]` or `{"a":{"a":...1...}}`, `depth` containers deep, built as text (no recursion). */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

const BIG_AGENT = 'a'.repeat(100_000)
const withProto = JSON.stringify(sampleEvent(2)).replace('"eventVersion"', '"__proto__":{"x":1},"constructor":"built","eventVersion"')
const deepArrays = JSON.stringify(sampleEvent(3)).replace('{"bucketName":"bucket","key":"k3"}', nested(100_000, 'array'))
const deepObjects = JSON.stringify(sampleEvent(4)).replace('{"bucketName":"bucket","key":"k4"}', `{"bucketName":"deep-bucket","a":${nested(100_000, 'object')}}`)
const hostileUser = 'bob\x1b[31m\x1b]0;owned\x07\r\nashiato: FORGED LINE\u202e\u2066gpj.exe\x85'
const withControls = JSON.stringify(sampleEvent(5, { userIdentity: { type: 'IAMUser', userName: hostileUser } }))
const evilName = 'evil\x1b]0;pwned\x07\u202egpj.json'

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ashiato-hostile-'))
  writeFileSync(file('agent.json'), records(JSON.stringify(sampleEvent(1, { userAgent: BIG_AGENT }))))
  writeFileSync(file('proto.json'), records(withProto))
  writeFileSync(file('deep.json'), records(deepArrays, deepObjects))
  writeFileSync(file('controls.json'), records(withControls))
  writeFileSync(file(evilName), '\x1b[2J\x1b[31mnot a log at all')
})

describe('wildcards cannot freeze a query', () => {
  // Each of these backtracked for minutes (or longer) over the 100 KB userAgent. Free text reads
  // the whole event, so it looks for a letter no part of it has (f).
  for (const query of ['userAgent:*a*a*c*', 'userAgent:*a*a*a*a*a*a*a*a*b', '*a*a*f*', 'user*a*a*a*a*f*']) {
    it(`answers ${query}`, { timeout: 30_000 }, async () => {
      const { code, stdout, stderr } = await run([file('agent.json'), '--count', '-q', query])
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(stdout).toBe('0\n')
    })
  }

  it('still finds what matches in the big value', { timeout: 30_000 }, async () => {
    expect((await run([file('agent.json'), '--count', '-q', 'userAgent:*a*a*a'])).stdout).toBe('1\n')
    expect((await run([file('agent.json'), '--count', '-q', 'userAgent:a?a*a'])).stdout).toBe('1\n')
  })
})

describe('field names from the prototype are just names', () => {
  it('answers constructor:* and __proto__:* without crashing', async () => {
    for (const query of ['constructor:*', '__proto__:*', 'constructor:x', '__proto__:x', 'toString:*', 'hasOwnProperty:*']) {
      const { code, stdout, stderr } = await run([file('agent.json'), '--count', '-q', query])
      expect({ query, code, stdout, stderr }).toEqual({ query, code: 0, stdout: '0\n', stderr: '' })
    }
  })

  it("finds an event's own __proto__ and constructor fields", async () => {
    expect((await run([file('proto.json'), '--count', '-q', '__proto__.x:1'])).stdout).toBe('1\n')
    expect((await run([file('proto.json'), '--count', '-q', 'constructor:built'])).stdout).toBe('1\n')
    expect((await run([file('proto.json'), '--count', '-q', 'constructor:*'])).stdout).toBe('1\n')
  })

  it('refuses -f constructor as an unknown format instead of printing nothing', async () => {
    const { code, stderr } = await run([file('proto.json'), '-f', 'constructor'])
    expect(code).toBe(2)
    expect(stderr).toContain('--format must be jsonl, json or csv')
  })
})

describe('an event nested 100,000 levels deep', () => {
  it('is queried without overflowing the stack; what lies deeper than the limit is absent', { timeout: 60_000 }, async () => {
    const count = async (query: string) => {
      const { code, stdout, stderr } = await run([file('deep.json'), '--count', '-q', query])
      expect({ query, code, stderr }).toEqual({ query, code: 0, stderr: '' })
      return stdout
    }
    expect(await count('resourceName:*')).toBe('2\n') // the ARN of both; walking requestParameters must not throw
    expect(await count('resourceName:deep-bucket')).toBe('1\n')
    expect(await count('requestParameters:*')).toBe('2\n')
    expect(await count('requestParameters:1')).toBe('0\n') // the 1 is 100,000 arrays down
    expect(await count('requestParameters.a.a.a:*')).toBe('1\n')
    expect(await count('1')).toBe('2\n') // free text reads the bytes: no depth involved
  })

  it('refuses a query nested 20,000 levels deep as a usage error', async () => {
    const { code, stdout, stderr } = await run([file('deep.json'), '--count', '-q', `${'('.repeat(20_000)}a${')'.repeat(20_000)}`])
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toContain('nested too deeply')
  })

  it('is printed byte for byte', { timeout: 60_000 }, async () => {
    const { code, stdout } = await run([file('deep.json')])
    expect(code).toBe(0)
    expect(stdout).toBe(`${deepArrays}\n${deepObjects}\n`)
  })
})

describe('control and bidi characters never reach the terminal raw', () => {
  it('escapes a hostile file name and its problem on stderr, one line per problem', async () => {
    const { code, stderr } = await run([dir, '--count', '--stats'])
    expect(code).toBe(1)
    expect(stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e\u2066]/) // eslint-disable-line no-control-regex
    expect(stderr).toContain('evil\\u001b]0;pwned\\u0007\\u202egpj.json')
    const lines = stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2) // the problem, then the --stats line
    expect(JSON.parse(lines[1]).badFiles[0].file).toBe(file(evilName)) // still JSON, same value
  })

  it('escapes a hostile userName in CSV cells', async () => {
    const { stdout } = await run([file('controls.json'), '-f', 'csv'])
    expect(stdout).toContain('bob\\u001b[31m\\u001b]0;owned\\u0007\\u000d\\u000aashiato: FORGED LINE\\u202e\\u2066gpj.exe\\u0085')
    expect(stdout.split('\r\n')).toHaveLength(3) // header, the event, and the end: no forged record
  })

  it('never prints a raw C0 control in JSON: the loader refuses one inside a string, and says so', async () => {
    // Its own folder: the stderr test above reads the whole of `dir`.
    const raw = path.join(mkdtempSync(path.join(tmpdir(), 'ashiato-raw-')), 'raw-control.json')
    writeFileSync(raw, records(withControls.replace('\\u001b[31m', '\x1b[31m')))
    const { code, stdout, stderr } = await run([raw])
    expect(code).toBe(1)
    expect(stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/) // eslint-disable-line no-control-regex
    expect(stderr).toMatch(/^ashiato: .*raw-control\.json: .*control character/)
    expect(stderr).not.toMatch(/[\x00-\x09\x0b-\x1f]/) // eslint-disable-line no-control-regex
  })

  it('keeps piped JSON byte-exact', async () => {
    expect((await run([file('controls.json')])).stdout).toBe(`${withControls}\n`)
  })

  // `script` gives the CLI a pseudo-terminal, as a user's shell does.
  it.skipIf(!existsSync('/usr/bin/script'))('escapes them inside JSON strings on a terminal, leaving the same JSON', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${JSON.stringify(file('controls.json'))}`
    const result = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 })
    const shown = result.stdout.replace(/\r\n/g, '\n').trim()
    expect(shown).not.toMatch(/[\u202e\u2066\x85\x1b]/) // eslint-disable-line no-control-regex
    expect(JSON.parse(shown)).toEqual(JSON.parse(withControls))
  })
})
