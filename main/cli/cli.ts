// The `ashiato` command (built to dist/main/cli.cjs; run by bin/ashiato.cjs and `npm run -s cli`).
// Process wiring lives here (arguments, signals, stdout's quirks, the exit status) and the
// --help text; the run itself is cli-run.ts.

import { CLI_OPTIONS, parseCliArgs } from './cli-args'
import { optionHelp } from './option-table'
import { EXIT_INTERRUPTED, EXIT_USAGE, runCli } from './cli-run'
import { version } from '../../package.json'
import { escapeControls } from '../../common/control-chars'
import { terminalSafe } from './terminal-output'
import { DETECT_USAGE, parseDetectArgs } from './detect-args'
import { runDetectCli } from './detect-run'

// The --help text is the CLI's documentation, so it states what a script depends on: output
// order, exit codes, where errors go. Its option lines are written from the options table.
const USAGE = `Usage: ashiato [options] PATH...
       ashiato detect [options] PATH...   (Sigma detections: ashiato detect --help)
       ashiato update-rules [--dir DIR]   (downloads SigmaHQ's and Suzaku's Sigma rules: its --help)

Reads CloudTrail logs (.json, .json.gz, folders of them such as an AWSLogs/ tree, or
s3://BUCKET/PREFIX) and prints their events. Only exact duplicates (same eventID, account and
JSON but for whitespace) are dropped; events sharing an eventID with different content are all
printed and counted as idCollisions.

Output
${optionHelp(CLI_OPTIONS, ['format', 'columns', 'out', 'count', 'newest-first', 'stats'])}

Filtering
${optionHelp(CLI_OPTIONS, ['query', 'from', 'to'])}

S3 (s3://BUCKET[/PREFIX], credentials from the AWS CLI's configuration)
${optionHelp(CLI_OPTIONS, ['profile', 'region', 'endpoint-url', 'allow-plain-http', 'concurrency', 'cache-dir'])}

Limits
${optionHelp(CLI_OPTIONS, ['max-file-size'])}

${optionHelp(CLI_OPTIONS, ['help', 'version'])}

Hostile text: on a terminal, control and bidi characters inside the events' strings (ESC,
U+202E...) are shown as \\u escapes (the same JSON values); piped or with --out, the events'
bytes are exact. CSV cells and the messages on stderr always escape them.
Integrity: "ashiato validate --help" (checks log files against their signed digests, offline).
  ashiato dossier PRINCIPAL PATH...   one principal's activity as a JSON object (see its --help)

Order: events are printed oldest first by eventTime (ties in file-name order, then in file
order); events without an eventTime come last. Digest files are counted, never printed.

Exit status: 0 when every input was read; 1 when some could not be (or only partly: a truncated
gzip, damaged JSON), their events are still printed and each problem is reported on stderr as
"ashiato: FILE: REASON"; 1 too when the output cannot be written; 2 for a usage error or a query
that does not parse; 130 when interrupted (Ctrl-C).

For clean stdout through npm, use "npm run -s cli -- ..." (without -s npm prints its own lines).`


async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv[0] === 'validate') return void (process.exitCode = await (await import('./validate-main')).validateMain(argv.slice(1)))
  if (argv[0] === 'dossier') return runDossierCommand(argv.slice(1))
  if (argv[0] === 'detect') return detectMain(argv.slice(1))
  if (argv[0] === 'update-rules') return void (process.exitCode = await (await import('./update-rules')).updateRulesMain(argv.slice(1)))
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
    process.stderr.write(`ashiato: stdout: ${escapeControls(error.message)}\n`)
    process.exit(1)
  })

  // On a terminal, control and bidi characters in the events are shown escaped (terminal-output.ts).
  const stdout = process.stdout.isTTY ? terminalSafe(process.stdout) : process.stdout
  // exitCode, not exit(): stdout to a pipe may still be flushing.
  process.exitCode = await runCli(args, { stdout, stderr: process.stderr, signal: controller.signal })
  if (stdout !== process.stdout) stdout.end()
}

/** An error's message and stack as lines on stderr, each escaped (messages may quote the input). */
function errorLines(error: unknown): string {
  if (!(error instanceof Error)) return escapeControls(String(error))
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return [escapeControls(`${error.name}: ${error.message}`), ...frames.map((line) => escapeControls(line))].join('\n')
}

async function runDossierCommand(argv: string[]): Promise<void> {
  const { DOSSIER_USAGE, parseDossierArgs, runDossier } = await import('./cli-dossier')
  const args = parseDossierArgs(argv)
  if ('usageError' in args) {
    process.stderr.write(`ashiato: ${args.usageError}\n`)
    process.exitCode = EXIT_USAGE
    return
  }
  if (args.help) return void process.stdout.write(`${DOSSIER_USAGE}\n`)
  const controller = new AbortController()
  process.on('SIGINT', () => (controller.signal.aborted ? process.exit(EXIT_INTERRUPTED) : controller.abort()))
  process.exitCode = await runDossier(args, { stdout: process.stdout, stderr: process.stderr, signal: controller.signal })
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
  process.stderr.write(`ashiato: internal error: ${errorLines(error)}\n`)
  process.exitCode = 70
})
