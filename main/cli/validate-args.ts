// `ashiato validate` arguments, parsed into options or a usage error. Pure, like cli-args.ts:
// the same parseArgs options table style, the S3 module's own --from/--to syntax.

import { parseArgs } from 'node:util'
import { isS3Url, parseS3CliOptions, parseS3Url, S3_CLI_USAGE, type S3CliOptions } from '../s3/cli-options'

export interface ValidateOptions {
  help: boolean
  inputs: string[]
  /** list-public-keys JSON files. */
  publicKeys: string[]
  format: 'text' | 'jsonl'
  /** Save the keys of --region for --from..--to here, instead of validating. */
  exportKeys?: string
  s3: Omit<S3CliOptions, 'from' | 'to'>
  from?: number
  to?: number
  cacheDir?: string
  /** Ask cloudtrail:ListPublicKeys for keys not in the files or cache (a profile or region was given, or S3 is read). */
  fetchKeys: boolean
}

export const VALIDATE_USAGE = `Usage: ashiato validate [--public-keys FILE]... [--profile P --region R] [--format text|jsonl] PATH|s3://...
       ashiato validate --export-keys FILE --profile P --region R --from TIME --to TIME

Checks CloudTrail log files against the digest files among them, offline: each digest's
signature (SHA256withRSA; the newest digest's own signature is read from NAME.signature beside
it, which is how Ashiato keeps S3's x-amz-meta-signature), the chain of digests, and the
SHA-256 of every log file's uncompressed content. Local copies are matched on their path from
AWSLogs/ on.

      --public-keys FILE  keys as printed by "aws cloudtrail list-public-keys" (repeatable);
                          without keys, hashes and the chain are still checked
      --profile NAME      fetch missing keys with cloudtrail:ListPublicKeys (and read s3://)
      --region REGION     with --export-keys: the region whose keys to save
      --format FORMAT     text (default) or jsonl: {"kind","path","account","region","status","detail"}
      --export-keys FILE  save the public keys of --region for --from..--to, in the same format
      --from TIME --to TIME  s3:// and --export-keys: the range (2024-03-10, 7d, ...)
      --endpoint-url URL --concurrency N --cache-dir DIR   as for s3:// inputs

Statuses. Log files: valid, modified, missing, not-in-digest (possibly inserted), not-covered
(no digest for its hour loaded). Digest files: valid, invalid-signature, key-unknown,
signature-unavailable, chain-break, missing.

Exit status: 0 when everything checked is valid (key-unknown, signature-unavailable and
not-covered are reported but not failures); 1 when anything is modified, missing, inserted or
invalid, or an input could not be read; 2 for a usage error.`

const usageError = (message: string): { usageError: string } => ({ usageError: `${message}\nRun "ashiato validate --help" for usage.` })

export function parseValidateArgs(argv: readonly string[], now: number = Date.now()): ValidateOptions | { usageError: string } {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'public-keys': { type: 'string', multiple: true },
        profile: { type: 'string' },
        region: { type: 'string' },
        format: { type: 'string', short: 'f' },
        'export-keys': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'endpoint-url': { type: 'string' },
        concurrency: { type: 'string' },
        'cache-dir': { type: 'string' },
      },
    })
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const base: ValidateOptions = { help: values.help === true, inputs: positionals, publicKeys: values['public-keys'] ?? [], format: 'text', s3: {}, fetchKeys: false }
  if (base.help) return base
  const format = (values.format ?? 'text').toLowerCase()
  if (format !== 'text' && format !== 'jsonl') return usageError(`--format must be text or jsonl, not "${values.format}"`)
  const flags: string[] = []
  for (const name of ['profile', 'region', 'endpoint-url', 'from', 'to', 'concurrency'] as const) {
    const value = values[name]
    if (typeof value === 'string') flags.push(`--${name}=${value}`)
  }
  const s3 = parseS3CliOptions(flags, now)
  if (!s3.ok) return usageError(s3.error.replace(`\n\n${S3_CLI_USAGE}`, ''))
  const { from, to, ...connection } = s3.value.options
  const exportKeys = values['export-keys']
  if (exportKeys !== undefined) {
    if (exportKeys === '') return usageError('--export-keys needs a file name')
    if (positionals.length > 0) return usageError('--export-keys saves keys only: give no PATH')
    if (!values.region) return usageError('--export-keys needs --region (public keys are per region)')
    if (from === undefined || to === undefined) return usageError('--export-keys needs --from and --to')
  } else {
    if (positionals.length === 0) return usageError('No input: give the folder (or files, or s3:// URL) holding the logs and their digests.')
    for (const input of positionals.filter(isS3Url)) {
      const url = parseS3Url(input)
      if (!url.ok) return usageError(url.error)
    }
  }
  const fetchKeys = values.profile !== undefined || values.region !== undefined || positionals.some(isS3Url)
  return { ...base, format, exportKeys, s3: connection, from, to, cacheDir: values['cache-dir'], fetchKeys }
}
