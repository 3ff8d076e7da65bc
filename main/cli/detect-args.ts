// `ashiato detect [options] PATH...`: its command line, parsed into options or a usage error.
// Pure, like cli-args.ts, whose conventions it follows (parseArgs, messages, --stats).

import { LEVELS, type Level } from '../detect/rule-model'
import { isS3Url, parseS3Url } from '../s3/cli-options'
import { optionHelp, parseOptions, type OptionTable } from './option-table'

/** Every option of `ashiato detect`, parsed and documented from this one table. */
export const DETECT_OPTIONS = {
  rules: {
    type: 'string',
    short: 'r',
    multiple: true,
    value: 'DIR',
    help: "also run the rules under DIR (.yml/.yaml files; a clone of SigmaHQ or\nSuzaku's rules); repeatable",
  },
  'no-builtin-rules': { type: 'boolean', help: "skip Ashiato's built-in rule pack" },
  'no-downloaded-rules': {
    type: 'boolean',
    help: 'skip the rule sets "Update rules" (or ashiato update-rules) downloaded\ninto the desktop app\'s data folder (ASHIATO_USER_DATA_DIR when set),\nwhich run by default as in the app',
  },
  'min-level': { type: 'string', value: 'LEVEL', help: 'only detections of LEVEL or above:\ninformational, low, medium, high, critical' },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    help:
      'jsonl (default): one JSON object per detection with ruleId, title,\nlevel, author, tags, source ("builtin" or the rule file), eventIds\n(CloudTrail eventIDs: one for a plain rule, the group\'s for a\ncorrelation), firstTime, lastTime, and group (correlation group-by\nvalues, when any)\ncsv: the same columns (lists joined with ";"; formula-safe)',
  },
  stats: { type: 'boolean', help: 'one JSON line on stderr: events, files, loadMs, rules,\nrulesUnsupported, ruleSets (the downloaded sets run), detections,\ndetectMs' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} as const satisfies OptionTable

export interface DetectCliOptions {
  help: boolean
  inputs: string[]
  /** Rule folders (or files) given with --rules, in order. */
  ruleDirs: string[]
  builtinRules: boolean
  /** Whether the rule sets downloaded by "Update rules" run too (the desktop app's data folder). */
  downloadedRules: boolean
  minLevel: Level
  format: 'jsonl' | 'csv'
  stats: boolean
}

export type DetectArgsResult = DetectCliOptions | { usageError: string }

const usageError = (message: string): { usageError: string } => ({ usageError: `${message}\nRun "ashiato detect --help" for usage.` })

export function parseDetectArgs(argv: readonly string[]): DetectArgsResult {
  let parsed
  try {
    parsed = parseOptions(DETECT_OPTIONS, argv)
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const defaults: DetectCliOptions = { help: false, inputs: [], ruleDirs: [], builtinRules: true, downloadedRules: true, minLevel: 'informational', format: 'jsonl', stats: false }
  if (values.help) return { ...defaults, help: true }
  if (positionals.length === 0) return usageError('No input: give one or more files, folders or s3:// URLs.')
  for (const input of positionals) {
    if (!isS3Url(input)) continue
    const url = parseS3Url(input)
    if (!url.ok) return usageError(url.error)
  }
  const minLevel = (values['min-level'] ?? 'informational').toLowerCase()
  if (!(LEVELS as readonly string[]).includes(minLevel)) return usageError(`--min-level must be one of ${LEVELS.join(', ')}, not "${values['min-level']}"`)
  const format = (values.format ?? 'jsonl').toLowerCase()
  if (format !== 'jsonl' && format !== 'csv') return usageError(`--format must be jsonl or csv, not "${values.format}"`)
  const ruleDirs = values.rules ?? []
  if (ruleDirs.some((d) => d === '')) return usageError('--rules needs a folder')
  const builtinRules = values['no-builtin-rules'] !== true
  const downloadedRules = values['no-downloaded-rules'] !== true
  // With the downloaded sets on, whether any rule is left is known only when their folder is read.
  if (!builtinRules && !downloadedRules && ruleDirs.length === 0) return usageError('--no-builtin-rules with --no-downloaded-rules leaves no rules: add --rules DIR')
  return { ...defaults, inputs: positionals, ruleDirs, builtinRules, downloadedRules, minLevel: minLevel as Level, format, stats: values.stats === true }
}

export const DETECT_USAGE = `Usage: ashiato detect [options] PATH...

Runs Sigma rules (CloudTrail: logsource product aws, service cloudtrail) over the events of
PATH (files, folders, s3://BUCKET/PREFIX as for "ashiato") and prints one detection per line,
oldest first.

Rules
${optionHelp(DETECT_OPTIONS, ['rules', 'no-builtin-rules', 'no-downloaded-rules', 'min-level'], 26)}

Output
${optionHelp(DETECT_OPTIONS, ['format', 'stats', 'help'], 26)}

Rules that cannot be evaluated are listed on stderr with the reason (never skipped silently).
The rules' authors are printed with every detection, as the Detection Rule License asks.

Exit status: as for "ashiato": 0 when every input was read; 1 when some could not be (their
problems on stderr, the detections of what was read still printed); 2 for a usage error or a
rule folder that cannot be read; 130 when interrupted.`
