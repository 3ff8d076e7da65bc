// A command's options as one table: each option's spelling, type, short letter, default and the
// line --help prints for it. node:util parseArgs reads the command line from the table, and the
// option lines of every --help text are written from it, so an option cannot be parsed without
// being documented, or documented under another spelling. Used by every command line: ashiato,
// ashiato detect / validate / dossier, and ashiato-serve (main/web/serve-args.ts).

import { parseArgs } from 'node:util'

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Repeatable: the values come as a list, in order. */
  multiple?: boolean
  /** The value's name in --help ("N", "DIR", "URL"); string options only. */
  value?: string
  /** What --help says: lines after the first continue under it. The default is written here. */
  help: string
}

export type OptionTable = Readonly<Record<string, OptionSpec>>

/** The values parseArgs returns for a table: strings, booleans, or lists of them when repeatable. */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]?: T[K]['multiple'] extends true ? (T[K]['type'] extends 'boolean' ? boolean[] : string[]) : T[K]['type'] extends 'boolean' ? boolean : string
}

export interface ParsedOptions<T extends OptionTable> {
  values: OptionValues<T>
  positionals: string[]
}

/**
 * Parses `argv` strictly (unknown options and missing values are errors; `--` ends the
 * options). Throws parseArgs' own error, whose message names the option and, for a value that
 * starts with '-', says to write --opt=-x.
 */
export function parseOptions<T extends OptionTable>(table: T, argv: readonly string[]): ParsedOptions<T> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {}
  for (const [name, spec] of Object.entries(table)) {
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }
  }
  const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  return { values: values as OptionValues<T>, positionals }
}

/**
 * The option a parseArgs error is about ("--port"), and whether it was unknown or lacked its
 * value, for commands that word these errors themselves.
 */
export function optionError(error: unknown): { kind: 'unknown' | 'missing-value'; option: string } | null {
  if (!(error instanceof Error)) return null
  const code = (error as NodeJS.ErrnoException).code
  const option = /'(-[^' ]+)/.exec(error.message)?.[1]
  if (option === undefined) return null
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { kind: 'unknown', option }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { kind: 'missing-value', option }
  return null
}

/**
 * The --help lines of the table's options (all of them, or `names` in that order):
 * "  -f, --format FORMAT   jsonl (default): ..." with continuation lines aligned under the text.
 */
export function optionHelp<T extends OptionTable>(table: T, names: readonly (keyof T & string)[] = Object.keys(table), column = 24): string {
  const lines: string[] = []
  for (const name of names) {
    const spec = table[name]
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`
    const [first, ...rest] = spec.help.split('\n')
    const head = `  ${flag}`
    lines.push(head.length + 2 <= column ? `${head.padEnd(column)}${first}` : `${head}\n${' '.repeat(column)}${first}`)
    for (const line of rest) lines.push(`${' '.repeat(column)}${line}`)
  }
  return lines.join('\n')
}
