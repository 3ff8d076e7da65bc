// The CLI glue for S3 inputs: s3:// URLs, AWS-CLI-like options, and times as users type them.

import { describe, expect, it } from 'vitest'
import { parseS3Url, parseTime, resolveTimeRange, S3_OPTIONS, s3OptionsFromValues } from '../../main/s3/cli-options'
import { parseOptions } from '../../main/cli/option-table'

/** The S3 options of a command line, as a command reads them: its table (here S3_OPTIONS alone), then the checks. */
function parseS3CliOptions(args: string[], now: number) {
  const { values, positionals } = parseOptions(S3_OPTIONS, args)
  const options = s3OptionsFromValues(values, now)
  return options.ok ? { ok: true as const, value: { options: options.value, rest: positionals } } : options
}

const parseError = (args: string[]): string => {
  try {
    parseOptions(S3_OPTIONS, args)
  } catch (error) {
    return (error as Error).message
  }
  return ''
}

const NOW = Date.parse('2024-03-15T10:30:00Z')

describe('parseS3Url', () => {
  it('splits bucket and prefix', () => {
    expect(parseS3Url('s3://my-trail')).toEqual({ ok: true, value: { bucket: 'my-trail', prefix: '' } })
    expect(parseS3Url('s3://my-trail/')).toEqual({ ok: true, value: { bucket: 'my-trail', prefix: '' } })
    expect(parseS3Url('s3://my-trail/logs/AWSLogs/o-abc123defg')).toEqual({ ok: true, value: { bucket: 'my-trail', prefix: 'logs/AWSLogs/o-abc123defg/' } })
  })
  it('explains what is wrong', () => {
    expect(parseS3Url('https://x/y')).toEqual({ ok: false, error: 'Not an S3 URL: "https://x/y" (expected s3://bucket/prefix)' })
    expect(parseS3Url('s3://')).toMatchObject({ ok: false })
    expect(parseS3Url('s3://a')).toMatchObject({ ok: false, error: 'Not a bucket name: "a"' })
  })
})

describe('parseTime', () => {
  it('reads dates as midnight UTC, date-times as UTC unless zoned, and ages', () => {
    expect(parseTime('2024-03-10')).toBe(Date.parse('2024-03-10T00:00:00Z'))
    expect(parseTime('2024-03-10T12:00')).toBe(Date.parse('2024-03-10T12:00:00Z'))
    expect(parseTime('2024-03-10 12:00:30')).toBe(Date.parse('2024-03-10T12:00:30Z'))
    expect(parseTime('2024-03-10T12:00+02:00')).toBe(Date.parse('2024-03-10T10:00:00Z'))
    expect(parseTime('7d', NOW)).toBe(NOW - 7 * 86_400_000)
    expect(parseTime('12h', NOW)).toBe(NOW - 12 * 3_600_000)
    expect(parseTime('now', NOW)).toBe(NOW)
  })
  it('rejects what it cannot read', () => {
    for (const s of ['yesterday', '2024-02-30', '2024-13-01', '10/03/2024', '7w']) expect(parseTime(s, NOW)).toBeUndefined()
  })
})

describe('parseS3CliOptions', () => {
  it('takes its options in both forms and leaves the rest in order', () => {
    const r = parseS3CliOptions(['s3://b/p', '--profile', 'audit', '--region=eu-west-1', '--endpoint-url', 'http://127.0.0.1:9000', '--from', '2024-03-10', '--to=2024-03-11', '--concurrency', '32', 'out.csv'], NOW)
    expect(r).toEqual({
      ok: true,
      value: {
        options: { profile: 'audit', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:9000', from: Date.parse('2024-03-10T00:00:00Z'), to: Date.parse('2024-03-11T00:00:00Z'), concurrency: 32 },
        rest: ['s3://b/p', 'out.csv'],
      },
    })
  })
  it('returns a usage error for bad values', () => {
    const error = (args: string[]) => {
      const r = parseS3CliOptions(args, NOW)
      return r.ok ? undefined : r.error
    }
    // A missing value is parseArgs' own error, naming the option; an empty one is ours.
    expect(parseError(['--profile'])).toMatch(/--profile <value>' argument missing/)
    expect(parseError(['--profile', '--region', 'x'])).toMatch(/--profile' argument is ambiguous/)
    expect(error(['--profile='])).toBe('--profile needs a value')
    expect(error(['--region', 'europe'])).toBe('Not an AWS region: "europe" (for example us-east-1)')
    expect(error(['--endpoint-url', 'ftp://x'])).toMatch(/must be an http:\/\/ or https:\/\/ URL/)
    expect(error(['--from', 'last week'])).toMatch(/--from: cannot read "last week"/)
    expect(error(['--from', '2024-03-11', '--to', '2024-03-10'])).toBe('--to must be after --from')
    expect(error(['--concurrency', '0'])).toMatch(/--concurrency must be a whole number/)
    expect(error(['--concurrency', '2.5'])).toMatch(/--concurrency must be a whole number/)
  })
  it('defaults the range to the day before now', () => {
    expect(resolveTimeRange({}, NOW)).toEqual({ ok: true, value: { from: NOW - 86_400_000, to: NOW } })
    expect(resolveTimeRange({ from: NOW - 5 }, NOW)).toEqual({ ok: true, value: { from: NOW - 5, to: NOW } })
    expect(resolveTimeRange({ from: NOW + 5 }, NOW)).toMatchObject({ ok: false })
  })
})
