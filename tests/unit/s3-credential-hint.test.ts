// An S3 credentials failure names what is missing, where the SDK looked and what to do, in both
// languages: the real credential chain (@aws-sdk/credential-providers) over temporary AWS files
// with no keys, its error through describeS3Error and s3CallError, worded by callErrorText.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import { CallError } from '../../common/call-errors'
import { credentialsTried } from '../../main/s3/credential-hint'
import { describeS3Error, s3CallError, type ErrorContext } from '../../main/s3/s3-errors'
import { callErrorText } from '../../renderer/api/call-error-text'

const home = mkdtempSync(path.join(tmpdir(), 'ashiato-creds-'))
const configFile = path.join(home, '.aws', 'config')
const credentialsFile = path.join(home, '.aws', 'credentials')
const saved = { ...process.env }

beforeAll(() => {
  mkdirSync(path.join(home, '.aws'))
  writeFileSync(configFile, '[profile audit]\nregion = us-east-1\n')
  writeFileSync(credentialsFile, '')
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key]
  Object.assign(process.env, { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_EC2_METADATA_DISABLED: 'true' })
})

afterAll(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key]
  Object.assign(process.env, saved)
})

async function chainError(profile: string | undefined): Promise<unknown> {
  try {
    await fromNodeProviderChain({ profile })()
  } catch (error) {
    return error
  }
  throw new Error('the chain found credentials in an empty home')
}

/** The error the S3 dialog receives, as s3-service.ts builds it. */
async function dialogError(profile: string | undefined): Promise<CallError> {
  const ctx: ErrorContext = { action: 's3:ListAllMyBuckets', bucket: '', profile }
  const error = await chainError(profile)
  const failure = describeS3Error(error, ctx)
  return s3CallError(failure.kind, failure.reason, ctx, error) as CallError
}

describe('no credentials found', () => {
  it('names the profile, what was tried (the real paths) and the way out, in English and Japanese', async () => {
    const error = await dialogError('audit')
    expect(error).toBeInstanceOf(CallError)
    expect(error.code).toBe('s3-auth')
    expect(error.values).toMatchObject({ profile: 'audit', login: 'aws sso login --profile audit', problem: 'missing' })
    const en = callErrorText(error, 'en')
    expect(en).toContain('No AWS credentials found for the profile audit')
    expect(en).toContain(credentialsFile)
    expect(en).toContain(configFile)
    expect(en).toContain('run `aws sso login --profile audit`')
    expect(en).toContain('AWS_ACCESS_KEY_ID')
    const ja = callErrorText(error, 'ja')
    expect(ja).toContain('プロファイル audit の AWS 認証情報が見つかりません')
    expect(ja).toContain(credentialsFile)
    expect(ja).toContain('`aws sso login --profile audit`')
    // The CLI's English sentence says the same.
    expect(error.message).toContain(`tried: ${credentialsTried('audit')}`)
  })

  it('lists the environment variables only for the default chain (the SDK skips them for a named profile)', async () => {
    expect(credentialsTried('audit')).not.toContain('AWS_ACCESS_KEY_ID')
    expect(credentialsTried(undefined)).toMatch(/^AWS_ACCESS_KEY_ID \/ AWS_SECRET_ACCESS_KEY, /)
    expect(credentialsTried(undefined, { AWS_CONFIG_FILE: '/x/config', AWS_SHARED_CREDENTIALS_FILE: '/x/credentials' })).toContain('/x/credentials, /x/config')
    expect(credentialsTried('a', { HOME: '/h', AWS_EC2_METADATA_DISABLED: 'true' })).not.toContain('EC2')
    const error = await dialogError(undefined)
    expect(error.values).toMatchObject({ profile: 'default', login: 'aws sso login', problem: 'missing' })
    expect(callErrorText(error, 'en')).toContain('tried: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY')
  })

  it('an expired SSO session and rejected keys keep their own sentences', () => {
    const ctx: ErrorContext = { action: 's3:ListBucket', bucket: 'trail', profile: 'sso' }
    const expired = describeS3Error(Object.assign(new Error('The SSO session associated with this profile has expired.'), { name: 'CredentialsProviderError' }), ctx)
    const coded = s3CallError(expired.kind, expired.reason, ctx)
    expect(callErrorText(coded, 'en')).toBe('The SSO session of the profile sso has expired or is not signed in: run `aws sso login --profile sso` and try again.')
    const rejected = describeS3Error(Object.assign(new Error('bad key'), { name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } }), ctx)
    expect(callErrorText(s3CallError(rejected.kind, rejected.reason, ctx), 'en')).toContain('AWS did not accept the credentials of the profile sso')
  })
})
