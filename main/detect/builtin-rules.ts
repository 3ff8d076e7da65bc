// The built-in rule pack (assets/rules/*.yml, written by this project, `author: Ashiato`). The
// YAML files are the one source: the esbuild bundles (CLI, web mode, the packaged app) get them
// inlined at build time by scripts/build.mjs, which replaces this module's BUNDLED constant;
// tests and runs from sources read the folder.

import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type { RuleText } from './rule-set'

/** Replaced at build time with the pack's files ({ name, text }); null when running from sources. */
declare const __ASHIATO_BUILTIN_RULES__: { name: string; text: string }[] | undefined

export const BUILTIN_SOURCE = 'builtin'

function rulesFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'detect')
  const candidates = [path.resolve(here, '..', '..', 'assets', 'rules'), path.join(process.cwd(), 'assets', 'rules')]
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]
}

/** The pack's rule files; each one's source is 'builtin'. */
export function builtinRuleTexts(): RuleText[] {
  const bundled = typeof __ASHIATO_BUILTIN_RULES__ === 'undefined' ? undefined : __ASHIATO_BUILTIN_RULES__
  const files = bundled ?? readdirSync(rulesFolder()).filter((n) => /\.ya?ml$/.test(n)).sort().map((name) => ({ name, text: readFileSync(path.join(rulesFolder(), name), 'utf8') }))
  return files.map((f) => ({ text: f.text, source: BUILTIN_SOURCE }))
}
