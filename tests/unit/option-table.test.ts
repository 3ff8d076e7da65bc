// Each command's options are one table: parsing and --help come from it, so every option that
// parses is documented under its own spelling, and the S3 options are read from parsed values
// (no longer turned back into "--flag=value" strings for a second parser).
import { describe, expect, it } from 'vitest'
import { optionError, optionHelp, parseOptions, type OptionTable } from '../../main/cli/option-table'
import { CLI_OPTIONS, parseCliArgs } from '../../main/cli/cli-args'
import { DETECT_OPTIONS, DETECT_USAGE } from '../../main/cli/detect-args'
import { DOSSIER_OPTIONS, DOSSIER_USAGE } from '../../main/cli/cli-dossier'
import { parseValidateArgs, VALIDATE_OPTIONS, VALIDATE_USAGE } from '../../main/cli/validate-args'
import { parseServeArgs, SERVE_OPTIONS, USAGE as SERVE_USAGE } from '../../main/web/serve-args'
import { runCli } from './helpers/run-cli'

const NOW = Date.UTC(2024, 2, 12)

/** The built CLI's own --help (cli.ts picks the table's options section by section). */
const cliHelp = runCli(['--help']).stdout

describe('option tables', () => {
  const commands: [string, OptionTable, string][] = [
    ['ashiato', CLI_OPTIONS, cliHelp],
    ['detect', DETECT_OPTIONS, DETECT_USAGE],
    ['dossier', DOSSIER_OPTIONS, DOSSIER_USAGE],
    ['validate', VALIDATE_OPTIONS, VALIDATE_USAGE],
    ['serve', SERVE_OPTIONS, SERVE_USAGE],
  ]

  it('--help names every option of the table, with its short letter and value', () => {
    for (const [command, table, usage] of commands) {
      for (const [name, spec] of Object.entries(table)) {
        const flag = `--${name}${spec.value ? ` ${spec.value}` : ''}`
        expect(usage, `${command} ${flag}`).toContain(flag)
        if (spec.short) expect(usage, `${command} -${spec.short}`).toContain(`-${spec.short}, --${name}`)
      }
    }
  })

  it('lays help out in two columns, long flags on a line of their own', () => {
    const table = {
      a: { type: 'boolean', short: 'a', help: 'first line\nsecond line' },
      'a-very-long-option-name': { type: 'string', value: 'VALUE', help: 'below' },
    } as const satisfies OptionTable
    expect(optionHelp(table, undefined, 16)).toBe(['  -a, --a       first line', '                second line', '      --a-very-long-option-name VALUE', '                below'].join('\n'))
  })

  it('parses strictly, and says which option an error is about', () => {
    const table = { port: { type: 'string', help: 'p' }, rules: { type: 'string', multiple: true, help: 'r' } } as const satisfies OptionTable
    expect(parseOptions(table, ['--port=1', '--rules', 'a', '--rules', 'b', 'x', '--', '--port'])).toEqual({ values: { port: '1', rules: ['a', 'b'] }, positionals: ['x', '--port'] })
    const caught = (args: string[]) => {
      try {
        parseOptions(table, args)
      } catch (error) {
        return optionError(error)
      }
      return null
    }
    expect(caught(['--verbose'])).toEqual({ kind: 'unknown', option: '--verbose' })
    expect(caught(['-x'])).toEqual({ kind: 'unknown', option: '-x' })
    expect(caught(['--port'])).toEqual({ kind: 'missing-value', option: '--port' })
    expect(caught(['--port', '--rules', 'a'])).toEqual({ kind: 'missing-value', option: '--port' })
    expect(optionError(new Error('something else'))).toBeNull()
  })
})

describe('S3 options read from parsed values', () => {
  it('gives the CLI and validate the same checks and messages', () => {
    const cli = parseCliArgs(['--region', 'europe', 's3://trail/'], NOW)
    const validate = parseValidateArgs(['--region', 'europe', 's3://trail/'], NOW)
    for (const result of [cli, validate]) expect(result).toMatchObject({ usageError: expect.stringContaining('Not an AWS region: "europe"') })
    expect(parseCliArgs(['--profile=', 'a.json'], NOW)).toMatchObject({ usageError: expect.stringContaining('--profile needs a value') })
    expect(parseValidateArgs(['--from', '7d', '--to', 'now', '--concurrency', '8', 's3://trail/'], NOW)).toMatchObject({ from: NOW - 7 * 86_400_000, to: NOW, s3: { concurrency: 8 } })
  })

  it('keeps --allow-plain-http out of validate, which never took it', () => {
    expect(parseValidateArgs(['--allow-plain-http', 'logs/'], NOW)).toMatchObject({ usageError: expect.stringContaining("Unknown option '--allow-plain-http'") })
  })
})

describe('serve', () => {
  it('reads repeated --rules, "-" as a path, and words its errors as before', () => {
    expect(parseServeArgs(['--rules', 'a', '--rules=b', '-', 'logs/'])).toMatchObject({ rules: ['a', 'b'], paths: ['-', 'logs/'] })
    expect(() => parseServeArgs(['--port', '--rules', 'a'])).toThrow('--port needs a number from 0 to 65535, got ""')
    expect(() => parseServeArgs(['--rules'])).toThrow('--rules needs a folder')
    expect(() => parseServeArgs(['--cache-dir='])).toThrow('--cache-dir needs a folder')
    expect(() => parseServeArgs(['--max-upload', '8 parsecs'])).toThrow('--max-upload needs a size such as 8GiB or 500MB, got "8 parsecs"')
    expect(() => parseServeArgs(['--endpoint-url', 'ftp://x'])).toThrow('--endpoint-url needs an http:// or https:// URL, got "ftp://x"')
    expect(() => parseServeArgs(['-x'])).toThrow('unknown option -x')
  })
})
