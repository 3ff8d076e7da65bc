// Issue #12 §3 in web mode at 1280×800 and 1440×900: a folder can be picked (not only files) and
// uploaded, and Clear asks before it forgets the investigation.
import { expect, test } from './fixtures'
import { INVICTUS, INVICTUS_EVENTS, rows, SIZES } from './laptop-helpers'

for (const size of SIZES) {
  test.describe(`loading and clearing at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })
    test.skip(!INVICTUS, '../shared/data/invictus is absent (not part of this repository)')

    test('a picked folder is uploaded whole; Clear asks first, Cancel keeps everything', async ({ openApp }) => {
      const page = await openApp([])
      await expect(page.getByTestId('open-folder-button')).toBeVisible()
      await page.getByTestId('folder-input').setInputFiles(INVICTUS!)
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      await expect(rows(page).first()).toBeVisible()

      await page.getByTestId('clear-button').click()
      await expect(page.getByTestId('clear-popover')).toContainText('2,900')
      await page.getByTestId('clear-cancel').click()
      await expect(page.getByTestId('clear-popover')).toHaveCount(0)
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      await page.getByTestId('clear-button').click()
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))

      await page.getByTestId('clear-button').click()
      await page.getByTestId('clear-confirm').click()
      await expect(page.getByTestId('count-loaded')).toHaveText('0')
      await expect(page.getByTestId('empty-state')).toBeVisible()
    })
  })
}
