// Issue #12 §3 in Chromium: a slow query (a JSON path read from every event of a generated
// corpus) says it is running, with its elapsed time and Cancel; the counts beside it are marked
// as the previous result's; Cancel stops it in main and the list keeps the previous result,
// saying so. The list stays usable meanwhile.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { SIZES } from './laptop-helpers'
import { eventText, seededRandom } from '../support/cloudtrail-events'

/** Enough events that reading a field from every one's JSON takes seconds (~25 µs each). */
const FILES = 12
const PER_FILE = 10_000
const EVENTS = FILES * PER_FILE
let dir = ''

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-slow-query-'))
  const folder = path.join(dir, 'trail')
  mkdirSync(folder)
  const random = seededRandom(31)
  for (let f = 0; f < FILES; f++) {
    const events = Array.from({ length: PER_FILE }, (_, e) => eventText(random, { time: new Date(Date.UTC(2024, 4, 1 + f, 0, 0, e)) }))
    writeFileSync(path.join(folder, `part-${String(f).padStart(2, '0')}.json.gz`), gzipSync(`{"Records":[${events.join(',')}]}`))
  }
})

test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

for (const size of SIZES) {
  test.describe(`a slow query at ${size.width}×${size.height}`, () => {
    test.use({ locale: 'en-US', viewport: size })
    test.setTimeout(120_000)

    test('shows it is running with Cancel; Cancel keeps the previous result and says so', async ({ openApp }) => {
      const page = await openApp([path.join(dir, 'trail')])
      const all = EVENTS.toLocaleString('en-US')
      await expect(page.getByTestId('count-loaded')).toHaveText(all, { timeout: 60_000 })
      await expect(page.getByTestId('count-shown')).toHaveText(all)
      await expect(page.getByTestId('query-running')).toHaveCount(0)

      // A field no column holds, whose key every event has, with a wildcard: every event's JSON is read.
      await page.getByTestId('filter-input').fill('eventVersion:*zz*')
      const running = page.getByTestId('query-running')
      await expect(running).toBeVisible()
      await expect(running).toContainText(/^\d+\.\d s/)
      await expect(running).toHaveAttribute('title', /^Query running for \d+\.\d s$/)
      await expect(page.getByTestId('counts')).toHaveAttribute('data-stale', 'true')
      // The list still answers meanwhile: a row can be made current and its event read.
      const row = page.locator('[data-testid="event-row"]').nth(1)
      const name = (await row.locator('.cell--eventName').textContent())!.trim()
      await row.click()
      await expect(row).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByTestId('viewer-event-name')).toHaveText(name)
      await expect(page.getByTestId('query-running')).toBeVisible()

      await page.getByTestId('query-cancel').click()
      await expect(page.getByTestId('query-cancelled')).toHaveText('Cancelled: previous result shown')
      await expect(running).toHaveCount(0)
      await expect(page.getByTestId('count-shown')).toHaveText(all)
      await expect(page.getByTestId('counts')).toHaveAttribute('data-stale', 'true')

      // A new query clears the note and its answer is current again.
      await page.getByTestId('filter-input').fill('event:GetObject')
      await expect(page.getByTestId('query-cancelled')).toHaveCount(0)
      await expect(page.getByTestId('counts')).not.toHaveAttribute('data-stale', 'true')
      const shown = Number((await page.getByTestId('count-shown').textContent())!.replace(/,/g, ''))
      expect(shown).toBeGreaterThan(0)
      expect(shown).toBeLessThan(EVENTS)
    })
  })
}
