// The shared modal dialog (renderer/components/Modal.tsx), in web mode in real Chromium, on the
// dialogs that had no such check: the Detections and Integrity panels and the account name
// dialog. Each is named by its title, takes focus inside, closes on Escape, and gives focus back
// (to the button that opened it; the account name dialog to the viewer it was opened from).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { editorLine, SEED, updateTrailRow } from './viewer-helpers'

/** Focus is somewhere in the viewer's Monaco editor (it focuses an element of its own choosing). */
const viewerFocused = (page: Page): Promise<boolean> => page.evaluate(() => document.activeElement?.closest('[data-testid=json-editor]') !== null)

for (const panel of ['detections', 'integrity'] as const) {
  test(`the ${panel} panel: named by its title, focus inside, Escape closes and gives focus back`, async ({ openApp }) => {
    const page = await openApp([SEED])
    await expect(page.getByTestId('count-loaded')).toHaveText('1')
    const button = page.getByTestId(`${panel}-button`)
    await button.click()
    const dialog = page.getByTestId(`${panel}-panel`)
    await expect(dialog).toBeVisible()
    const title = panel === 'detections' ? 'Detections' : 'Integrity'
    await expect(page.getByRole('dialog', { name: title })).toBeVisible()
    // showModal() puts focus inside: the title bar's × is the first control.
    await expect(page.getByTestId(`${panel}-close`)).toBeFocused()
    // Everything behind is inert: the button behind cannot be clicked while the dialog is open.
    await expect(button.click({ timeout: 1_000 })).rejects.toThrow()
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(button).toBeFocused()

    // The × closes it too, and focus comes back the same way.
    await button.click()
    await expect(dialog).toBeVisible()
    await page.getByTestId(`${panel}-close`).click()
    await expect(dialog).toBeHidden()
    await expect(button).toBeFocused()
  })
}

test.describe('the account name dialog', () => {
  // Tall enough for Monaco to render every line of the seed event.
  test.use({ viewport: { width: 1600, height: 2200 } })

  test('typing replaces the name, Escape cancels, the backdrop cancels, focus goes back to the viewer', async ({ openApp }) => {
    const page = await openApp([SEED])
    await updateTrailRow(page).click()
    await expect(page.getByTestId('viewer-event-name')).toHaveText('UpdateTrail')
    await editorLine(page, 'accountId').click()
    const nameAccount = page.getByTestId('field-name-account')
    await nameAccount.click()
    const dialog = page.getByTestId('alias-dialog')
    await expect(page.getByRole('dialog', { name: /^Name AWS account \d{12}$/ })).toBeVisible()
    await expect(page.getByTestId('alias-input')).toBeFocused()
    await page.keyboard.type('prod')
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    // Back in the viewer's editor, and nothing was saved.
    await expect.poll(() => viewerFocused(page)).toBe(true)
    await nameAccount.click()
    await expect(page.getByTestId('alias-input')).toHaveValue('')

    // A press on the backdrop (outside the dialog's box) cancels as well.
    await page.mouse.click(5, 5)
    await expect(dialog).toHaveCount(0)
    await expect.poll(() => viewerFocused(page)).toBe(true)
  })
})
