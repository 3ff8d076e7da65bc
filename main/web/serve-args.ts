// The command line of web mode: `node dist/main/serve.cjs [--port N] [FILE...]`.

import { checkEndpoint } from '../s3/endpoint-policy'
import { isHttpUrl } from '../../common/aws-names'
import { DEFAULT_MAX_UPLOAD_BYTES } from './uploads'

export const DEFAULT_PORT = 4780

export const USAGE = `Usage: ashiato-serve [--port N] [--cache-dir DIR] [--endpoint-url URL] [--allow-plain-http]
                     [--max-upload SIZE] [FILE_OR_FOLDER...]

Serves the Ashiato viewer at http://127.0.0.1:PORT/ for a local browser and loads the given
CloudTrail files or folders. The printed URL carries an access token: open that exact URL.
  --port N         port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --cache-dir DIR  where objects opened from S3 are kept (default: $ASHIATO_CACHE_DIR, else
                   $XDG_CACHE_HOME/ashiato/s3 or ~/.cache/ashiato/s3)
  --endpoint-url URL  the S3-compatible server or VPC endpoint browser tabs use for S3 (they
                   cannot name another one: it would receive the signed requests)
  --allow-plain-http  allow --endpoint-url to be plain http:// to a host other than this
                   machine (the signed requests, with the access key ID, then cross the network
                   in clear)
  --max-upload SIZE  largest upload from a browser tab, its files together (default 8GiB;
                   units B, KiB, MiB, GiB, TiB, or KB/MB/GB/TB as powers of 1000)
  --rules DIR      also run the Sigma rules (.yml) under DIR over what is loaded (repeatable;
                   the built-in rules always run)
  --help           this text`

export interface ServeArgs {
  port: number
  paths: string[]
  help: boolean
  /** --cache-dir: the S3 download cache. */
  cacheDir?: string
  /** --rules: folders of the user's Sigma rules, run with the built-in pack. */
  rules?: string[]
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

/** Parses the arguments after the script's path; throws an Error with a readable message. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { port: DEFAULT_PORT, paths: [], help: false, allowPlainHttp: false, maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES }
  let onlyPaths = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      args.paths.push(arg)
    } else if (arg === '--') {
      onlyPaths = true
    } else if (arg === '--help' || arg === '-h') {
      args.help = true
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length)
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
        throw new Error(`--port needs a number from 0 to 65535, got ${JSON.stringify(value ?? '')}`)
      }
      args.port = Number(value)
    } else if (arg === '--rules' || arg.startsWith('--rules=')) {
      const value = arg === '--rules' ? argv[++i] : arg.slice('--rules='.length)
      if (!value) throw new Error('--rules needs a folder')
      args.rules = [...(args.rules ?? []), value]
    } else if (arg === '--cache-dir' || arg.startsWith('--cache-dir=')) {
      const value = arg === '--cache-dir' ? argv[++i] : arg.slice('--cache-dir='.length)
      if (!value) throw new Error('--cache-dir needs a folder')
      args.cacheDir = value
    } else if (arg === '--endpoint-url' || arg.startsWith('--endpoint-url=')) {
      const value = arg === '--endpoint-url' ? argv[++i] : arg.slice('--endpoint-url='.length)
      if (!isHttpUrl(value ?? '')) throw new Error(`--endpoint-url needs an http:// or https:// URL, got ${JSON.stringify(value ?? '')}`)
      args.endpointUrl = value
    } else if (arg === '--allow-plain-http') {
      args.allowPlainHttp = true
    } else if (arg === '--max-upload' || arg.startsWith('--max-upload=')) {
      const value = arg === '--max-upload' ? argv[++i] : arg.slice('--max-upload='.length)
      const bytes = parseSize(value ?? '')
      if (bytes === null) throw new Error(`--max-upload needs a size such as 8GiB or 500MB, got ${JSON.stringify(value ?? '')}`)
      args.maxUploadBytes = bytes
    } else {
      throw new Error(`unknown option ${arg}`)
    }
  }
  // Refused at start rather than at the first S3 call: the user is at the terminal now.
  if (args.endpointUrl) checkEndpoint({ endpointUrl: args.endpointUrl, allowPlainHttp: args.allowPlainHttp })
  return args
}
