// File ▸ Open from S3 in web mode, in real Chromium, against a real S3-shaped endpoint (s3rver, from
// the unit tests' harness) holding a small organization trail. The server runs with temporary AWS
// config files and a temporary cache folder, and none of this machine's AWS_* variables.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import { test, type StartOptions } from './fixtures'
import { awsHome, awsServer, openS3Dialog, type AwsHome } from './s3-helpers'
import { seed, seedClient, startProxy, startS3rver, writeSsoToken, type LoggingProxy, type S3rverProcess } from '../unit/s3-harness'
import { eventIdsInRange, ORG_ACCOUNTS, ORG_ID, orgTrail } from '../unit/s3-org-trail'

const BUCKET = 'e2e-trail'
const objects = orgTrail()
const FROM = Date.parse('2024-03-10T00:00:00Z')
const TO = Date.parse('2024-03-11T12:00:00Z')
const DENIED = objects.find((o) => o.kind === 'CloudTrail' && o.account === ORG_ACCOUNTS[0] && o.key.includes('us-east-1_20240310T1210Z'))!.key

let s3rver: S3rverProcess
let proxy: LoggingProxy
let aws: AwsHome

test.beforeAll(async () => {
  s3rver = await startS3rver([BUCKET])
  await seed(seedClient(s3rver.url), BUCKET, objects)
  proxy = await startProxy(s3rver.port)
  proxy.rules.denyGet.add(DENIED)
  aws = awsHome(
    '[profile e2e-reader]\nregion = us-east-1\n\n[profile expired-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\nregion = us-east-1\n',
    '[e2e-reader]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n',
  )
  writeSsoToken(aws.home, 'https://example.awsapps.com/start', new Date(Date.now() - 3_600_000))
})

test.afterAll(async () => {
  await proxy?.close()
  await s3rver?.stop()
})

/** The server with the temporary AWS files, a cache folder and this endpoint (s3-helpers.ts). */
function serverOptions(cacheDir: string, endpoint: string): StartOptions {
  return awsServer(aws, cacheDir, endpoint)
}

async function openDialog(page: Page, endpoint: string, profile = 'e2e-reader') {
  const dialog = await openS3Dialog(page, { profile, endpoint, bucket: BUCKET })
  // The profiles come from the temporary config files: names only.
  await expect(dialog.getByTestId('s3-profile').locator('option')).toHaveText(['Default credential chain', 'e2e-reader · us-east-1', 'expired-sso · us-east-1 · SSO'])
  return dialog
}

test('opens a date range of an organization trail from its bucket: only the range is loaded', async ({ openApp }) => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'ashiato-e2e-cache-'))
  const page = await openApp([], serverOptions(cacheDir, s3rver.url))
  const dialog = await openDialog(page, s3rver.url)

  // Buckets are listed for the picker (or typed).
  await dialog.getByTestId('s3-list-buckets').click()
  await expect(dialog.getByText('Buckets found: 1 (pick one or type a name)')).toBeVisible()

  // Enter in a field discovers the layout.
  await dialog.getByTestId('s3-bucket').press('Enter')
  const layout = dialog.getByTestId('s3-layout')
  await expect(layout.getByTestId('s3-org-ids')).toHaveText(ORG_ID)
  for (const account of ORG_ACCOUNTS) await expect(layout.getByTestId(`s3-account-${account}`)).toBeChecked()
  await expect(layout.getByTestId('s3-region-us-east-1')).toBeChecked()
  await expect(layout.getByTestId('s3-region-eu-west-1')).toBeChecked()
  await expect(layout.getByTestId('s3-insight')).toBeEnabled()
  await expect(layout.getByTestId('s3-insight')).not.toBeChecked()
  // The trail has digests: downloading them (for the Integrity panel) is on by default.
  await expect(layout.getByText('Download digest files to check integrity')).toBeVisible()
  await expect(layout.getByTestId('s3-digest')).toBeEnabled()
  await expect(layout.getByTestId('s3-digest')).toBeChecked()

  // A date alone is midnight UTC; "to" is excluded.
  await dialog.getByTestId('s3-from').fill('2024-03-10')
  await dialog.getByTestId('s3-to').fill('2024-03-11T12:00Z')
  await expect(dialog.getByTestId('s3-range')).toHaveText('2024-03-10 00:00:00 → 2024-03-11 12:00:00 UTC')
  await dialog.getByTestId('s3-concurrency').fill('4')
  await dialog.getByTestId('s3-open').click()

  const progress = dialog.getByTestId('s3-progress')
  await expect(progress).toHaveAttribute('data-done', 'true', { timeout: 20_000 })
  const want = eventIdsInRange(objects, FROM, TO)
  await expect(dialog.getByTestId('s3-phase')).toHaveText('Done')
  await expect(dialog.getByTestId('s3-events')).toHaveText(`${want.length} events`)
  await expect(dialog.getByTestId('s3-problem')).toHaveCount(0)

  // Escape closes the dialog; the events are in the list, exactly those of the range.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('count-loaded')).toHaveText(String(want.length))
  await expect(page.getByTestId('event-row').first()).toBeVisible()
  // Downloads went to the cache folder from the environment.
  expect(readdirSync(cacheDir)).toContain(BUCKET)

  // The endpoint URL and bucket are remembered; the cache can be cleared from the dialog.
  await page.getByTestId('open-s3-button').click()
  await expect(dialog.getByTestId('s3-endpoint')).toHaveValue(s3rver.url)
  await expect(dialog.getByTestId('s3-bucket')).toHaveValue(BUCKET)
  await dialog.getByTestId('s3-clear-cache').click()
  await expect(dialog.getByTestId('s3-cache-result')).toContainText(/^Cache cleared: \d+ objects/)
  await dialog.getByTestId('s3-close').click()
  await expect(dialog).toBeHidden()
})

test('names what went wrong: a denied object with its key and action, an expired SSO session with the login command', async ({ openApp }) => {
  const page = await openApp([], serverOptions(mkdtempSync(path.join(tmpdir(), 'ashiato-e2e-cache-')), proxy.url))
  const dialog = await openDialog(page, proxy.url)
  await dialog.getByTestId('s3-discover').click()
  await expect(dialog.getByTestId('s3-layout')).toBeVisible()
  // Only one account and one region.
  await dialog.getByTestId(`s3-account-${ORG_ACCOUNTS[1]}`).uncheck()
  await dialog.getByTestId('s3-region-eu-west-1').uncheck()
  await dialog.getByTestId('s3-from').fill('2024-03-10')
  await dialog.getByTestId('s3-to').fill('2024-03-11')
  await dialog.getByTestId('s3-open').click()
  await expect(dialog.getByTestId('s3-progress')).toHaveAttribute('data-done', 'true', { timeout: 20_000 })
  const problem = dialog.getByTestId('s3-problem')
  await expect(problem).toHaveCount(1)
  await expect(problem).toContainText(`s3://${BUCKET}/${DENIED}`)
  await expect(problem).toContainText(`Access denied: s3:GetObject on s3://${BUCKET}/${DENIED} — the profile "e2e-reader" lacks s3:GetObject`)
  const want = eventIdsInRange(objects, FROM, Date.parse('2024-03-11T00:00:00Z'), { accounts: [ORG_ACCOUNTS[0]], regions: ['us-east-1'], except: new Set([DENIED]) })
  await expect(dialog.getByTestId('s3-events')).toHaveText(`${want.length} events`)
  await expect(page.getByTestId('count-loaded')).toHaveText(String(want.length))
  // The problems panel names the object too.
  await expect(page.getByTestId('file-error').filter({ hasText: DENIED })).toHaveCount(1)

  // An SSO profile whose session has expired: the fix is in the message.
  await dialog.getByTestId('s3-profile').selectOption('expired-sso')
  await dialog.getByTestId('s3-discover').click()
  await expect(dialog.getByTestId('s3-discover-error')).toContainText('aws sso login --profile expired-sso')
  await expect(dialog.getByTestId('s3-discover-error').locator('code')).toHaveText('aws sso login --profile expired-sso')

  // The denied object's problem, in Japanese too: main/s3's words, translated by the page.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByTestId('lang-ja').click()
  await expect(page.getByTestId('file-error').filter({ hasText: DENIED }).getByTestId('file-error-reason')).toHaveText(
    `読み込めませんでした: アクセス拒否: s3://${BUCKET}/${DENIED} での s3:GetObject — プロファイル "e2e-reader" には s3:GetObject の権限がありません (IAM ポリシーとバケットポリシーを確認してください)`,
  )
})

test('a range with no log files says so, in the UI language', async ({ openApp }) => {
  const page = await openApp([], serverOptions(mkdtempSync(path.join(tmpdir(), 'ashiato-e2e-cache-')), proxy.url))
  const dialog = await openS3Dialog(page, { language: 'ja', profile: 'e2e-reader', endpoint: proxy.url, bucket: BUCKET })
  await dialog.getByTestId('s3-discover').click()
  await expect(dialog.getByTestId('s3-layout')).toBeVisible()
  // Years before the trail's first object.
  await dialog.getByTestId('s3-from').fill('2019-01-01')
  await dialog.getByTestId('s3-to').fill('2019-01-02')
  await dialog.getByTestId('s3-open').click()
  await expect(dialog.getByTestId('s3-progress')).toHaveAttribute('data-done', 'true', { timeout: 20_000 })
  await expect(dialog.getByTestId('s3-notice')).toHaveText('選んだアカウントとリージョンには、この期間のログファイルがありません。')
  await expect(page.getByTestId('count-loaded')).toHaveText('0')
})
