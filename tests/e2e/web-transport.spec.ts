// Web mode's transport in a real browser: files from the server's command line, uploads over the
// WebSocket (renderer/api/web-api.ts -> main/web/uploads.ts), and a stopped server surfacing as
// a clear error instead of a silent hang.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { DATA_DIR, expect, test } from './fixtures'

const SAMPLE = path.join(DATA_DIR, 'sample-trail.json') // 48 events
const SAMPLE_EVENTS = '48'

test('files on the command line are loaded', async ({ openApp }) => {
  const page = await openApp([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText(SAMPLE_EVENTS)
})

test('files picked in the page are uploaded and loaded', async ({ openApp }) => {
  const page = await openApp()
  await page.getByTestId('file-input').setInputFiles([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText(SAMPLE_EVENTS)
  await expect(page.getByTestId('call-error')).toHaveCount(0)
})

test('a large upload streams through in chunks', async ({ openApp }, testInfo) => {
  // ~13 MB: a dozen 1 MiB frames, enough to fill the socket's send buffer and exercise the
  // client's wait on bufferedAmount and the server's pause while files are written.
  const count = 20_000
  const records = Array.from({ length: count }, (_, i) => ({
    eventVersion: '1.08',
    eventTime: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString().replace('.000', ''),
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.1',
    userIdentity: { type: 'IAMUser', userName: `user-${i % 50}`, accountId: '111122223333' },
    requestParameters: { bucketName: 'bucket', key: `logs/${'k'.repeat(400)}/${i}` },
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  }))
  const file = testInfo.outputPath('large-trail.json')
  writeFileSync(file, JSON.stringify({ Records: records }))
  const page = await openApp()
  await page.getByTestId('file-input').setInputFiles([file])
  await expect(page.getByTestId('count-loaded')).toHaveText(/^20[,.\s\u00a0\u202f]?000$/, { timeout: 30_000 })
  await expect(page.getByTestId('call-error')).toHaveCount(0)
})

test('a stopped server surfaces as a clear error', async ({ page, startServer }) => {
  const server = await startServer()
  await page.goto(server.url)
  await page.locator('body[data-app-state="ready"]').waitFor()
  await server.stop()
  await page.getByTestId('file-input').setInputFiles([SAMPLE])
  await expect(page.getByTestId('call-error')).toContainText('Lost the connection to the Ashiato server')
})

test("the notice after a crashed page was reloaded says Electron's reason in words, in the UI language", async ({ openApp }) => {
  // The desktop app reloads a crashed page at #recovered=REASON (main/electron/crash-recovery.ts);
  // the page reads it the same way in web mode.
  const page = await openApp([])
  await page.goto(`${new URL(page.url()).origin}/#recovered=oom`)
  // Only the fragment changed: load the page again, as main's reload does.
  await page.reload()
  await page.locator('body[data-app-state="ready"]').waitFor()
  const notice = page.getByTestId('crash-notice')
  await expect(notice).toHaveText(/^The window stopped unexpectedly \(out of memory\) and was reloaded\./)
  await page.getByTestId('lang-ja').click()
  await expect(notice).toContainText('ウィンドウが予期せず停止したため (メモリ不足) 再読み込みしました。')
})
