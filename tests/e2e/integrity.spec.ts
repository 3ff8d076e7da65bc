// Integrity in web mode, in Chromium: a signed organisation trail (digests signed by a key made
// here) is damaged, uploaded as a folder from the page, its keys file given; the panel, the
// coverage map, the integrity: query field and the event markers must say exactly what happened.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { expect, test } from './fixtures'
import { buildSignedTrail, type SignedTrail } from '../unit/helpers/signed-trail'

let dir: string
let trail: SignedTrail
let modified: string
let deletedDigest: string
let inserted: string

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-e2e-integrity-'))
  trail = buildSignedTrail(path.join(dir, 'trail'))
  // One log file changed by one byte.
  modified = trail.logs[4]
  const text = gunzipSync(readFileSync(path.join(trail.root, modified)))
  text[text.indexOf('GetObject') + 1] = 'E'.charCodeAt(0)
  writeFileSync(path.join(trail.root, modified), gzipSync(text))
  // The middle digest of another chain deleted.
  deletedDigest = trail.digests[4]
  unlinkSync(path.join(trail.root, deletedDigest))
  // A file slipped in, holding a StopLogging.
  inserted = trail.logs[0].replace('_Ab00cd', '_Zz00zz')
  const stop = { eventVersion: '1.09', eventTime: '2024-03-05T10:08:00Z', eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', awsRegion: 'us-east-1', eventID: 'stop-logging-1', recipientAccountId: '111122223333', userIdentity: { type: 'Root', accountId: '111122223333' } }
  writeFileSync(path.join(trail.root, inserted), gzipSync(JSON.stringify({ Records: [stop] })))
})

test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('a damaged signed trail is reported exactly in the panel, the map, the query field and the markers', async ({ openApp }) => {
  const page = await openApp()
  await page.getByTestId('integrity-button').click()
  const panel = page.getByTestId('integrity-panel')
  await expect(panel).toBeVisible()
  await page.getByTestId('integrity-folder-input').setInputFiles(trail.root)
  // 2 accounts × 2 regions × 3 hours × 2 files × 2 events, less nothing (the modified file still parses), plus the StopLogging.
  await expect(page.getByTestId('count-loaded')).toHaveText('49')
  // 12 digests named (one missing); 25 log files: 21 valid, 1 modified, 1 inserted, 2 in the lost digest's hour.
  await expect(panel.getByTestId('integrity-summary')).toContainText('0/12 digest files valid, 21/25 log files valid')
  // Without keys, no signature can be verified.
  await expect(panel.locator('[data-testid=integrity-entry][data-kind=digest][data-status=key-unknown]').first()).toBeVisible()

  await panel.getByTestId('integrity-keys-input').setInputFiles(trail.keyFile)
  const entry = (status: string) => panel.locator(`[data-testid=integrity-entry][data-status="${status}"]`)
  await expect(entry('key-unknown')).toHaveCount(0)
  await expect(entry('modified')).toHaveCount(1)
  await expect(entry('modified')).toHaveAttribute('data-path', `trail/${modified}`)
  await expect(entry('not-in-digest')).toHaveAttribute('data-path', `trail/${inserted}`)
  await expect(entry('missing')).toHaveAttribute('data-path', `s3://org-trail-bucket/${deletedDigest}`)
  await expect(entry('chain-break')).toHaveAttribute('data-path', `trail/${trail.digests[5]}`)
  // The first digest of that chain lost its signature with the deleted one; the newest ones are signed by their kept signatures.
  await expect(entry('signature-unavailable')).toHaveAttribute('data-path', `trail/${trail.digests[3]}`)
  await expect(entry('invalid-signature')).toHaveCount(0)
  await expect(panel.getByTestId('integrity-summary')).toHaveAttribute('data-failed', 'true')
  await expect(panel.getByTestId('integrity-summary')).toContainText('9/12 digest files valid, 21/25 log files valid')

  // The coverage map: 4 rows of 3 hours, the lost digest's hour not shaded, the StopLogging drawn.
  const rows = panel.getByTestId('coverage-row')
  await expect(rows).toHaveCount(4)
  const lostRow = panel.locator('[data-testid=coverage-row][data-account="111122223333"][data-region="us-east-1"]')
  await expect(lostRow.getByTestId('tampering-mark')).toHaveAttribute('data-event', 'StopLogging')
  const [account, region] = [deletedDigest.split('/')[2], deletedDigest.split('/')[4]]
  const cells = panel.locator(`[data-testid=coverage-row][data-account="${account}"][data-region="${region}"] [data-testid=coverage-cell]`)
  await expect(cells.nth(0)).toHaveAttribute('data-digested', 'true')
  await expect(cells.nth(1)).toHaveAttribute('data-digested', 'false')
  await expect(cells.nth(1)).toHaveAttribute('data-files', '2')

  await page.getByTestId('integrity-close').click()
  await page.getByTestId('filter-input').fill('integrity:modified')
  await expect(page.getByTestId('count-shown')).toHaveText('2')
  await expect(page.getByTestId('event-row').getByTestId('integrity-mark')).toHaveCount(2)
  await page.getByTestId('event-row').first().click()
  await expect(page.getByTestId('viewer').getByTestId('integrity-mark')).toHaveAttribute('data-status', 'modified')

  await page.getByTestId('filter-input').fill('integrity:not-in-digest')
  await expect(page.getByTestId('count-shown')).toHaveText('1')
  await page.getByTestId('filter-input').fill('integrity:valid')
  // The 21 valid files hold 42 events.
  await expect(page.getByTestId('count-shown')).toHaveText('42')
})

test('a deleted log file, a modified digest and the wrong key are each reported', async ({ openApp }, testInfo) => {
  const other = buildSignedTrail(testInfo.outputPath('other'), { accounts: ['111122223333'], regions: ['eu-west-1'], hours: 3 })
  const deleted = other.logs[5]
  unlinkSync(path.join(other.root, deleted))
  // A digest edited (one log file's recorded time changed): its signature no longer holds, and the next digest's record of its hash breaks the chain.
  const edited = other.digests[0]
  const digest = JSON.parse(gunzipSync(readFileSync(path.join(other.root, edited))).toString()) as { logFiles: { newestEventTime: string }[] }
  digest.logFiles[0].newestEventTime = '2024-03-05T10:07:59Z'
  writeFileSync(path.join(other.root, edited), gzipSync(JSON.stringify(digest)))
  const page = await openApp()
  await page.getByTestId('integrity-button').click()
  const panel = page.getByTestId('integrity-panel')
  await page.getByTestId('integrity-folder-input').setInputFiles(other.root)
  await expect(page.getByTestId('count-loaded')).toHaveText('10')
  const entry = (status: string) => panel.locator(`[data-testid=integrity-entry][data-status="${status}"]`)
  // The first trail's key, not this one's: same fingerprint claimed, different key.
  const wrongKeys = JSON.parse(trail.keyJson) as { PublicKeyList: { Fingerprint: string }[] }
  wrongKeys.PublicKeyList[0].Fingerprint = other.fingerprint
  const wrongFile = testInfo.outputPath('wrong-keys.json')
  writeFileSync(wrongFile, JSON.stringify(wrongKeys))
  await panel.getByTestId('integrity-keys-input').setInputFiles(wrongFile)
  await expect(entry('invalid-signature')).toHaveCount(3)
  await expect(entry('missing')).toHaveAttribute('data-path', `s3://org-trail-bucket/${deleted}`)

  // The right key: only the edited digest stays invalid, the next one breaks the chain.
  await page.reload()
  await page.locator('body[data-app-state="ready"]').waitFor()
  await page.getByTestId('integrity-button').click()
  await panel.getByTestId('integrity-keys-input').setInputFiles(other.keyFile)
  await expect(entry('invalid-signature')).toHaveCount(1)
  await expect(entry('invalid-signature')).toHaveAttribute('data-path', `other/${edited}`)
  await expect(entry('chain-break')).toHaveAttribute('data-path', `other/${other.digests[1]}`)
  await expect(entry('missing')).toHaveCount(1)
  await expect(panel.getByTestId('integrity-summary')).toContainText('1/3 digest files valid, 5/6 log files valid')
})
