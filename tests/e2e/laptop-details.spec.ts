// Issue #12 §6 at 1280×800 and 1440×900, the small things a careful user notices: custom time
// inputs that show and take seconds, the keyboard hint whole, times in the list whole beside
// the row markers.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { DATA_DIR, expect, test } from './fixtures'
import { INVICTUS, INVICTUS_EVENTS, isCut, rows, SIZES } from './laptop-helpers'

const SAMPLE = 'tests/e2e/data/sample-trail.json'

/** A delivery file cut off in its gzip (the sample trail's first two thirds), in a folder of its own. */
function cutTrail(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ashiato-cut-')), 'AWSLogs')
  mkdirSync(dir)
  const whole = gzipSync(readFileSync(path.join(DATA_DIR, 'sample-trail.json')))
  writeFileSync(path.join(dir, '111122223333_CloudTrail_us-east-1_20200505T0440Z_cut.json.gz'), whole.subarray(0, Math.floor((whole.length * 2) / 3)))
  return dir
}

/** Visible buttons (outside `except`) whose box meets the element's box. */
async function buttonsUnder(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const notice = document.querySelector(`[data-testid="${id}"]`)!
    const box = notice.getBoundingClientRect()
    return [...document.querySelectorAll('button, [role=button], input, select')]
      .filter((el) => !notice.contains(el))
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top
      })
      .map((el) => el.getAttribute('data-testid') ?? el.textContent ?? el.tagName)
  }, testId)
}

for (const size of SIZES) {
  test.describe(`details at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })

    test('custom time inputs show and take seconds', async ({ openApp }) => {
      const page = await openApp([SAMPLE])
      await expect(page.getByTestId('count-loaded')).toHaveText('48')
      await page.getByTestId('range-custom').click()
      // 04:50:08 and 04:50:09 are one second apart: only a bound with seconds tells them apart.
      await page.getByTestId('range-from').fill('2020-05-05 04:50:09')
      await page.getByTestId('range-to').fill('2020-05-05 04:52:00')
      await page.getByTestId('range-to').press('Enter')
      await expect(page.getByTestId('count-shown')).toHaveText('1')
      await expect(rows(page).first()).toContainText('04:50:09')
      for (const id of ['range-from', 'range-to']) {
        const input = page.getByTestId(id)
        await expect(input).toHaveValue(/^2020-05-05 04:5\d:\d\d$/)
        expect(await isCut(input), id).toBe(false)
      }
    })

    test('the keyboard hint is whole and inside the window; a marked row keeps its time whole', async ({ openApp }) => {
      test.skip(!INVICTUS, '../shared/data/invictus is absent (not part of this repository)')
      const page = await openApp([INVICTUS!])
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      // An event with a long identity section (an IAM user through a service).
      await rows(page).nth(2).click()
      await expect(page.getByTestId('viewer-event-name')).not.toBeEmpty()
      const help = page.getByTestId('keyboard-help')
      await expect(help).toBeVisible()
      expect(await isCut(help)).toBe(false)
      const box = (await help.boundingBox())!
      expect(box.y + box.height).toBeLessThanOrEqual(size.height)
      await expect(help).toHaveAttribute('title', /n \/ Shift\+N/)

      // Rows with a detection mark (the trail's detonations match the built-in rules), once detection has run.
      await expect(page.getByTestId('timeline-detected')).toBeVisible()
      await page.getByTestId('filter-input').fill('level:*')
      await page.keyboard.press('Enter')
      const marked = rows(page).filter({ has: page.getByTestId('detection-mark') })
      await expect(marked.first()).toBeVisible()
      const n = Math.min(8, await marked.count())
      for (let i = 0; i < n; i++) {
        const cell = marked.nth(i).locator('.cell--time')
        await expect(cell).toHaveText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
        expect(await isCut(cell), await cell.innerText()).toBe(false)
      }
    })

    test('a notice takes its own room, never over a button; a damaged file is named once, its count said once', async ({ openApp, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      const page = await openApp([SAMPLE, cutTrail()])
      await expect(page.getByTestId('file-errors')).toBeVisible()
      const row = page.getByTestId('file-error').filter({ hasText: '_cut.json.gz' })
      const reason = await row.getByTestId('file-error-reason').innerText()
      const [count] = /^\d+/.exec(reason) ?? ['']
      expect(reason).toMatch(/^\d+ events recovered: truncated gzip/)
      // The count once, the file name once (the folder beside it, not the path again).
      expect(reason.split(count).length - 1).toBe(1)
      expect(await row.getByTestId('file-error-folder').innerText()).toMatch(/AWSLogs\/$/)
      expect((await row.innerText()).split('_cut.json.gz').length - 1).toBe(1)

      // A copy's notice, with the viewer open (its field bar and keyboard hint at the foot).
      await rows(page).nth(1).click()
      await rows(page).nth(3).click({ modifiers: ['Shift'] })
      await page.keyboard.press('Control+c')
      await expect(page.getByTestId('export-notice')).toHaveText(/^3 events copied as JSON Lines/)
      expect(await buttonsUnder(page, 'export-notice')).toEqual([])
      const help = (await page.getByTestId('keyboard-help').boundingBox())!
      expect(help.y + help.height).toBeLessThanOrEqual(size.height)
    })
  })
}
