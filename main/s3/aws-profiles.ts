// The AWS profiles a user can pick, read from the standard shared files (~/.aws/config and
// ~/.aws/credentials, or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Only names, regions and
// how each profile gets its credentials are returned: secrets are never read into the result.
// Getting the credentials themselves is the SDK's default chain (fromNodeProviderChain).

import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseKnownFiles } from '@smithy/shared-ini-file-loader'

type ParsedIniData = Awaited<ReturnType<typeof parseKnownFiles>>

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

function kindOf(props: Partial<Record<string, string>>): ProfileCredentialKind {
  if (props.sso_start_url || props.sso_session || props.sso_account_id) return 'sso'
  if (props.role_arn && props.web_identity_token_file) return 'web-identity'
  if (props.role_arn) return 'assume-role'
  if (props.credential_process) return 'process'
  if (props.aws_access_key_id) return 'keys'
  return 'other'
}

// Sections of the config file that are not profiles; the SDK's reader keys them "sso-session.x"
// and "services.x" (and strips "profile " from the others).
const NOT_PROFILES = /^(?:sso-session|services)\./

/** Profiles from the SDK's merged reading of both files, `[default]` first, then by name. */
export function profilesFromIni(data: ParsedIniData): AwsProfileInfo[] {
  return Object.entries(data)
    .filter(([name]) => !NOT_PROFILES.test(name))
    .map(([name, props]) => {
      const kind = kindOf(props)
      return { name, region: props.region || undefined, sso: kind === 'sso', kind }
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)))
}

/**
 * The profiles a user can choose from, read by the SDK's own shared-file reader (the same one
 * that later resolves the chosen profile's credentials, so both agree on what a file says); a
 * missing file contributes nothing. Read afresh each time: the user may have just run
 * `aws configure`.
 */
export async function listProfiles(paths: Partial<AwsConfigPaths> = {}): Promise<AwsProfileInfo[]> {
  const { configFile, credentialsFile } = { ...defaultConfigPaths(), ...paths }
  return profilesFromIni(await parseKnownFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true }))
}

/** The region a profile names, or the environment's, as the SDK would pick it (env first). */
export function regionFor(profile: AwsProfileInfo | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_REGION || profile?.region || env.AWS_DEFAULT_REGION || undefined
}
