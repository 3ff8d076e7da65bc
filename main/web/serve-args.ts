// The command line of web mode: `node dist/main/serve.cjs [--port N] [FILE...]`.

export const DEFAULT_PORT = 4780

export const USAGE = `Usage: ashiato-serve [--port N] [--cache-dir DIR] [FILE_OR_FOLDER...]

Serves the Ashiato viewer at http://127.0.0.1:PORT/ for a local browser and loads the given
CloudTrail files or folders. The printed URL carries an access token: open that exact URL.
  --port N         port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --cache-dir DIR  where objects opened from S3 are kept (default: $ASHIATO_CACHE_DIR, else
                   $XDG_CACHE_HOME/ashiato/s3 or ~/.cache/ashiato/s3)
  --help           this text`

export interface ServeArgs {
  port: number
  paths: string[]
  help: boolean
  /** --cache-dir: the S3 download cache. */
  cacheDir?: string
}

/** Parses the arguments after the script's path; throws an Error with a readable message. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { port: DEFAULT_PORT, paths: [], help: false }
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
    } else if (arg === '--cache-dir' || arg.startsWith('--cache-dir=')) {
      const value = arg === '--cache-dir' ? argv[++i] : arg.slice('--cache-dir='.length)
      if (!value) throw new Error('--cache-dir needs a folder')
      args.cacheDir = value
    } else {
      throw new Error(`unknown option ${arg}`)
    }
  }
  return args
}
