// The credential graph at 10,000 nodes in real Chromium (issue 14: it must stay usable there):
// 9,500 events, each with its own access key, spread over 480 IAM users in 3 accounts, give
// 9,500 key nodes + 480 users + 3 accounts. The layout time is printed (a figure, not an
// assertion: this machine's speed is not a test); the test checks the graph is drawn whole,
// and that the page still answers (a click on the Close button closes it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { test } from './fixtures'
import { rows } from './viewer-helpers'

const EVENTS = 9_500
const USERS = 480

function trail(): string {
  const records = []
  for (let i = 0; i < EVENTS; i++) {
    const account = `${100000000000 + (i % 3)}`
    const user = `user-${i % USERS}`
    const key = `AKIA${String(i).padStart(16, '0')}`
    records.push({
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: `AIDA${String(i % USERS).padStart(17, '0')}`, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, accessKeyId: key, userName: user },
      eventTime: new Date(Date.UTC(2024, 2, 5, 10) + i * 1000).toISOString().replace('.000Z', 'Z'),
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.10',
      userAgent: 'aws-cli/2.15.30',
      eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      eventType: 'AwsApiCall',
      recipientAccountId: account,
    })
  }
  return JSON.stringify({ Records: records })
}

test.describe('credential graph at scale', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })
  test.setTimeout(120_000)

  test('10,000 nodes are laid out and drawn, and the dialog still answers', async ({ openApp }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-graph-'))
    try {
      const file = path.join(dir, 'many-keys.json')
      writeFileSync(file, trail())
      const page = await openApp([file])
      await expect(page.getByTestId('count-loaded')).toHaveText(EVENTS.toLocaleString('en'))
      await rows(page).first().click()
      const started = Date.now()
      await page.getByTestId('who-graph').click()
      const stats = page.getByTestId('graph-stats')
      await expect(stats).toContainText(/nodes/, { timeout: 60_000 })
      const shownMs = Date.now() - started
      const text = (await stats.textContent()) ?? ''
      expect(text).toContain(`${EVENTS + USERS + 3} nodes`)
      console.log(`credential graph, ${text}; dialog opened to drawn in ${shownMs} ms`)
      const closeStarted = Date.now()
      await page.getByTestId('graph-close').click()
      await expect(page.getByTestId('graph')).toBeHidden()
      console.log(`credential graph: close answered in ${Date.now() - closeStarted} ms`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
