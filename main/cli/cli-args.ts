// The command line, parsed into options or a usage error. Pure (no exit, no environment, no I/O;
// the clock is a parameter) so every rule is unit-tested; cli.ts prints the error and exits 2.

import { ROW_COLUMNS, type RowColumn } from '../../common/event-row'
import { parseS3Url, isS3Url, s3OptionsFromValues, S3_OPTIONS, type S3CliOptions } from '../s3/cli-options'
import { parseOptions, type OptionTable } from './option-table'
import type { ExportFormat } from '../export/encode-events'
import { escapeControls } from '../../common/control-chars'

export interface CliOptions {
  help: boolean
  version: boolean
  /** Files, folders and s3://bucket/prefix URLs, in the order given. */
  inputs: string[]
  /** Print only the number of matching events. */
  count: boolean
  format: ExportFormat
  /** Write here (atomically; gzipped when it ends in .gz) instead of to stdout ('-' is stdout). */
  out?: string
  query?: string
  /** eventTime range, ms: from inclusive, to exclusive. */
  from?: number
  to?: number
  /** One JSON line of load and query statistics on stderr. */
  stats: boolean
  /** Output order: oldest first unless this is set. */
  newestFirst: boolean
  /** CSV columns after the console's twelve. */
  columns: RowColumn[]
  /** Connection options for s3:// inputs (profile, region, endpoint, concurrency). */
  s3: Omit<S3CliOptions, 'from' | 'to'>
  /** Where downloaded S3 objects are kept (default: the user's cache folder). */
  cacheDir?: string
  /** Per-file limit on a file's JSON, inflated or not (--max-file-size; default: the loader's). */
  maxFileBytes?: number
}

export type CliArgsResult = CliOptions | { usageError: string }

const FORMATS: ReadonlyMap<string, ExportFormat> = new Map([['jsonl', 'jsonl'], ['json', 'records'], ['records', 'records'], ['csv', 'csv']])

// The message quotes the arguments (file names among them): their control characters are escaped.
const usageError = (message: string): { usageError: string } => ({ usageError: `${escapeControls(message)}\nRun "ashiato --help" for usage.` })

function parseColumns(text: string): RowColumn[] | string {
  const columns: RowColumn[] = []
  for (const name of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const column = ROW_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase())
    if (!column) return `--columns: unknown column "${name}" (one of ${ROW_COLUMNS.join(', ')})`
    columns.push(column)
  }
  return columns
}

/** Every option of `ashiato`, parsed and documented (cli.ts's --help) from this one table. */
export const CLI_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: 'this text' },
  version: { type: 'boolean', short: 'V', help: 'the version' },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    help: 'jsonl (default): one event per line, its original JSON text\njson: {"Records":[...]}, the CloudTrail file format (jq, Athena, Ashiato)\ncsv: the console\'s Event history columns (formula-safe)',
  },
  columns: { type: 'string', value: 'A,B', help: 'csv: extra columns after the console\'s (account, identityType, eventType...)' },
  out: {
    type: 'string',
    short: 'o',
    value: 'FILE',
    help: 'write FILE atomically instead of stdout (nothing is left behind if the\nrun fails or is interrupted); FILE ending in .gz is gzipped',
  },
  count: { type: 'boolean', short: 'c', help: 'print only the number of matching events' },
  'newest-first': { type: 'boolean', help: 'the exact reverse of the default order (newest first)' },
  stats: {
    type: 'boolean',
    help: 'one JSON line on stderr: events, files, digests, duplicates, idCollisions,\nnoTime (events without a zoned ISO 8601 eventTime), badFiles, loadMs,\nand matched / queryMs when filtering',
  },
  query: {
    type: 'string',
    short: 'q',
    value: 'QUERY',
    help: "the filter bar's language, e.g. 'event:Delete* -error:*' or\n'user:alice and source:s3.amazonaws.com' (a query starting with '-':\n--query=-error:*)",
  },
  ...S3_OPTIONS,
  from: { type: 'string', value: 'TIME', help: 'eventTime at or after TIME: 2024-03-10, 2024-03-10T12:00Z, 7d, 12h, 30m' },
  to: {
    type: 'string',
    value: 'TIME',
    help: 'eventTime before TIME (a date alone is midnight UTC, so it is excluded)\nFor s3:// inputs, --from/--to also choose what is downloaded\n(default: the last 24 hours).',
  },
  'cache-dir': {
    type: 'string',
    value: 'DIR',
    help: 'where downloaded objects are kept (default: $ASHIATO_CACHE_DIR, else\nthe user cache folder: ~/.cache/ashiato/s3 on Linux)',
  },
  'max-file-size': {
    type: 'string',
    value: 'SIZE',
    help: 'a file whose JSON (inflated, for .gz) is over SIZE is reported and\nskipped (default 512M; K, M, G suffixes, binary)',
  },
} as const satisfies OptionTable

/** `now` anchors relative times (--from 7d). */
export function parseCliArgs(argv: readonly string[], now: number = Date.now()): CliArgsResult {
  let parsed
  try {
    parsed = parseOptions(CLI_OPTIONS, argv)
  } catch (error) {
    // parseArgs' messages name the option and, for a value starting with '-', say to use --opt=-x.
    return usageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const base = { help: values.help === true, version: values.version === true }
  if (base.help || base.version) return { ...defaults(), ...base }

  if (positionals.length === 0) return usageError('No input: give one or more files, folders or s3:// URLs.')
  for (const input of positionals) {
    if (!isS3Url(input)) continue
    const url = parseS3Url(input)
    if (!url.ok) return usageError(url.error)
  }

  const format = FORMATS.get((values.format ?? 'jsonl').toLowerCase())
  if (!format) return usageError(`--format must be jsonl, json or csv, not "${values.format}"`)
  if (values.count && (values.out !== undefined || values.format !== undefined)) {
    return usageError('--count prints only a number: it cannot be combined with --out or --format')
  }
  if (values.out === '') return usageError('--out needs a file name')
  const columns = values.columns === undefined ? [] : parseColumns(values.columns)
  if (typeof columns === 'string') return usageError(columns)
  if (columns.length > 0 && format !== 'csv') return usageError('--columns applies to --format csv only')

  const maxFileBytes = values['max-file-size'] === undefined ? undefined : parseByteSize(values['max-file-size'])
  if (maxFileBytes === null) return usageError(`--max-file-size must be a size such as 512M, 2G or 1000000 (bytes), not "${values['max-file-size']}"`)

  const s3 = s3OptionsFromValues(values, now)
  if (!s3.ok) return usageError(s3.error)
  const { from, to, ...connection } = s3.value

  return {
    ...defaults(),
    inputs: positionals,
    count: values.count === true,
    format,
    // '-' is stdout, as in most tools.
    out: values.out === '-' ? undefined : values.out,
    query: values.query,
    from,
    to,
    stats: values.stats === true,
    newestFirst: values['newest-first'] === true,
    columns,
    s3: connection,
    cacheDir: values['cache-dir'],
    ...(maxFileBytes === undefined ? {} : { maxFileBytes }),
  }
}

const SIZE_UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }

/** A byte count: 1000000, 512M, 1.5G, 64MiB (binary units); null when not one or not positive. */
export function parseByteSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?$/i.exec(text.trim())
  if (!m) return null
  const bytes = Math.floor(Number(m[1]) * SIZE_UNITS[m[2].toUpperCase()])
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : null
}

function defaults(): CliOptions {
  return { help: false, version: false, inputs: [], count: false, format: 'jsonl', stats: false, newestFirst: false, columns: [], s3: {} }
}
