// `ashiato update-rules [--dir DIR]`: the desktop app's "Update rules" from a terminal. Downloads
// SigmaHQ's and Suzaku's CloudTrail rule sets (main/rules/) into DIR/rules/ — by default the
// desktop app's own data folder, so the app runs them at its next start — and prints one line
// per set. The previous sets stay when a download fails (exit status 1).

import os from 'node:os'
import path from 'node:path'
import { optionHelp, parseOptions, type OptionTable } from './option-table'
import { ruleSetsDir, updateRuleSets } from '../rules/rules-update'
import type { RuleSetRecord, RuleSource } from '../rules/rule-sources'
import { escapeControls } from '../../common/control-chars'

export const UPDATE_RULES_OPTIONS = {
  dir: { type: 'string', short: 'd', value: 'DIR', help: "the data folder the sets go to (DIR/rules/); default: the desktop\napp's own (ASHIATO_USER_DATA_DIR when set)" },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} as const satisfies OptionTable

export const UPDATE_RULES_USAGE = `Usage: ashiato update-rules [--dir DIR]

Downloads the current AWS CloudTrail rules of SigmaHQ (github.com/SigmaHQ/sigma) and Suzaku
(github.com/Yamato-Security/suzaku-rules), both under the Detection Rule License 1.1 (kept
beside them as LICENSE), over https. The desktop app runs them with its built-in rules.

${optionHelp(UPDATE_RULES_OPTIONS)}

Exit status: 0 when every set was updated, 1 when one could not be (the previous copy stays),
2 for a usage error.`

/** The desktop app's userData folder (Electron's appData + productName), where it looks for the sets. */
export function desktopDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.ASHIATO_USER_DATA_DIR) return env.ASHIATO_USER_DATA_DIR
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Ashiato')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Ashiato')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Ashiato')
}

export function parseUpdateRulesArgs(argv: readonly string[]): { dataDir: string; help: boolean } | { usageError: string } {
  const usageError = (message: string) => ({ usageError: `${message}\nRun "ashiato update-rules --help" for usage.` })
  let parsed
  try {
    parsed = parseOptions(UPDATE_RULES_OPTIONS, argv)
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  if (parsed.positionals.length > 0) return usageError(`Unexpected argument: ${parsed.positionals[0]}`)
  if (parsed.values.dir === '') return usageError('--dir needs a folder')
  return { dataDir: path.resolve(parsed.values.dir ?? desktopDataDir()), help: parsed.values.help === true }
}

/** Runs the command; resolves with the exit status. */
export async function updateRulesMain(argv: readonly string[]): Promise<number> {
  const args = parseUpdateRulesArgs(argv)
  if ('usageError' in args) {
    process.stderr.write(`ashiato: ${args.usageError}\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(`${UPDATE_RULES_USAGE}\n`)
    return 0
  }
  // The same loop as "Update rules" in the app (every set tried, the first failure thrown at the end).
  const report = (source: RuleSource, outcome: { record: RuleSetRecord } | { error: unknown }): void => {
    if ('record' in outcome) {
      const set = outcome.record
      process.stdout.write(`${set.name}: ${set.files} rule files (${set.licence}, rules by their authors — see LICENSE) from ${set.home} into ${path.join(ruleSetsDir(args.dataDir), set.id)}\n`)
    } else process.stderr.write(`ashiato: ${source.name}: ${escapeControls(outcome.error instanceof Error ? outcome.error.message : String(outcome.error))}\n`)
  }
  return updateRuleSets({ dataDir: args.dataDir }, undefined, report).then(() => 0, () => 1)
}
