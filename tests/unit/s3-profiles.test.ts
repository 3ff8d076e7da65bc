// Profiles offered to the user come from the shared config files: names, regions and how each
// gets its credentials, never the secrets themselves.

import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defaultConfigPaths, listProfiles, regionFor } from '../../main/s3/aws-profiles'

const CONFIG = `# company defaults
[default]
region = us-east-1

[profile audit]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = SecurityAudit
region = eu-west-1 ; frankfurt is elsewhere

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_account_id = 222222222222
sso_role_name = ReadOnly

[profile reader]
role_arn = arn:aws:iam::333333333333:role/TrailReader
source_profile = default
s3 =
  max_concurrent_requests = 20

[profile vault]
credential_process = /usr/local/bin/vault-aws
region = ap-northeast-1

[services local]
s3 =
  endpoint_url = http://localhost:9000

[not-a-profile]
region = us-west-2
`
const CREDENTIALS = `[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret-never-returned

[ci]
aws_access_key_id = AKIAEXAMPLE2
aws_secret_access_key = secret2
`

/** The two files, written for real: the SDK's reader is what reads them. */
function writeFiles(config: string, credentials: string): { configFile: string; credentialsFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-aws-'))
  const paths = { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') }
  writeFileSync(paths.configFile, config)
  writeFileSync(paths.credentialsFile, credentials)
  return paths
}

describe('profiles', () => {
  it('lists every profile of both files, with region and credential kind, and no secrets', async () => {
    const profiles = await listProfiles(writeFiles(CONFIG, CREDENTIALS))
    expect(profiles).toEqual([
      { name: 'default', region: 'us-east-1', sso: false, kind: 'keys' },
      { name: 'audit', region: 'eu-west-1', sso: true, kind: 'sso' },
      { name: 'ci', region: undefined, sso: false, kind: 'keys' },
      { name: 'legacy-sso', region: undefined, sso: true, kind: 'sso' },
      { name: 'reader', region: undefined, sso: false, kind: 'assume-role' },
      { name: 'vault', region: 'ap-northeast-1', sso: false, kind: 'process' },
    ])
    expect(JSON.stringify(profiles)).not.toMatch(/secret|AKIA/)
  })

  it('reads an edit made after the first listing (the SDK caches files unless told not to)', async () => {
    const paths = writeFiles('[profile one]\nregion = us-east-1\n', '')
    expect((await listProfiles(paths)).map((p) => p.name)).toEqual(['one'])
    writeFileSync(paths.configFile, '[profile one]\nregion = us-east-1\n[profile two]\nregion = eu-west-1 # comment\n')
    expect(await listProfiles(paths)).toEqual([
      { name: 'one', region: 'us-east-1', sso: false, kind: 'other' },
      { name: 'two', region: 'eu-west-1', sso: false, kind: 'other' },
    ])
  })

  it('a hostile section name pollutes nothing: the SDK drops that file whole, and so does the list', async () => {
    const paths = writeFiles('[profile __proto__]\npolluted = yes\n[profile ok]\nregion = us-east-1\n', '[ci]\naws_access_key_id = AKIAEXAMPLE\n')
    expect(await listProfiles(paths)).toEqual([{ name: 'ci', region: undefined, sso: false, kind: 'keys' }])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads the files named by the environment, and tolerates missing ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-aws-'))
    writeFileSync(path.join(dir, 'config'), CONFIG)
    const env = { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'nope') }
    expect(defaultConfigPaths(env, '/home/x')).toEqual({ configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'nope') })
    expect(defaultConfigPaths({}, '/home/x')).toEqual({ configFile: '/home/x/.aws/config', credentialsFile: '/home/x/.aws/credentials' })
    const profiles = await listProfiles(defaultConfigPaths(env))
    expect(profiles.map((p) => p.name)).toEqual(['default', 'audit', 'legacy-sso', 'reader', 'vault'])
  })

  it('picks the region as the SDK does: AWS_REGION first', () => {
    expect(regionFor({ name: 'a', region: 'eu-west-1', sso: false, kind: 'keys' }, {})).toBe('eu-west-1')
    expect(regionFor({ name: 'a', region: 'eu-west-1', sso: false, kind: 'keys' }, { AWS_REGION: 'us-west-2' })).toBe('us-west-2')
    expect(regionFor(undefined, {})).toBeUndefined()
  })
})
