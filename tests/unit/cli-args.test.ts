// The CLI's argument rules, tested on the pure parser (the built CLI is tested in cli.test.ts).

import { describe, expect, it } from 'vitest'
import { parseCliArgs, type CliOptions } from '../../main/cli/cli-args'

const NOW = Date.parse('2024-03-15T12:00:00Z')
const parse = (...argv: string[]) => parseCliArgs(argv, NOW)
const options = (...argv: string[]): CliOptions => {
  const result = parse(...argv)
  if ('usageError' in result) throw new Error(result.usageError)
  return result
}
const usageError = (...argv: string[]): string => {
  const result = parse(...argv)
  if (!('usageError' in result)) throw new Error(`expected a usage error for ${argv.join(' ')}`)
  return result.usageError
}

describe('parseCliArgs', () => {
  it('has the documented defaults', () => {
    expect(options('logs/')).toEqual({
      help: false,
      version: false,
      inputs: ['logs/'],
      count: false,
      format: 'jsonl',
      out: undefined,
      query: undefined,
      from: undefined,
      to: undefined,
      stats: false,
      newestFirst: false,
      columns: [],
      s3: {},
      cacheDir: undefined,
    })
  })

  it('reads every option, long and short, with = or a separate value', () => {
    const o = options('-q', 'event:GetObject', '--format=csv', '-o', 'out.csv', '--stats', '--newest-first', '--columns', 'account,EventType', 'a.json', 'b/')
    expect(o).toMatchObject({ query: 'event:GetObject', format: 'csv', out: 'out.csv', stats: true, newestFirst: true, columns: ['account', 'eventType'], inputs: ['a.json', 'b/'] })
    expect(options('--count', 'x').count).toBe(true)
    expect(options('-c', 'x').count).toBe(true)
    expect(options('--format', 'json', 'x').format).toBe('records')
    expect(options('-f', 'JSONL', 'x').format).toBe('jsonl')
    expect(options('--out', '-', 'x').out).toBeUndefined()
  })

  it('reads --from and --to as the S3 options do (dates are UTC, ages count back from now)', () => {
    expect(options('--from', '2024-03-10', '--to', '2024-03-11T06:00Z', 'x')).toMatchObject({ from: Date.parse('2024-03-10T00:00Z'), to: Date.parse('2024-03-11T06:00Z') })
    expect(options('--from=7d', 'x').from).toBe(NOW - 7 * 86_400_000)
    expect(usageError('--from', 'yesterday', 'x')).toMatch(/--from: cannot read "yesterday"/)
    expect(usageError('--from', '2024-03-11', '--to', '2024-03-10', 'x')).toMatch(/--to must be after --from/)
  })

  it('takes the S3 connection options and checks s3:// URLs', () => {
    const o = options('--profile', 'audit', '--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:9000', '--concurrency', '4', '--cache-dir', '/tmp/c', 's3://bucket/prefix')
    expect(o.s3).toEqual({ profile: 'audit', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:9000', concurrency: 4 })
    expect(o.cacheDir).toBe('/tmp/c')
    expect(usageError('s3://')).toMatch(/Not an S3 URL/)
    expect(usageError('--region', 'mars', 'x')).toMatch(/Not an AWS region/)
  })

  it('treats everything after -- as a path', () => {
    expect(options('--', '--count', '-q').inputs).toEqual(['--count', '-q'])
  })

  it('needs a value to start with "-" to be written --query=-...', () => {
    expect(options('--query=-error:*', 'x').query).toBe('-error:*')
    expect(usageError('--query', '-error:*', 'x')).toMatch(/--query/)
  })

  it('rejects what cannot work, with a pointer to --help', () => {
    expect(usageError()).toMatch(/No input/)
    expect(usageError('--bogus', 'x')).toMatch(/Unknown option '--bogus'/)
    expect(usageError('--format', 'xml', 'x')).toMatch(/--format must be jsonl, json or csv/)
    expect(usageError('--count', '--out', 'f', 'x')).toMatch(/--count prints only a number/)
    expect(usageError('--columns', 'nope', '--format', 'csv', 'x')).toMatch(/unknown column "nope"/)
    expect(usageError('--columns', 'account', 'x')).toMatch(/--columns applies to --format csv only/)
    expect(usageError('--out=', 'x')).toMatch(/--out needs a file name/)
    expect(usageError('--query')).toMatch(/--query/)
    for (const message of [usageError(), usageError('--bogus', 'x')]) expect(message).toMatch(/Run "ashiato --help"/)
  })

  it('answers --help and --version without inputs', () => {
    expect(options('--help')).toMatchObject({ help: true })
    expect(options('-h')).toMatchObject({ help: true })
    expect(options('--version')).toMatchObject({ version: true })
  })
})
