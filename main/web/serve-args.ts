// The command line of web mode: `node dist/main/serve.cjs [--port N] [FILE...]`, parsed and
// documented from one option table (main/cli/option-table.ts), like the CLI's.

import { checkEndpoint } from '../s3/endpoint-policy'
import { isHttpUrl } from '../../common/aws-names'
import { optionError, optionHelp, parseOptions, type OptionTable, type ParsedOptions } from '../cli/option-table'
import { DEFAULT_MAX_UPLOAD_BYTES } from './uploads'

export const DEFAULT_PORT = 4780

/** Every option of ashiato-serve, parsed and documented from this one table. */
export const SERVE_OPTIONS = {
  port: { type: 'string', value: 'N', help: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)` },
  'cache-dir': {
    type: 'string',
    value: 'DIR',
    help: 'where objects opened from S3 are kept (default: $ASHIATO_CACHE_DIR, else\n$XDG_CACHE_HOME/ashiato/s3 or ~/.cache/ashiato/s3)',
  },
  'endpoint-url': {
    type: 'string',
    value: 'URL',
    help: 'the S3-compatible server or VPC endpoint browser tabs use for S3 (they\ncannot name another one: it would receive the signed requests)',
  },
  'allow-plain-http': {
    type: 'boolean',
    help: 'allow --endpoint-url to be plain http:// to a host other than this\nmachine (the signed requests, with the access key ID, then cross the network\nin clear)',
  },
  'max-upload': {
    type: 'string',
    value: 'SIZE',
    help: 'largest upload from a browser tab, its files together (default 8GiB;\nunits B, KiB, MiB, GiB, TiB, or KB/MB/GB/TB as powers of 1000)',
  },
  rules: {
    type: 'string',
    multiple: true,
    value: 'DIR',
    help: 'also run the Sigma rules (.yml) under DIR over what is loaded (repeatable;\nthe built-in rules always run)',
  },
  'rules-update-dir': {
    type: 'string',
    value: 'DIR',
    help: 'let browsers use "Update rules": SigmaHQ\'s and Suzaku\'s rule sets are\ndownloaded (https) into DIR/rules/ and run with the others (default: refused)',
  },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} as const satisfies OptionTable

export const USAGE = `Usage: ashiato-serve [--port N] [--cache-dir DIR] [--endpoint-url URL] [--allow-plain-http]
                     [--max-upload SIZE] [FILE_OR_FOLDER...]

Serves the Ashiato viewer at http://127.0.0.1:PORT/ for a local browser and loads the given
CloudTrail files or folders. The printed URL carries an access token: open that exact URL.
${optionHelp(SERVE_OPTIONS)}`

export interface ServeArgs {
  port: number
  paths: string[]
  help: boolean
  /** --cache-dir: the S3 download cache. */
  cacheDir?: string
  /** --rules: folders of the user's Sigma rules, run with the built-in pack. */
  rules?: string[]
  /** --rules-update-dir: where "Update rules" keeps the sets; unset, web clients may not update rules. */
  rulesUpdateDir?: string
  /** --endpoint-url: the only S3 endpoint web clients use. */
  endpointUrl?: string
  allowPlainHttp: boolean
  /** --max-upload, in bytes. */
  maxUploadBytes: number
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 }

/** '8GiB', '512 MiB', '100000' -> bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined
  if (!match || unit === undefined) return null
  const bytes = Math.floor(Number(match[1]) * unit)
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null
}

/** The message for a missing or bad value of each option that takes one (the same either way). */
const VALUE_ERRORS: Record<string, (value: string) => string> = {
  '--port': (value) => `--port needs a number from 0 to 65535, got ${JSON.stringify(value)}`,
  '--rules': () => '--rules needs a folder',
  '--cache-dir': () => '--cache-dir needs a folder',
  '--rules-update-dir': () => '--rules-update-dir needs a folder',
  '--endpoint-url': (value) => `--endpoint-url needs an http:// or https:// URL, got ${JSON.stringify(value)}`,
  '--max-upload': (value) => `--max-upload needs a size such as 8GiB or 500MB, got ${JSON.stringify(value)}`,
}

function parsed(argv: string[]): ParsedOptions<typeof SERVE_OPTIONS> {
  try {
    return parseOptions(SERVE_OPTIONS, argv)
  } catch (error) {
    const problem = optionError(error)
    if (problem?.kind === 'unknown') throw new Error(`unknown option ${problem.option}`, { cause: error })
    const valueError = problem && VALUE_ERRORS[problem.option]
    throw valueError ? new Error(valueError(''), { cause: error }) : error
  }
}

/** Parses the arguments after the script's path; throws an Error with a readable message. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const { values, positionals } = parsed(argv)
  const args: ServeArgs = { port: DEFAULT_PORT, paths: positionals, help: values.help === true, allowPlainHttp: values['allow-plain-http'] === true, maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES }
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new Error(VALUE_ERRORS['--port'](values.port))
    args.port = Number(values.port)
  }
  if (values.rules !== undefined) {
    if (values.rules.some((dir) => dir === '')) throw new Error(VALUE_ERRORS['--rules'](''))
    args.rules = values.rules
  }
  if (values['rules-update-dir'] !== undefined) {
    if (values['rules-update-dir'] === '') throw new Error(VALUE_ERRORS['--rules-update-dir'](''))
    args.rulesUpdateDir = values['rules-update-dir']
  }
  if (values['cache-dir'] !== undefined) {
    if (values['cache-dir'] === '') throw new Error(VALUE_ERRORS['--cache-dir'](''))
    args.cacheDir = values['cache-dir']
  }
  if (values['endpoint-url'] !== undefined) {
    if (!isHttpUrl(values['endpoint-url'])) throw new Error(VALUE_ERRORS['--endpoint-url'](values['endpoint-url']))
    args.endpointUrl = values['endpoint-url']
  }
  if (values['max-upload'] !== undefined) {
    const bytes = parseSize(values['max-upload'])
    if (bytes === null) throw new Error(VALUE_ERRORS['--max-upload'](values['max-upload']))
    args.maxUploadBytes = bytes
  }
  // Refused at start rather than at the first S3 call: the user is at the terminal now.
  if (args.endpointUrl) checkEndpoint({ endpointUrl: args.endpointUrl, allowPlainHttp: args.allowPlainHttp })
  return args
}
