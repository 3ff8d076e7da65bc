// `ashiato dossier PRINCIPAL PATH...`: loads the inputs and prints one principal's dossier as one
// JSON object (common/identity.ts Dossier). Parsing is pure and unit-tested like cli-args.ts;
// problems with inputs are reported on stderr as the main command does.

import { EventStore } from '../store/event-store'
import { loadInto } from '../loader/load-files'
import { isS3Url } from '../s3/cli-options'
import { dossierOf } from '../identity/dossier'
import { identityIndexOf } from '../identity/identity-index'
import { parsePrincipal } from '../identity/principal-events'
import { EXIT_INPUT_PROBLEM, EXIT_INTERRUPTED, EXIT_OK, type CliIo } from './cli-run'
import type { PrincipalRef } from '../../common/identity'
import { optionHelp, parseOptions, type OptionTable } from './option-table'

/** Every option of `ashiato dossier`, parsed and documented from this one table. */
export const DOSSIER_OPTIONS = {
  pretty: { type: 'boolean', help: 'indent the JSON' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} as const satisfies OptionTable

export const DOSSIER_USAGE = `Usage: ashiato dossier [options] PRINCIPAL PATH...

Prints what PRINCIPAL did in the CloudTrail logs at PATH... as one JSON object: principal,
firstSeen, lastSeen, events, errors, apis [{name, source, count, errors}], sourceIps,
userAgents, regions, accounts, accessKeys (each [{value, count, firstSeen}]), assumedRoles,
assumedBy, flags [{kind, subject, detail, at}].

PRINCIPAL is an access key (AKIA..., ASIA...), a source IP, an IAM user, role or assumed-role
ARN, a name (an IAM user name, a session name), or KIND:VALUE with KIND one of iamUser, role,
roleSession, identityCenterUser, accessKey, sourceIp, name (role:Admin, identityCenterUser:dana).

Options
${optionHelp(DOSSIER_OPTIONS)}

Exit status: 0 when every input was read, 1 when some could not be (the dossier covers the
rest; each problem is on stderr), 2 for a usage error, 130 when interrupted.`

export interface DossierOptions {
  help: boolean
  principal: PrincipalRef
  inputs: string[]
  pretty: boolean
}

export function parseDossierArgs(argv: readonly string[]): DossierOptions | { usageError: string } {
  let parsed
  try {
    parsed = parseOptions(DOSSIER_OPTIONS, argv)
  } catch (error) {
    return { usageError: `${error instanceof Error ? error.message : String(error)}\nRun "ashiato dossier --help" for usage.` }
  }
  const { values, positionals } = parsed
  const help = values.help === true
  if (help) return { help, principal: { kind: 'name', id: '' }, inputs: [], pretty: false }
  const [principal, ...inputs] = positionals
  if (!principal || principal.trim() === '') return { usageError: 'dossier: give a PRINCIPAL, then one or more files or folders.\nRun "ashiato dossier --help" for usage.' }
  if (inputs.length === 0) return { usageError: 'dossier: no input: give one or more files or folders after the principal.\nRun "ashiato dossier --help" for usage.' }
  const s3 = inputs.find(isS3Url)
  if (s3) return { usageError: `dossier: ${s3}: s3:// inputs are read by the main command only; download first (ashiato -o FILE.json.gz s3://...).` }
  return { help, principal: parsePrincipal(principal), inputs, pretty: values.pretty === true }
}

export async function runDossier(options: DossierOptions, io: CliIo): Promise<number> {
  const store = new EventStore()
  let problems = 0
  await loadInto(store, options.inputs.map((path) => ({ path })), { workerPath: io.workerPath, signal: io.signal }, {
    onFileReport: (report) => {
      if (report.kind === 'error' || report.reason) {
        problems++
        io.stderr.write(`ashiato: ${report.file}: ${report.reason}\n`)
      }
    },
  })
  if (io.signal?.aborted) return EXIT_INTERRUPTED
  // Every event's user agent: the CLI prints the whole dossier, however long it takes (so the
  // count of events read, which the viewer shows when it is fewer, is left out: the fields).
  const { userAgentEvents: _all, ...dossier } = dossierOf(store, identityIndexOf(store), options.principal, undefined, Infinity)
  io.stdout.write(`${JSON.stringify(dossier, null, options.pretty ? 2 : undefined)}\n`)
  return problems > 0 ? EXIT_INPUT_PROBLEM : EXIT_OK
}
