// The AWS profiles a user can pick, read from the standard shared files (~/.aws/config and
// ~/.aws/credentials, or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Only names, regions and
// how each profile gets its credentials are returned: secrets are never read into the result.
// Getting the credentials themselves is the SDK's default chain (fromNodeProviderChain).

import { homedir } from 'node:os'
import { join } from 'node:path'
import { readFile as fsReadFile } from 'node:fs/promises'

export interface AwsConfigPaths {
  configFile: string
  credentialsFile: string
}

export type ProfileCredentialKind = 'sso' | 'assume-role' | 'process' | 'web-identity' | 'keys' | 'other'

export interface AwsProfileInfo {
  name: string
  region?: string
  /** An IAM Identity Center profile: `aws sso login --profile NAME` renews its session. */
  sso: boolean
  kind: ProfileCredentialKind
}

/** The files the SDK itself reads, honouring the same environment variables. */
export function defaultConfigPaths(env: NodeJS.ProcessEnv = process.env, home = env.HOME || env.USERPROFILE || homedir()): AwsConfigPaths {
  return {
    configFile: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  }
}

/** A minimal INI reader in the AWS flavour: [section], key = value, # and ; comments. */
export function parseIni(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>()
  let current: Record<string, string> | undefined
  for (const raw of text.split(/\r?\n/)) {
    // Indented lines continue a nested property (e.g. "s3 =\n  max_concurrent_requests = 20"):
    // nothing in them matters for choosing a profile.
    if (/^\s/.test(raw) && current && raw.trim()) continue
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const section = /^\[\s*([^\]]+?)\s*\]/.exec(line)
    if (section) {
      current = sections.get(section[1]) ?? {}
      sections.set(section[1], current)
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0 && current) current[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).replace(/\s[#;].*$/, '').trim()
  }
  return sections
}

function kindOf(props: Record<string, string>): ProfileCredentialKind {
  if (props.sso_start_url || props.sso_session || props.sso_account_id) return 'sso'
  if (props.role_arn && props.web_identity_token_file) return 'web-identity'
  if (props.role_arn) return 'assume-role'
  if (props.credential_process) return 'process'
  if (props.aws_access_key_id) return 'keys'
  return 'other'
}

/** Profiles from the two files' text: config sections are "[profile x]" (or "[default]"), credentials are "[x]". */
export function profilesFromIni(configText: string, credentialsText: string): AwsProfileInfo[] {
  const merged = new Map<string, Record<string, string>>()
  for (const [section, props] of parseIni(credentialsText)) merged.set(section, { ...props })
  for (const [section, props] of parseIni(configText)) {
    const m = /^profile\s+(.+)$/.exec(section)
    const name = m ? m[1].trim() : section === 'default' ? 'default' : undefined
    // Other config sections ([sso-session x], [services x]) are not profiles.
    if (name) merged.set(name, { ...merged.get(name), ...props })
  }
  return [...merged]
    .map(([name, props]) => {
      const kind = kindOf(props)
      return { name, region: props.region || undefined, sso: kind === 'sso', kind }
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)))
}

/** The profiles a user can choose from; a missing file just contributes nothing. */
export async function listProfiles(
  paths: Partial<AwsConfigPaths> = {},
  readFile: (path: string) => Promise<string> = (p) => fsReadFile(p, 'utf8'),
): Promise<AwsProfileInfo[]> {
  const { configFile, credentialsFile } = { ...defaultConfigPaths(), ...paths }
  const read = (p: string) =>
    readFile(p).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return ''
      throw err
    })
  const [config, credentials] = await Promise.all([read(configFile), read(credentialsFile)])
  return profilesFromIni(config, credentials)
}

/** The region a profile names, or the environment's, as the SDK would pick it (env first). */
export function regionFor(profile: AwsProfileInfo | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_REGION || profile?.region || env.AWS_DEFAULT_REGION || undefined
}
