// The README's laptop-size screenshots (issue #12): the invictus trail uploaded as a user would in
// web mode (its 55 delivery files picked in the page), the failed events shown, one selected.
// Written to test-results/; with ASHIATO_SCREENSHOTS=1 to assets/ (the README's images).
import path from 'node:path'
import { expect, REPO_ROOT, test } from './fixtures'
import { INVICTUS, INVICTUS_EVENTS, invictusFiles, rows, SIZES } from './laptop-helpers'

const target = process.env.ASHIATO_SCREENSHOTS === '1' ? path.join(REPO_ROOT, 'assets') : path.join(REPO_ROOT, 'test-results')

for (const size of SIZES) {
  test.describe(`screenshot at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US', colorScheme: 'light' })
    test.skip(!INVICTUS, '../shared/data/invictus is absent (not part of this repository)')

    test('the invictus trail uploaded, a failed call selected', async ({ openApp }) => {
      const page = await openApp([])
      await page.getByTestId('file-input').setInputFiles(invictusFiles())
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      await page.getByTestId('filter-input').fill('error:* not error:ThrottlingException')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('count-shown')).toHaveText('198')
      await rows(page).nth(3).click()
      await expect(page.getByTestId('viewer-error')).toBeVisible()
      await page.locator('[data-testid=facet][data-field=eventName]').getByTestId('facet-more').click()
      await page.locator('[data-testid=facet][data-field=eventName]').getByTestId('facet-order').click()
      await page.mouse.move(0, 0)
      await page.screenshot({ path: path.join(target, `screenshot-${size.width}x${size.height}.png`) })
    })
  })
}
