// Issue #12 §6 and #13 at 1280×800 and 1440×900: the timeline's count labels are never cut at the
// left (",011"), a kept log-scale toggle keeps a few failed calls visible beside a burst, its
// tooltip goes when the pointer leaves, and events with a detection show as a band by level.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { DATA_DIR, expect, test } from './fixtures'
import { brushTimeline, SIZES } from './laptop-helpers'
import { SHARED_DATA_DIR } from '../unit/helpers/shared-dirs'

const BURST = 12_011

/** A real event's shape: a burst of BURST DescribeTrails in one minute, then 3 failed calls an hour later. */
function burstTrail(): string {
  const sample = (JSON.parse(readFileSync(path.join(DATA_DIR, 'sample-trail.json'), 'utf8')) as { Records: Record<string, unknown>[] }).Records[0]
  const start = Date.UTC(2020, 4, 5, 4, 0)
  const records: Record<string, unknown>[] = []
  for (let i = 0; i < BURST; i++) records.push({ ...sample, eventTime: new Date(start + (i % 60) * 1000).toISOString().replace('.000', ''), eventID: `burst-${i}` })
  for (let i = 0; i < 3; i++) {
    records.push({ ...sample, eventTime: new Date(start + 60 * 60_000 + i * 1000).toISOString().replace('.000', ''), eventID: `failed-${i}`, errorCode: 'AccessDenied', errorMessage: 'not allowed' })
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-timeline-'))
  const file = path.join(dir, 'burst.json')
  writeFileSync(file, JSON.stringify({ Records: records }))
  return file
}

/** Whether each element lies inside the other's box (1 px of rounding allowed). */
async function inside(page: Page, inner: string, outer: string): Promise<boolean[]> {
  return page.evaluate(
    ([innerSel, outerSel]) => {
      const box = document.querySelector(outerSel)!.getBoundingClientRect()
      return [...document.querySelectorAll(innerSel)].map((el) => {
        const r = el.getBoundingClientRect()
        return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1
      })
    },
    [inner, outer] as const,
  )
}

const errorHeight = (page: Page) => page.getByTestId('timeline-err').last().evaluate((rect) => Number(rect.getAttribute('height')))

for (const size of SIZES) {
  test.describe(`timeline at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })

    test('count labels fit; a kept log scale shows the failed calls beside a burst; the tooltip goes with the pointer', async ({ openApp }) => {
      const page = await openApp([burstTrail()])
      await expect(page.getByTestId('count-loaded')).toHaveText((BURST + 3).toLocaleString('en-US'))
      const counts = page.getByTestId('timeline-count')
      await expect(counts.last()).toHaveText('12k')
      expect(await inside(page, '[data-testid=timeline-count]', '[data-testid=timeline-svg]')).toEqual(await counts.evaluateAll((all) => all.map(() => true)))

      // Linear: 3 of 12,011 is a sliver; log: a bar a person sees.
      await expect(page.getByTestId('timeline-svg')).toHaveAttribute('data-scale', 'linear')
      expect(await errorHeight(page)).toBeLessThan(1)
      await page.getByTestId('timeline-log').check()
      await expect(page.getByTestId('timeline-svg')).toHaveAttribute('data-scale', 'log')
      expect(await errorHeight(page)).toBeGreaterThan(5)
      await expect(counts).toHaveText(['0', '10', '100', '1k', '12k'])
      expect(await inside(page, '[data-testid=timeline-count]', '[data-testid=timeline-svg]')).toEqual([true, true, true, true, true])
      await page.reload()
      await page.locator('body[data-app-state="ready"]').waitFor()
      await expect(page.getByTestId('timeline-log')).toBeChecked()
      await expect(page.getByTestId('timeline-svg')).toHaveAttribute('data-scale', 'log')

      // The tooltip follows the pointer over the bars and goes when it leaves (up, down, out of the window).
      const bar = page.getByTestId('timeline-bar').first()
      for (const away of [
        async () => page.mouse.move(5, 5),
        async () => page.mouse.move(size.width / 2, size.height - 20),
        async () => page.mouse.move(-10, -10),
      ]) {
        await bar.hover()
        await expect(page.getByTestId('timeline-tip')).toBeVisible()
        await expect(page.getByTestId('timeline-tip')).toContainText('12,011 events')
        await away()
        await expect(page.getByTestId('timeline-tip')).toHaveCount(0)
      }

      // A brush released outside the chart (below it, over the list): the range narrows, and the
      // tooltip of the bar where the press began does not come back.
      await brushTimeline(page, 0.3, 0.9, { y: 20, beforePress: () => expect(page.getByTestId('timeline-tip')).toBeVisible(), releaseBelow: 200 })
      await expect(page.getByTestId('time-range')).toHaveAttribute('data-range', 'custom')
      await page.waitForTimeout(300)
      await expect(page.getByTestId('timeline-tip')).toHaveCount(0)
    })

    test('events with a detection show as a band coloured by their highest level', async ({ openApp }) => {
      const stratus = path.join(SHARED_DATA_DIR, 'stratus')
      const files = ['aws.defense-evasion.cloudtrail-stop.json', 'aws.persistence.iam-create-admin-user.json'].map((n) => path.join(stratus, n))
      test.skip(!files.every((f) => existsSync(f)), `../shared/data/stratus is absent (looked in ${stratus})`)
      const page = await openApp()
      await page.getByTestId('file-input').setInputFiles(files)
      await expect(page.getByTestId('count-loaded')).not.toHaveText('0')
      await expect(page.getByTestId('detections-button-count')).toBeVisible()
      const band = page.getByTestId('timeline-level')
      await expect(band.first()).toBeVisible()
      const levels = await band.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-level')))
      expect(levels.every((l) => ['informational', 'low', 'medium', 'high', 'critical'].includes(l ?? ''))).toBe(true)
      await expect(page.getByTestId('timeline-detected')).toContainText('with detections')
      expect((await inside(page, '[data-testid=timeline-level]', '[data-testid=timeline-svg]')).every(Boolean)).toBe(true)
      // The band's tooltip names the highest level of the bucket.
      const index = await band.first().getAttribute('data-index')
      await page.locator(`[data-testid=timeline-bar][data-index="${index}"]`).hover()
      await expect(page.getByTestId('timeline-tip')).toContainText(/with detections · highest (Informational|Low|Medium|High|Critical)/)
    })
  })
}
