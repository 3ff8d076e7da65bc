// What the S3 specs share (s3.spec.ts, s3-integrity.spec.ts, laptop-s3.spec.ts): a web server
// whose AWS configuration comes from temporary files, with none of this machine's AWS_* variables
// (a developer's real credentials must never reach a test), and the S3 dialog opened, in English
// or in Japanese, with its profile, endpoint and bucket filled in.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { StartOptions } from './fixtures'

export interface AwsHome {
  /** A temporary HOME, with .aws/config and .aws/credentials. */
  home: string
  configFile: string
  credentialsFile: string
}

/** A temporary HOME whose .aws files hold these texts. */
export function awsHome(config: string, credentials: string): AwsHome {
  const home = mkdtempSync(path.join(tmpdir(), 'ashiato-e2e-aws-'))
  mkdirSync(path.join(home, '.aws'))
  const configFile = path.join(home, '.aws', 'config')
  const credentialsFile = path.join(home, '.aws', 'credentials')
  writeFileSync(configFile, config)
  writeFileSync(credentialsFile, credentials)
  return { home, configFile, credentialsFile }
}

/**
 * The server's start: the home's AWS files and an S3 cache folder, none of this machine's AWS_*
 * variables (set to undefined: removed), no instance metadata; and the S3 endpoint, which web
 * mode takes only from its command line.
 */
export function awsServer(aws: AwsHome, cacheDir: string, endpoint: string): StartOptions {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('AWS_')).map((k) => [k, undefined]))
  Object.assign(env, {
    HOME: aws.home,
    AWS_CONFIG_FILE: aws.configFile,
    AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    ASHIATO_CACHE_DIR: cacheDir,
  })
  return { env, args: ['--endpoint-url', endpoint] }
}

export interface DialogFill {
  /** Switch the page to Japanese first. */
  language?: 'ja'
  profile?: string
  endpoint?: string
  bucket?: string
}

/** Opens File ▸ Open from S3 (in Japanese when asked) and fills in what is given; the dialog. */
export async function openS3Dialog(page: Page, fill: DialogFill = {}): Promise<Locator> {
  if (fill.language === 'ja') await page.getByTestId('lang-ja').click()
  await page.getByTestId('open-s3-button').click()
  const dialog = page.getByTestId('s3-dialog')
  await expect(dialog).toBeVisible()
  if (fill.profile !== undefined) await dialog.getByTestId('s3-profile').selectOption(fill.profile)
  if (fill.endpoint !== undefined) await dialog.getByTestId('s3-endpoint').fill(fill.endpoint)
  if (fill.bucket !== undefined) await dialog.getByTestId('s3-bucket').fill(fill.bucket)
  return dialog
}
