// What an S3 credentials failure says it is missing: which problem it is (no credentials at all,
// an expired SSO session, credentials AWS rejected), and for "none found", what the SDK's chain
// tried, with this machine's real file paths, so the fix is in the sentence ("run `aws sso login
// --profile X` or set AWS_ACCESS_KEY_ID…") rather than "Could not load credentials from any providers".
import { defaultConfigPaths } from './aws-profiles'

export type CredentialProblem = 'missing' | 'expired' | 'rejected'

/** The start of the English reason for "no credentials found" (s3-errors.ts writes it, s3CallError reads it). */
export const NO_CREDENTIALS = 'No AWS credentials found'

/** The SDK's words when every source of its chain came back empty. */
const NOTHING_FOUND = /could not load credentials from any providers|could not be found|unable to (find|load)|no credentials/i

export function isNothingFound(sdkMessage: string): boolean {
  return NOTHING_FOUND.test(sdkMessage)
}

/**
 * The sources fromNodeProviderChain tries, as this process would: the environment variables only
 * without a named profile (the SDK skips them when one is named), the shared files at their real
 * paths, and container / instance metadata unless AWS_EC2_METADATA_DISABLED turns it off.
 */
export function credentialsTried(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const { configFile, credentialsFile } = defaultConfigPaths(env)
  const tried: string[] = []
  if (!profile) tried.push('AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY')
  tried.push(credentialsFile, `${configFile} (SSO, credential_process, role_arn, web identity)`)
  tried.push(env.AWS_EC2_METADATA_DISABLED === 'true' ? 'ECS container metadata' : 'ECS container / EC2 instance metadata')
  return tried.join(', ')
}

/** The problem behind an s3 failure of kind sso-expired or credentials, from its English reason. */
export function credentialProblem(kind: string, reason: string): CredentialProblem {
  if (kind === 'sso-expired') return 'expired'
  return reason.startsWith(NO_CREDENTIALS) ? 'missing' : 'rejected'
}
