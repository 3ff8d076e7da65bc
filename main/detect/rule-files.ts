// Rule folders on disk: every .yml/.yaml file under a folder (a clone of SigmaHQ or Suzaku's
// rules), read as text. Unreadable files are reported, not skipped silently.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { RuleText } from './rule-set'

/** A rule file larger than this is refused (a rule is a few KB; this bounds a hostile folder). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024

export interface RuleFolderRead {
  files: RuleText[]
  problems: { file: string; reason: string }[]
}

export function readRuleFolders(folders: readonly string[]): RuleFolderRead {
  const files: RuleText[] = []
  const problems: RuleFolderRead['problems'] = []
  const visit = (p: string, depth: number): void => {
    let stat
    try {
      stat = statSync(p)
    } catch (error) {
      problems.push({ file: p, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message })
      return
    }
    if (stat.isDirectory()) {
      if (depth > 16) return
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue
        const child = path.join(p, name)
        if (/\.ya?ml$/i.test(name) || statSync(child).isDirectory()) visit(child, depth + 1)
      }
    } else if (stat.size > MAX_RULE_FILE_BYTES) {
      problems.push({ file: p, reason: `rule file larger than ${MAX_RULE_FILE_BYTES} bytes` })
    } else {
      files.push({ text: readFileSync(p, 'utf8'), source: p })
    }
  }
  for (const folder of folders) visit(folder, 0)
  return { files, problems }
}
