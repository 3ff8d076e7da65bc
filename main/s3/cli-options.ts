// Command-line glue for S3 inputs: s3://bucket/prefix URLs and the AWS-CLI-like options
// (--profile --region --endpoint-url --from --to --concurrency), as one option table that the
// commands include in theirs, and the check of their parsed values. Pure: the CLI prints the
// usage error these return; nothing here exits or reads the environment.

import { checkEndpoint } from './endpoint-policy'
import type { OptionTable, OptionValues } from '../cli/option-table'
import { DAY_MS, normalizePrefix } from './trail-layout'
import { parseRangeTime } from '../../common/time'
import { isBucketName, isHttpUrl, isRegion } from '../../common/aws-names'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

export interface S3Url {
  bucket: string
  /** '' or ending in '/'. */
  prefix: string
}

export interface S3CliOptions {
  profile?: string
  region?: string
  endpointUrl?: string
  /** --allow-plain-http: a plain http:// endpoint on another host may carry the signed requests. */
  allowPlainHttp?: boolean
  /** ms since the epoch; from inclusive, to exclusive. */
  from?: number
  to?: number
  concurrency?: number
}

/** The S3 options, as every command that reads s3:// takes them (ashiato, validate; serve takes some). */
export const S3_OPTIONS = {
  profile: { type: 'string', value: 'NAME', help: 'AWS profile from ~/.aws/config or ~/.aws/credentials\n(default: AWS_PROFILE or "default")' },
  region: { type: 'string', value: 'REGION', help: 'region to start from (the bucket\'s own region is followed\nautomatically)' },
  'endpoint-url': { type: 'string', value: 'URL', help: 'S3-compatible server or VPC endpoint (path-style addressing)' },
  'allow-plain-http': { type: 'boolean', help: 'allow an http:// endpoint on another host (the signed requests\ncross the network in clear)' },
  from: { type: 'string', value: 'TIME', help: 'first eventTime to include: 2024-03-10, 2024-03-10T12:00Z,\nor 7d / 12h / 30m ago' },
  to: { type: 'string', value: 'TIME', help: 'end of the range, not included (default: now); a date alone\nis midnight UTC' },
  concurrency: { type: 'string', value: 'N', help: 'downloads in flight (default 16)' },
} as const satisfies OptionTable

type S3Values = OptionValues<typeof S3_OPTIONS>

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error })

/** s3://bucket/prefix → bucket and prefix; a usage error for anything else. */
export function parseS3Url(url: string): Parsed<S3Url> {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(url.trim())
  if (!m) return fail(`Not an S3 URL: "${url}" (expected s3://bucket/prefix)`)
  const bucket = m[1]
  if (!isBucketName(bucket)) return fail(`Not a bucket name: "${bucket}"`)
  return ok({ bucket, prefix: normalizePrefix(m[2]) })
}

export const isS3Url = (s: string): boolean => /^s3:\/\//i.test(s)

/**
 * A time as the user typed it: an ISO date (midnight UTC), an ISO date-time (UTC unless it has an
 * offset: CloudTrail is in UTC), 'now', or an age such as 7d, 12h, 30m (that long before now).
 */
export function parseTime(text: string, now: number = Date.now()): number | undefined {
  const s = text.trim()
  if (s === 'now') return now
  const age = /^(\d+)([dhm])$/.exec(s)
  if (age) return now - Number(age[1]) * { d: DAY_MS, h: 3_600_000, m: 60_000 }[age[2] as 'd' | 'h' | 'm']
  return parseRangeTime(s)
}

/**
 * The S3 options out of a command's parsed values (the command's table includes S3_OPTIONS):
 * each value checked, times read, or the usage error that names the option.
 */
export function s3OptionsFromValues(values: S3Values, now: number = Date.now()): Parsed<S3CliOptions> {
  for (const [name, value] of Object.entries(values)) {
    if (value === '' && name in S3_OPTIONS) return fail(`--${name} needs a value`)
  }
  const { profile, region, 'endpoint-url': endpoint, 'allow-plain-http': allowPlainHttp, concurrency: conc } = values
  const options: S3CliOptions = {}
  if (profile !== undefined) options.profile = profile
  if (region !== undefined) {
    if (!isRegion(region)) return fail(`Not an AWS region: "${region}" (for example us-east-1)`)
    options.region = region
  }
  if (endpoint !== undefined) {
    if (!isHttpUrl(endpoint)) return fail(`--endpoint-url must be an http:// or https:// URL, not "${endpoint}"`)
    options.endpointUrl = endpoint
    if (allowPlainHttp) options.allowPlainHttp = true
    try {
      checkEndpoint(options)
    } catch (error) {
      return fail((error as Error).message)
    }
  }
  for (const flag of ['--from', '--to'] as const) {
    const text = values[flag === '--from' ? 'from' : 'to']
    if (text === undefined) continue
    const t = parseTime(text, now)
    if (t === undefined) return fail(`${flag}: cannot read "${text}" as a time (2024-03-10, 2024-03-10T12:00Z, 7d, 12h, now)`)
    options[flag === '--from' ? 'from' : 'to'] = t
  }
  if (options.from !== undefined && options.to !== undefined && options.to <= options.from) return fail('--to must be after --from')
  if (conc !== undefined) {
    if (!/^\d+$/.test(conc) || +conc < 1 || +conc > 512) return fail(`--concurrency must be a whole number from 1 to 512, not "${conc}"`)
    options.concurrency = +conc
  }
  return ok(options)
}

/** The range to open: --to defaults to now, --from to a day before --to. */
export function resolveTimeRange(options: Pick<S3CliOptions, 'from' | 'to'>, now: number = Date.now()): Parsed<{ from: number; to: number }> {
  const to = options.to ?? now
  const from = options.from ?? to - DAY_MS
  return to > from ? ok({ from, to }) : fail('--to must be after --from')
}
