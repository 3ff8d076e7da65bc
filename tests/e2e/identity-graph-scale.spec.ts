// The credential graph at 10,000 nodes in real Chromium (issue 14: it must stay usable there):
// 10,000 events, each with its own access key, spread over 480 IAM users in 3 accounts, give
// 10,000 key nodes + 480 users + 3 accounts, of which the 10,000 the graph draws at most. The layout time is printed (a figure, not an
// assertion: this machine's speed is not a test); the test checks the graph is drawn whole, that
// the page answers while it draws (the find box takes what is typed; the name is found once
// drawn), that a click on a node opens its dossier, and that the Close button closes it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { test } from './fixtures'
import { rows } from './viewer-helpers'

/** 10,483 nodes: more than the graph draws (GRAPH_NODES), so the limit is reached and said. */
const EVENTS = 10_000
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

  test('10,000 nodes are drawn while the page answers, a node opens its dossier, the limit is said', async ({ openApp }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-graph-'))
    try {
      const file = path.join(dir, 'many-keys.json')
      writeFileSync(file, trail())
      const page = await openApp([file])
      await expect(page.getByTestId('count-loaded')).toHaveText(EVENTS.toLocaleString('en'))
      await rows(page).first().click()
      const started = Date.now()
      await page.getByTestId('who-graph').click()
      // Typed while the graph is fetched and drawn: the page answers between the drawing's chunks.
      // Each keystroke the page handles notes what the dialog said then; one must fall inside the
      // drawing ("Drawing N of M nodes…"), which a draw that held the page would never let happen.
      const find = page.getByTestId('graph-find')
      const stats = page.getByTestId('graph-stats')
      await find.evaluate((input) => {
        const said: string[] = []
        ;(window as unknown as { graphTyping: string[] }).graphTyping = said
        input.addEventListener('input', () => said.push(document.querySelector('[data-testid="graph-stats"]')?.textContent ?? ''))
      })
      const drawn = /nodes, \d+ links/
      for (let i = 0; i < 2_000 && !drawn.test((await stats.textContent()) ?? ''); i++) {
        await find.press(i % 2 === 0 ? 'x' : 'Backspace')
      }
      await expect(stats).toContainText(drawn, { timeout: 60_000 })
      const said = await page.evaluate(() => (window as unknown as { graphTyping: string[] }).graphTyping)
      expect(said.some((text) => /^Drawing \d+ of \d+ nodes/.test(text)), said.slice(-5).join(' | ')).toBe(true)
      await find.fill('user-417')
      const shownMs = Date.now() - started
      const text = (await stats.textContent()) ?? ''
      expect(text).toContain('10000 nodes')
      console.log(`credential graph, ${text}; dialog opened to drawn in ${shownMs} ms`)
      // The limit is reached: what is left out is counted and the limit named.
      await expect(page.getByTestId('graph-omitted')).toHaveText(`${USERS + 3} more principals or keys left out: the graph shows at most 10,000 nodes, the most active`)

      // The node found is centred: a click in the middle of the canvas opens its dossier.
      const box = await page.getByTestId('graph-canvas').boundingBox()
      if (!box) throw new Error('no graph canvas')
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      await expect(page.getByTestId('dossier')).toContainText('Dossier: user-417')
      // 10,000 events over 480 users: user-417 made 20 of them.
      await expect(page.getByTestId('dossier').getByTestId('dossier-events')).toHaveText(String(Math.ceil((EVENTS - 417) / USERS)))
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('dossier')).toBeHidden()
      const closeStarted = Date.now()
      await page.getByTestId('graph-close').click()
      await expect(page.getByTestId('graph')).toBeHidden()
      console.log(`credential graph: close answered in ${Date.now() - closeStarted} ms`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
