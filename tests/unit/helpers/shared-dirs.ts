// Where ../shared (public CloudTrail logs and Sigma rules, never copied into the repository) is:
// beside the repository, or where ASHIATO_SHARED points (a git worktree sits one level deeper).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const besideRepo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared')

export const SHARED = [process.env.ASHIATO_SHARED, besideRepo].find((dir): dir is string => !!dir && existsSync(dir)) ?? besideRepo
export const SHARED_SIGMA = path.join(SHARED, 'sigma')
export const SHARED_DATA_DIR = path.join(SHARED, 'data')

type Json = Record<string, unknown>

/** Every file below `dir`, in name order, folders walked depth first. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name)
      return statSync(file).isDirectory() ? filesUnder(file) : [file]
    })
}

/** Every event of every plain-JSON file under `dir` ({"Records": [...]}, an array, or one event), with its file. */
export function readEventsUnder(dir: string): { event: Json; file: string }[] {
  const out: { event: Json; file: string }[] = []
  const visit = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name))
      return
    }
    if (!/\.json(\.cloudtrail)?$/.test(p)) return
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(p, 'utf8'))
    } catch {
      return // concatenated or damaged files are the loader's tests' business
    }
    const records = Array.isArray(parsed) ? parsed : ((parsed as Json)?.Records ?? [parsed])
    if (!Array.isArray(records)) return
    for (const record of records) if (record && typeof record === 'object' && !Array.isArray(record)) out.push({ event: record as Json, file: p })
  }
  visit(dir)
  return out
}
