// Opening a signed trail from S3 (s3rver) in web mode, in Chromium, with "Download digest files to
// check integrity" left on: the Integrity panel then validates the digests and log files of the
// range, the newest digest signed by its object's x-amz-meta-signature (no .signature object in
// the bucket), once the keys file is given.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { expect } from '@playwright/test'
import { test } from './fixtures'
import { awsHome, awsServer, openS3Dialog, type AwsHome } from './s3-helpers'
import { BUCKET, buildSignedTrail, type SignedTrail } from '../unit/helpers/signed-trail'
import { seedClient, startS3rver, type S3rverProcess } from '../unit/s3-harness'

let dir = ''
let trail: SignedTrail
let s3rver: S3rverProcess
let aws: AwsHome

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ashiato-e2e-s3-integrity-'))
  trail = buildSignedTrail(path.join(dir, 'copy'), { accounts: ['111122223333'], regions: ['us-east-1'] })
  s3rver = await startS3rver([BUCKET])
  const client = seedClient(s3rver.url)
  for (const rel of [...trail.logs, ...trail.digests]) {
    const signature = trail.digests.includes(rel) ? signatureOf(rel) : undefined
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: rel, Body: readFileSync(path.join(trail.root, rel)), Metadata: signature ? { signature, 'signature-algorithm': 'SHA256withRSA' } : undefined }))
  }
  aws = awsHome('[profile e2e-reader]\nregion = us-east-1\n', '[e2e-reader]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n')
})

test.afterAll(async () => {
  await s3rver?.stop()
  rmSync(dir, { recursive: true, force: true })
  rmSync(aws.home, { recursive: true, force: true })
})

/** As CloudTrail does: every digest's signature in its metadata (the next digest's previousDigestSignature, or the kept one for the newest). */
function signatureOf(rel: string): string {
  for (const other of trail.digests) {
    const d = JSON.parse(gunzipSync(readFileSync(path.join(trail.root, other))).toString()) as { previousDigestS3Object: string | null; previousDigestSignature: string }
    if (d.previousDigestS3Object === rel) return d.previousDigestSignature
  }
  return readFileSync(path.join(trail.root, `${rel}.signature`), 'utf8')
}

test('an S3 trail opened with its digests is validated in the Integrity panel', async ({ openApp }) => {
  const page = await openApp([], awsServer(aws, mkdtempSync(path.join(dir, 'cache-')), s3rver.url))
  const dialog = await openS3Dialog(page, { profile: 'e2e-reader', endpoint: s3rver.url, bucket: BUCKET })
  await dialog.getByTestId('s3-discover').click()
  await expect(dialog.getByTestId('s3-digest')).toBeChecked()
  await dialog.getByTestId('s3-from').fill('2024-03-05')
  await dialog.getByTestId('s3-to').fill('2024-03-06')
  await dialog.getByTestId('s3-open').click()
  await expect(dialog.getByTestId('s3-progress')).toHaveAttribute('data-done', 'true', { timeout: 20_000 })
  await expect(dialog.getByTestId('s3-problem')).toHaveCount(0)
  await page.keyboard.press('Escape')
  // 3 hours × 2 files × 2 events.
  await expect(page.getByTestId('count-loaded')).toHaveText('12')

  await page.getByTestId('integrity-button').click()
  const panel = page.getByTestId('integrity-panel')
  await expect(panel.getByTestId('integrity-summary')).toContainText('0/3 digest files valid, 6/6 log files valid')
  await panel.getByTestId('integrity-keys-input').setInputFiles(trail.keyFile)
  await expect(panel.getByTestId('integrity-summary')).toContainText('3/3 digest files valid, 6/6 log files valid')
  // The newest digest is valid only through the signature kept from its object's metadata.
  await expect(panel.locator('[data-testid=integrity-entry]:not([data-status=valid])')).toHaveCount(0)
})
