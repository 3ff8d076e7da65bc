// The `ashiato` command (built to dist/main/cli.cjs; run by bin/ashiato.cjs and `npm run -s cli`).
// Process wiring lives here (arguments, signals, stdout's quirks, the exit status) and the
// --help text; the run itself is cli-run.ts.

import { parseCliArgs } from './cli-args'
import { EXIT_INTERRUPTED, EXIT_USAGE, runCli } from './cli-run'
import { version } from '../../package.json'
import { DETECT_USAGE, parseDetectArgs } from './detect-args'
import { runDetectCli } from './detect-run'

// The --help text is the CLI's documentation, so it states what a script depends on: output
// order, exit codes, where errors go.
const USAGE = `Usage: ashiato [options] PATH...
       ashiato detect [options] PATH...   (Sigma detections: ashiato detect --help)

Reads CloudTrail logs (.json, .json.gz, folders of them such as an AWSLogs/ tree, or
s3://BUCKET/PREFIX) and prints their events, deduplicated by eventID and account.

Output
  -f, --format FORMAT   jsonl (default): one event per line, its original JSON text
                        json: {"Records":[...]}, the CloudTrail file format (jq, Athena, Ashiato)
                        csv: the console's Event history columns (formula-safe)
      --columns A,B     csv: extra columns after the console's (account, identityType, eventType...)
  -o, --out FILE        write FILE atomically instead of stdout (nothing is left behind if the
                        run fails or is interrupted); FILE ending in .gz is gzipped
  -c, --count           print only the number of matching events
      --newest-first    the exact reverse of the default order (newest first)
      --stats           one JSON line on stderr: events, files, digests, duplicates, badFiles,
                        loadMs, and matched / queryMs when filtering

Filtering
  -q, --query QUERY     the filter bar's language, e.g. 'event:Delete* -error:*' or
                        'user:alice and source:s3.amazonaws.com' (a query starting with '-':
                        --query=-error:*)
      --from TIME       eventTime at or after TIME: 2024-03-10, 2024-03-10T12:00Z, 7d, 12h, 30m
      --to TIME         eventTime before TIME (a date alone is midnight UTC, so it is excluded)
                        For s3:// inputs, --from/--to also choose what is downloaded
                        (default: the last 24 hours).

S3 (s3://BUCKET[/PREFIX], credentials from the AWS CLI's configuration)
      --profile NAME  --region REGION  --endpoint-url URL  --concurrency N
      --cache-dir DIR   where downloaded objects are kept (default: $ASHIATO_CACHE_DIR, else
                        the user cache folder: ~/.cache/ashiato/s3 on Linux)

  -h, --help  -V, --version

Order: events are printed oldest first by eventTime (ties in file-name order, then in file
order); events without an eventTime come last. Digest files are counted, never printed.

Exit status: 0 when every input was read; 1 when some could not be (or only partly: a truncated
gzip, damaged JSON), their events are still printed and each problem is reported on stderr as
"ashiato: FILE: REASON"; 1 too when the output cannot be written; 2 for a usage error or a query
that does not parse; 130 when interrupted (Ctrl-C).

For clean stdout through npm, use "npm run -s cli -- ..." (without -s npm prints its own lines).`


async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv[0] === 'detect') return detectMain(argv.slice(1))
  const args = parseCliArgs(argv)
  if ('usageError' in args) {
    process.stderr.write(`ashiato: ${args.usageError}\n`)
    process.exitCode = EXIT_USAGE
    return
  }
  if (args.help) return void process.stdout.write(`${USAGE}\n`)
  if (args.version) return void process.stdout.write(`${version}\n`)

  // First Ctrl-C: stop loading or writing (an --out file is then not created). Second: leave now.
  const controller = new AbortController()
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED)
    controller.abort()
  })
  // `ashiato ... | head` closes the pipe early. The writer sees EPIPE too and stops writing, and
  // the run ends with its usual status; without this listener the error would crash the process.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return
    process.stderr.write(`ashiato: stdout: ${error.message}\n`)
    process.exit(1)
  })

  // exitCode, not exit(): stdout to a pipe may still be flushing.
  process.exitCode = await runCli(args, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal })
}

/** `ashiato detect ...`: the same process wiring, its own options and run. */
async function detectMain(argv: string[]): Promise<void> {
  const args = parseDetectArgs(argv)
  if ('usageError' in args) {
    process.stderr.write(`ashiato: ${args.usageError}\n`)
    process.exitCode = EXIT_USAGE
    return
  }
  if (args.help) return void process.stdout.write(`${DETECT_USAGE}\n`)
  const controller = new AbortController()
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED)
    controller.abort()
  })
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.exit(1)
  })
  process.exitCode = await runDetectCli(args, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal })
}

main().catch((error: unknown) => {
  // A bug, not a bad input: say so with the stack, and a status no documented case uses.
  process.stderr.write(`ashiato: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 70
})
