// Issue #12 §6 at 1280×800 and 1440×900, the small things a careful user notices: custom time
// inputs that show and take seconds, the keyboard hint whole, times in the list whole beside
// the row markers.
import { expect, test } from './fixtures'
import { isCut, rows, SIZES } from './laptop-helpers'

const SAMPLE = 'tests/e2e/data/sample-trail.json'

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
  })
}
