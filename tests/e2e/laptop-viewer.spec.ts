// Issue #12 §4 at 1280×800 and 1440×900 on a real trail: the card above the JSON answers who,
// when, what, from where and the result (error code AND message in full, with what it means) in
// the same place for every event; n / Shift+N go to the next / previous failed event, as the
// keyboard help (whole at 1280 px) says.
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { INVICTUS, INVICTUS_EVENTS, invictusFiles, isCut, rows, SIZES } from './laptop-helpers'

/** The trail's error messages for an error code, read from its files. */
function messagesOf(code: string): string[] {
  const messages = new Set<string>()
  for (const file of invictusFiles()) {
    for (const record of (JSON.parse(readFileSync(file, 'utf8')) as { Records: { errorCode?: string; errorMessage?: string }[] }).Records) {
      if (record.errorCode === code && record.errorMessage) messages.add(record.errorMessage)
    }
  }
  return [...messages]
}

for (const size of SIZES) {
  test.describe(`reading events at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })
    test.skip(!INVICTUS, '../shared/data/invictus is absent (not part of this repository)')

    test('the event card and next / previous failed event', async ({ openApp }) => {
      const page = await openApp([INVICTUS!])
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      await rows(page).first().click()
      const card = page.getByTestId('event-card')
      await expect(card).toBeVisible()
      await expect(page.getByTestId('card-what')).toContainText(await page.getByTestId('viewer-event-name').innerText())
      const cardBox = await card.boundingBox()

      // n: the next failed row, in the list's order; the card says why, with the message in full.
      await page.getByTestId('event-list').focus()
      await page.keyboard.press('n')
      const selected = page.locator('[data-testid=event-row][aria-selected=true]')
      await expect(selected).toHaveAttribute('data-error', 'true')
      const first = Number(await selected.getAttribute('data-index'))
      const code = await selected.getByTestId('row-error').innerText()
      await expect(page.getByTestId('card-result')).toContainText(code)
      // The message is whole: exactly one of the trail's messages for that code.
      const message = await page.getByTestId('card-result').locator('.event-card__message').textContent()
      expect(messagesOf(code)).toContain(message)
      // Every row before it succeeded.
      for (let i = 0; i < first; i++) await expect(rows(page).nth(i)).not.toHaveAttribute('data-error', 'true')
      // The card is where it was: the eye does not move.
      expect((await card.boundingBox())!.y).toBe(cardBox!.y)

      await page.keyboard.press('n')
      await expect(selected).toHaveAttribute('data-error', 'true')
      const second = Number(await selected.getAttribute('data-index'))
      expect(second).toBeGreaterThan(first)
      await page.keyboard.press('Shift+N')
      await expect(selected).toHaveAttribute('data-index', String(first))

      // A throttled call: the card explains the code.
      await page.getByTestId('filter-input').fill('error:ThrottlingException')
      await page.keyboard.press('Enter')
      // The click goes to the new result's row, not the previous one's still on screen.
      await expect(rows(page).first().getByTestId('row-error')).toHaveText('ThrottlingException')
      await rows(page).first().click()
      await expect(page.getByTestId('card-result')).toContainText('ThrottlingException')
      await expect(page.getByTestId('card-result').locator('.event-card__why')).not.toBeEmpty()

      // The keyboard help names n / Shift+N and is whole.
      const help = page.getByTestId('keyboard-help')
      await expect(help).toContainText('n / Shift+N')
      expect(await isCut(help)).toBe(false)
    })
  })
}

for (const size of SIZES) {
  test.describe(`no silent zero at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })
    test.skip(!INVICTUS, '../shared/data/invictus is absent (not part of this repository)')

    test('a filter that matches nothing says why and offers the query it meant', async ({ openApp }) => {
      const page = await openApp([INVICTUS!])
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      const filter = page.getByTestId('filter-input')
      await filter.fill('event:Describe')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('no-matches')).toBeVisible()
      await expect(page.getByTestId('zero-hint-prefix')).toContainText('No event is exactly “Describe”')
      await page.getByTestId('zero-try-prefix').click()
      await expect(filter).toHaveValue('event:Describe*')
      await expect(rows(page).first()).toContainText('Describe')

      await filter.fill('eventName=DeleteTrail')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('zero-hint-useColon')).toContainText('“:”')
      await page.getByTestId('zero-try-useColon').click()
      await expect(filter).toHaveValue('eventName:DeleteTrail')
      await expect(page.getByTestId('count-shown')).toHaveText('3')
    })
  })
}
