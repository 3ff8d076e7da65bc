// Issue #12 §5 in real Chromium: Back / Forward over typed queries, facet clicks and brushes
// (buttons and Alt+← / Alt+→); the view in the address, so a reload (the server loads its
// command-line files again) or a copied link opens the same view; `ip:` with IPv4 and IPv6
// networks; the filter bar completing field names and values, by keyboard and mouse. On the seed
// event and 48 generated events (tests/e2e/data).
import { expect, type Locator, type Page } from '@playwright/test'
import { test } from './fixtures'
import { brushTimeline, SIZES } from './laptop-helpers'
import { rows, SAMPLE, SEED } from './viewer-helpers'

const filter = (page: Page): Locator => page.getByTestId('filter-input')
const shown = (page: Page): Locator => page.getByTestId('count-shown')

async function run(page: Page, query: string): Promise<void> {
  await filter(page).fill(query)
  await filter(page).press('Enter')
}

for (const size of SIZES) {
  test.describe(`a way back at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US', colorScheme: 'light' })

    test('Back and Forward undo and redo typed queries, facet clicks and brushes; the address keeps the view', async ({ openApp }) => {
      const page = await openApp([SEED, SAMPLE])
      await expect(shown(page)).toHaveText('49')
      await expect(page.getByTestId('history-back')).toBeDisabled()

      await run(page, 'source:s3.amazonaws.com')
      await expect(shown(page)).toHaveText('10')
      // A facet click adds a clause: a step of its own.
      const facet = page.locator('[data-testid=facet][data-field=eventName] [data-testid=facet-value]').first()
      const name = await facet.getAttribute('data-value')
      // The facet's own count is what the narrowed view shows (read before the click: reading the
      // shown count after it raced the new view's count, seen once under load).
      const narrowed = (await facet.getByTestId('facet-count').innerText()).trim()
      await facet.locator('.facet-value__main').click()
      await expect(filter(page)).toHaveValue(`source:s3.amazonaws.com event:${name}`)
      await expect(shown(page)).toHaveText(narrowed)

      // A brush on the timeline sets a time range: another step.
      await brushTimeline(page, 0.05, 0.95)
      await expect(page.getByTestId('time-range')).toHaveAttribute('data-range', 'custom')
      await expect(page).toHaveURL(/#q=.*&from=.*&to=/)

      await page.getByTestId('history-back').click()
      await expect(page).not.toHaveURL(/from=/)
      await expect(filter(page)).toHaveValue(`source:s3.amazonaws.com event:${name}`)
      await page.getByTestId('history-back').click()
      await expect(filter(page)).toHaveValue('source:s3.amazonaws.com')
      await expect(shown(page)).toHaveText('10')
      // The keys, from the list.
      await rows(page).first().click()
      await page.keyboard.press('Alt+ArrowLeft')
      await expect(filter(page)).toHaveValue('')
      await expect(shown(page)).toHaveText('49')
      await expect(page.getByTestId('history-back')).toBeDisabled()
      await page.keyboard.press('Alt+ArrowRight')
      await page.keyboard.press('Alt+ArrowRight')
      await expect(filter(page)).toHaveValue(`source:s3.amazonaws.com event:${name}`)
      await expect(shown(page)).toHaveText(narrowed)
      // Alt+← did not leave the page (the browser's own Back).
      expect(page.url()).toContain('#q=')

      // A reload opens the same view, once the server's files are loaded again.
      await page.reload()
      await page.locator('body[data-app-state="ready"]').waitFor()
      await expect(page.getByTestId('count-loaded')).toHaveText('49')
      await expect(filter(page)).toHaveValue(`source:s3.amazonaws.com event:${name}`)
      await expect(shown(page)).toHaveText(narrowed)
    })

    test('Alt+← and n behind the open Export dialog leave the view, the current event, and what the dialog exports, as they were', async ({ openApp }) => {
      const page = await openApp([SEED, SAMPLE])
      await run(page, 'source:s3.amazonaws.com')
      await expect(shown(page)).toHaveText('10')
      await page.getByTestId('event-list').focus()
      await page.keyboard.press('Control+e')
      await expect(page.getByTestId('export-dialog')).toBeVisible()
      await expect(page.getByTestId('export-start')).toHaveText('Export 10 events')
      // No event is current yet: n behind the dialog must not make one (the result holds failed calls).
      await expect(page.getByTestId('viewer-event-name')).toHaveCount(0)
      await page.keyboard.press('Alt+ArrowLeft')
      await page.keyboard.press('Alt+ArrowLeft')
      // n (the next failed event) waits for the dialog too.
      await page.keyboard.press('n')
      // Two frames: a key that went to the history would have re-rendered the filter bar by now.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
      await expect(page.getByTestId('export-start')).toHaveText('Export 10 events')
      await expect(filter(page)).toHaveValue('source:s3.amazonaws.com')
      await expect(shown(page)).toHaveText('10')
      await expect(page.getByTestId('viewer-event-name')).toHaveCount(0)
      await expect(page.getByTestId('history-back')).toBeEnabled()
      expect(page.url()).toContain('#q=') // nor did it leave the page
    })

    test('a link with a view in it opens that view', async ({ openApp }) => {
      const page = await openApp([SEED, SAMPLE])
      await expect(shown(page)).toHaveText('49')
      await page.goto(`${page.url().split('#')[0]}#q=${encodeURIComponent('ip:2001:db8::/32')}&quick=errors`)
      await page.reload()
      await page.locator('body[data-app-state="ready"]').waitFor()
      await expect(filter(page)).toHaveValue('ip:2001:db8::/32')
      await expect(page.getByTestId('quick-errors')).toHaveAttribute('aria-pressed', 'true')
    })

    test('ip: takes IPv4 and IPv6 networks', async ({ openApp }) => {
      const page = await openApp([SEED, SAMPLE])
      await expect(shown(page)).toHaveText('49')
      await run(page, 'ip:198.51.100.0/24')
      await expect(shown(page)).toHaveText('9')
      await expect.poll(async () => [...new Set(await rows(page).locator('.cell--sourceIp').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title'))))]).toEqual(['198.51.100.7'])
      await run(page, 'ip:2001:db8::/32')
      await expect(shown(page)).toHaveText('9')
      await run(page, 'ip:192.0.0.0/8 or ip:203.0.113.0/24')
      await expect(shown(page)).toHaveText('16')
      // A network that holds none of them: no hint to add a '*' to it.
      await run(page, 'ip:10.0.0.0/8')
      await expect(page.getByTestId('no-matches')).toBeVisible()
      await expect(page.getByTestId('zero-hint-prefix')).toHaveCount(0)
    })
  })
}

for (const size of SIZES) {
  test.describe(`completions at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US', colorScheme: 'light' })

    test('the filter bar completes field names and values, by keyboard and by mouse', async ({ openApp }) => {
      const page = await openApp([SEED, SAMPLE])
      await expect(shown(page)).toHaveText('49')
      const list = page.getByTestId('completions')
      const items = list.getByTestId('completion')

      await filter(page).click()
      await filter(page).pressSequentially('ev')
      await expect(items.first()).toHaveText('event:')
      await expect(filter(page)).toHaveAttribute('aria-expanded', 'true')
      await page.keyboard.press('ArrowDown')
      await expect(items.first()).toHaveAttribute('aria-selected', 'true')
      await page.keyboard.press('Enter')
      await expect(filter(page)).toHaveValue('event:')
      // The field's values follow, most frequent first; typing narrows them.
      await expect(items.first()).toBeVisible()
      // Typing pauses run the half-typed query (no event is named "Upd"): the values still come.
      await filter(page).pressSequentially('Upd')
      await expect(shown(page)).toHaveText('0')
      await expect(items).toHaveText(['UpdateFunctionCode20150331v2', 'UpdateTrail'])
      await filter(page).pressSequentially('ateT')
      await expect(items).toHaveText(['UpdateTrail'])
      await page.keyboard.press('Tab')
      await expect(filter(page)).toHaveValue('event:UpdateTrail ')
      await expect(list).toBeHidden()
      await expect(shown(page)).toHaveText('1')
      await expect(filter(page)).toBeFocused()

      // Escape closes the list and keeps the text; the next Escape empties the filter as before.
      await filter(page).pressSequentially('reg')
      await expect(items.first()).toHaveText('region:')
      await page.keyboard.press('Escape')
      await expect(list).toBeHidden()
      await expect(filter(page)).toHaveValue('event:UpdateTrail reg')
      await page.keyboard.press('Escape')
      await expect(filter(page)).toHaveValue('')

      // The mouse: a value of a path seen in the set.
      await filter(page).pressSequentially('source:s3')
      await list.getByText('s3.amazonaws.com', { exact: true }).click()
      await expect(filter(page)).toHaveValue('source:s3.amazonaws.com ')
      await expect(shown(page)).toHaveText('10')
    })
  })
}
