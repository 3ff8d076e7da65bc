// Issue #12 §3 in Chromium: a folder's load runs against a total counted before any file is read:
// every progress text the top bar shows names the same file total, the files done only grow,
// and the rate appears once measured.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { SIZES } from './laptop-helpers'
import { eventText, seededRandom } from '../support/cloudtrail-events'

const FILES = 48
const PER_FILE = 2_500
let dir = ''

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-progress-'))
  const random = seededRandom(48)
  for (let f = 0; f < FILES; f++) {
    // Nested day folders, as in AWSLogs/: a streaming walk would still be finding files while parsing.
    const day = path.join(dir, 'AWSLogs', '123456789012', 'CloudTrail', 'us-east-1', '2024', '08', String(1 + (f % 12)).padStart(2, '0'))
    mkdirSync(day, { recursive: true })
    const events = Array.from({ length: PER_FILE }, (_, e) => eventText(random, { time: new Date(Date.UTC(2024, 7, 1 + (f % 12), 0, 0, e)) }))
    writeFileSync(path.join(day, `part-${String(f).padStart(2, '0')}.json.gz`), gzipSync(`{"Records":[${events.join(',')}]}`))
  }
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

for (const size of SIZES) {
  test.describe(`load progress at ${size.width}×${size.height}`, () => {
    test.use({ locale: 'en-US', viewport: size })
    test.setTimeout(120_000)

    test('names one total from its first word to its last, and the files done only grow', async ({ openApp }) => {
      const page = await openApp([])
      // Every text the progress shows, as it changes.
      await page.evaluate(() => {
        const seen: string[] = []
        ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="load-progress"]')?.textContent
          if (text && seen.at(-1) !== text) seen.push(text)
        }).observe(document.body, { subtree: true, childList: true, characterData: true })
      })
      await page.getByTestId('folder-input').setInputFiles(path.join(dir, 'AWSLogs'))
      await expect(page.getByTestId('count-loaded')).toHaveText((FILES * PER_FILE).toLocaleString('en-US'), { timeout: 90_000 })
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
      const loading = seen.map((text) => /Loading (\d+) \/ (\d+) files/.exec(text)).filter((m) => m !== null)
      expect(loading.length).toBeGreaterThan(0)
      let done = 0
      for (const [, d, total] of loading) {
        expect(Number(total)).toBe(FILES)
        expect(Number(d)).toBeGreaterThanOrEqual(done)
        done = Number(d)
      }
      // Once measured, the rate and the time left against that total.
      expect(seen.some((text) => /\d (?:B|KB|MB|GB)\/s · [\d,]+ events\/s · about \d.* left/.test(text)), seen.join('\n')).toBe(true)
    })
  })
}
