// `ashiato validate` arguments, parsed into options or a usage error. Pure, like cli-args.ts:
// the same parseArgs options table style, the S3 module's own --from/--to syntax.

import { isS3Url, parseS3Url, s3OptionsFromValues, S3_OPTIONS, type S3CliOptions } from '../s3/cli-options'
import { optionHelp, parseOptions, type OptionTable } from './option-table'

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

/** Every option of `ashiato validate`, parsed and documented from this one table. */
export const VALIDATE_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: 'this text' },
  'public-keys': {
    type: 'string',
    multiple: true,
    value: 'FILE',
    help: 'keys as printed by "aws cloudtrail list-public-keys" (repeatable);\nwithout keys, hashes and the chain are still checked',
  },
  profile: { ...S3_OPTIONS.profile, help: 'fetch missing keys with cloudtrail:ListPublicKeys (and read s3://)' },
  region: { ...S3_OPTIONS.region, help: 'with --export-keys: the region whose keys to save' },
  format: { type: 'string', short: 'f', value: 'FORMAT', help: 'text (default) or jsonl: {"kind","path","account","region","status","detail"}' },
  'export-keys': { type: 'string', value: 'FILE', help: 'save the public keys of --region for --from..--to, in the same format' },
  from: { ...S3_OPTIONS.from, help: 's3:// and --export-keys: the start of the range (2024-03-10, 7d, ...)' },
  to: { ...S3_OPTIONS.to, help: 's3:// and --export-keys: the end of the range' },
  'endpoint-url': { ...S3_OPTIONS['endpoint-url'], help: 'as for s3:// inputs of "ashiato"' },
  concurrency: { ...S3_OPTIONS.concurrency, help: 'as for s3:// inputs of "ashiato"' },
  'cache-dir': { type: 'string', value: 'DIR', help: 'as for s3:// inputs of "ashiato"' },
} as const satisfies OptionTable

export const VALIDATE_USAGE = `Usage: ashiato validate [--public-keys FILE]... [--profile P --region R] [--format text|jsonl] PATH|s3://...
       ashiato validate --export-keys FILE --profile P --region R --from TIME --to TIME

Checks CloudTrail log files against the digest files among them, offline: each digest's
signature (SHA256withRSA; the newest digest's own signature is read from NAME.signature beside
it, which is how Ashiato keeps S3's x-amz-meta-signature), the chain of digests, and the
SHA-256 of every log file's uncompressed content. Local copies are matched on their path from
AWSLogs/ on.

${optionHelp(VALIDATE_OPTIONS, ['public-keys', 'profile', 'region', 'format', 'export-keys', 'from', 'to', 'endpoint-url', 'concurrency', 'cache-dir', 'help'], 28)}

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
    parsed = parseOptions(VALIDATE_OPTIONS, argv)
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const base: ValidateOptions = { help: values.help === true, inputs: positionals, publicKeys: values['public-keys'] ?? [], format: 'text', s3: {}, fetchKeys: false }
  if (base.help) return base
  const format = (values.format ?? 'text').toLowerCase()
  if (format !== 'text' && format !== 'jsonl') return usageError(`--format must be text or jsonl, not "${values.format}"`)
  const s3 = s3OptionsFromValues(values, now)
  if (!s3.ok) return usageError(s3.error)
  const { from, to, ...connection } = s3.value
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
