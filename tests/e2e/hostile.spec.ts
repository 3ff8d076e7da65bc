// The hostile corpus (tests/unit/helpers/hostile-corpus.ts) uploaded in web mode, in Chromium:
// every event is there, the anomalies are counted and marked, and nothing in the logs runs —
// no dialog, no page error, no script's side effect — while the events are listed and read.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEEP_EVENT_NAME, corpusTotals, writeHostileCorpus } from '../unit/helpers/hostile-corpus'
import { expect, test } from './fixtures'

test('the hostile corpus uploads with nothing lost, nothing executed, every anomaly shown', async ({ openApp }) => {
  test.setTimeout(120_000)
  const root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-hostile-e2e-'))
  try {
    const corpus = writeHostileCorpus(path.join(root, 'corpus'))
    const totals = corpusTotals(corpus)
    const page = await openApp()
    // Tall enough for every row to be rendered by the virtual list.
    await page.setViewportSize({ width: 1400, height: 1600 })
    const dialogs: string[] = []
    const errors: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('pageerror', (error) => errors.push(error.message))

    await page.getByTestId('file-input').setInputFiles(readdirSync(corpus.dir).map((name) => path.join(corpus.dir, name)))
    await expect(page.getByTestId('count-loaded')).toHaveText(String(totals.events), { timeout: 60_000 })
    await expect(page.getByTestId('load-id-collisions')).toContainText(String(totals.idCollisions))
    await expect(page.getByTestId('load-no-time')).toContainText(String(totals.noTime))
    // The bomb is a named problem (over the server's limit, or cut short as JSON), never events.
    await expect(page.getByTestId('file-error').filter({ hasText: 'bomb.json.gz' })).toHaveCount(1)

    // Every row is on screen (24 events): the marks are there, on the right rows.
    await expect(page.getByTestId('event-row')).toHaveCount(totals.events)
    await expect(page.getByTestId('row-id-collision')).toHaveCount(totals.idCollisions)
    await expect(page.getByTestId('row-no-time')).toHaveCount(totals.noTime)

    // Read each event in the viewer: markup stays text, nothing runs. The 100,000-deep event is
    // shown as written, with the notice that says why (issue #10 item 4).
    const rows = page.getByTestId('event-row')
    for (let i = 0; i < totals.events; i++) {
      await rows.nth(i).click()
      await expect(page.getByTestId('viewer-event-name')).toBeVisible()
      if ((await rows.nth(i).textContent())?.includes(DEEP_EVENT_NAME)) {
        await expect(page.getByTestId('viewer-raw-notice')).toHaveAttribute('data-problem', 'tooDeep')
      }
    }
    await rows.filter({ has: page.getByTestId('row-id-collision') }).first().click()
    await expect(page.getByTestId('viewer-id-collision')).toBeVisible()
    await rows.filter({ has: page.getByTestId('row-no-time') }).first().click()
    await expect(page.getByTestId('viewer-no-time')).toBeVisible()

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
