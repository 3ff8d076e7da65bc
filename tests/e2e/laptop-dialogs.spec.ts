// Issue #12 §6 at 1280×800: Compare puts the older event on the left whatever the order of
// selection, and Compare, the dossier and the credential graph share the Modal frame: named by
// their title, focus inside, the page behind inert, Escape closes the one on top, focus comes back.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { data, rows, SAMPLE } from './viewer-helpers'

const CHAIN = data('identity-chain.json')
const listFocused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid=event-list]') !== null)

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } })

test('Compare: the older event is the base on the left, selected first or last; a Modal', async ({ openApp }) => {
  const page = await openApp([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText('48')
  // The list is newest first: row 0 is newer than row 5. Select the newer one first.
  await rows(page).nth(0).click()
  await rows(page).nth(5).click({ modifiers: ['Control'] })
  await page.getByTestId('compare-button').click()
  const dialog = page.getByRole('dialog', { name: 'Compare events' })
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('compare-close')).toBeFocused()
  const base = Number(await page.getByTestId('compare-base').getAttribute('data-time'))
  const other = Number(await page.getByTestId('compare-other').getAttribute('data-time'))
  expect(base).toBeLessThan(other)
  await expect(page.getByTestId('compare-other')).toContainText(await rows(page).nth(0).locator('.cell--time').innerText().then((t) => t.slice(11)))
  // The page behind is inert.
  await expect(page.getByTestId('filter-input').click({ timeout: 1_000 })).rejects.toThrow()
  // Escape from inside the diff editor closes too, and the list has focus again.
  await dialog.locator('.editor.original .view-lines').click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('compare-dialog')).toHaveCount(0)
  await expect.poll(() => listFocused(page)).toBe(true)
})

test('the graph and a dossier opened from it are Modals: Escape closes the one on top first', async ({ openApp }) => {
  const page = await openApp([CHAIN])
  await expect(page.getByTestId('count-loaded')).toHaveText('9')
  await rows(page).filter({ hasText: 'GetObject' }).click()
  await page.getByTestId('who-graph').click()
  const graph = page.getByRole('dialog', { name: 'Credential graph of the events shown' })
  await expect(graph).toBeVisible()
  await expect(page.getByTestId('graph-close')).toBeFocused()
  await expect(page.getByTestId('graph-stats')).toContainText(/\d+ nodes/)

  // The Who section behind is out of reach while the graph is open.
  await expect(page.getByTestId('who-dossier').first().click({ timeout: 1_000 })).rejects.toThrow()
  await page.keyboard.press('Escape')
  await expect(graph).toHaveCount(0)
  await expect(page.getByTestId('who-graph')).toBeFocused()

  // The dossier: named by its title, × focused, Escape closes, focus back to what opened it.
  const opener = page.getByTestId('who-hop').nth(0).getByTestId('who-dossier')
  await opener.click()
  const dossier = page.getByRole('dialog', { name: /^Dossier: alice/ })
  await expect(dossier).toBeVisible()
  await expect(page.getByTestId('dossier-close')).toBeFocused()
  await expect(dossier.getByTestId('dossier-events')).toHaveText('4')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('dossier')).toHaveCount(0)
  await expect(opener).toBeFocused()
})
