// The published rule sets "Update rules" downloads (one table, so the URLs, the folder kept from
// each repository and the licence shown are written once), and the limits that bound a download.
// Tests point the service at their own https server through RulesUpdateOptions.sources; the
// renderer never names a URL.

import { readFileSync } from 'node:fs'
import type { DownloadedRuleSet } from '../../common/contract/detections'

export interface RuleSource {
  /** Folder name under <user data>/rules/, and the id the UI and progress use. */
  id: string
  /** What the panel calls it. */
  name: string
  /** The GitHub tarball of the branch (https only). */
  url: string
  /** The repository's page, shown beside the set (its authors and licence live there). */
  home: string
  /** Folders inside the repository whose .yml/.yaml files are kept (relative, ending with '/'). */
  paths: string[]
  licence: string
}

export const DRL_1_1 = 'Detection Rule License 1.1'

/**
 * SigmaHQ's CloudTrail rules, and Suzaku's own. Suzaku's `sigma/aws/cloudtrail/` is its copy of
 * the same SigmaHQ rules, so it is left out: both copies would report every SigmaHQ hit twice.
 */
export const RULE_SOURCES: readonly RuleSource[] = [
  {
    id: 'sigmahq',
    name: 'SigmaHQ',
    url: 'https://codeload.github.com/SigmaHQ/sigma/tar.gz/refs/heads/master',
    home: 'https://github.com/SigmaHQ/sigma',
    paths: ['rules/cloud/aws/cloudtrail/'],
    licence: DRL_1_1,
  },
  {
    id: 'suzaku',
    name: 'Suzaku',
    url: 'https://codeload.github.com/Yamato-Security/suzaku-rules/tar.gz/refs/heads/main',
    home: 'https://github.com/Yamato-Security/suzaku-rules',
    paths: ['suzaku/aws/cloudtrail/'],
    licence: DRL_1_1,
  },
]

/**
 * Bounds on one download (each named in the error that reports it). SigmaHQ's whole repository
 * is about 15 MB compressed; its CloudTrail folder a few hundred KB, Suzaku's a few MB.
 */
export const RULES_UPDATE_LIMITS = {
  /** Bytes of the tar.gz as it arrives. */
  compressedBytes: 100 * 1024 * 1024,
  /** Bytes of every entry of the archive, kept or not (a decompression bomb stops here). */
  archiveBytes: 1024 * 1024 * 1024,
  /** Bytes of the rule files and LICENSE kept. */
  extractedBytes: 64 * 1024 * 1024,
  /** Rule files kept from one source. */
  files: 5_000,
  /** One rule file (the same bound as a rule folder's, main/detect/rule-files.ts). */
  fileBytes: 1024 * 1024,
} as const

export type RulesUpdateLimit = keyof typeof RULES_UPDATE_LIMITS

/** What is written beside the rules (source.json) and shown in the panel (with the rules' folder). */
export type RuleSetRecord = Omit<DownloadedRuleSet, 'folder'>

export const SOURCE_FILE = 'source.json'

/**
 * End-to-end tests only: the sources (JSON) and the certificate authority (a PEM file) of the
 * test's own https server, handed to a server or app it starts. Still https only (checked at
 * each download); nothing a page can set.
 */
export function testRuleSources(env: NodeJS.ProcessEnv = process.env): { sources?: RuleSource[]; ca?: string } {
  const sources = env.ASHIATO_TEST_RULE_SOURCES ? (JSON.parse(env.ASHIATO_TEST_RULE_SOURCES) as RuleSource[]) : undefined
  // The id becomes a folder name (path.join, and a recursive rm of the set it replaces).
  const bad = sources?.find((s) => typeof s.id !== 'string' || !RULE_SOURCE_ID.test(s.id))
  if (bad) throw new Error(`ASHIATO_TEST_RULE_SOURCES: the id ${JSON.stringify(bad.id)} is not made of a-z, 0-9 and -`)
  const ca = env.ASHIATO_TEST_RULES_CA
  return { ...(sources ? { sources } : {}), ...(ca ? { ca: readFileSync(ca, 'utf8') } : {}) }
}

/** What a RuleSource.id may hold: it names a folder under <user data>/rules/. */
export const RULE_SOURCE_ID = /^[a-z0-9-]+$/
