// Issue #12 §1 at 1280×800 and 1440×900 on a real trail: nothing important cut off by default,
// columns resized (drag, double-click to fit), reordered and kept, long identifiers shortened in
// the middle with the full value on hover, any field as a column, and a keyboard splitter that
// keeps both panes usable; the viewer's header keeps the event name whole.
import { expect, test } from './fixtures'
import { headerColumns, INVICTUS, INVICTUS_EVENTS, isCut, rows, SIZES, widthOf } from './laptop-helpers'

for (const size of SIZES) {
  test.describe(`list and viewer at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })
    test.skip(!INVICTUS, '../shared/data/invictus is absent (not part of this repository)')

    const open = async (openApp: (files?: string[]) => Promise<import('@playwright/test').Page>) => {
      const page = await openApp([INVICTUS!])
      await expect(page.getByTestId('count-loaded')).toHaveText(INVICTUS_EVENTS.toLocaleString('en-US'))
      await expect(rows(page).first()).toHaveAttribute('data-event-id', /\d+/)
      return page
    }

    test('the default columns show addresses, users and times whole; the list does not scroll sideways', async ({ openApp }) => {
      const page = await open(openApp)
      const list = page.getByTestId('event-list')
      expect(await list.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true)
      // Every IPv4 address, user and time on screen is whole.
      const ips = rows(page).locator('.cell--sourceIp')
      const count = await ips.count()
      expect(count).toBeGreaterThan(10)
      let ipv4 = 0
      for (let i = 0; i < count; i++) {
        const cell = ips.nth(i)
        if (!/^\d+\.\d+\.\d+\.\d+$/.test(await cell.innerText())) continue
        ipv4++
        expect(await isCut(cell), await cell.innerText()).toBe(false)
        expect(await isCut(rows(page).nth(i).locator('.cell--time'))).toBe(false)
      }
      expect(ipv4).toBeGreaterThan(0)

      // The viewer's header keeps the event name whole, even a long one.
      await page.getByTestId('filter-input').fill('event:DescribeVpcEndpointServiceConfigurations')
      await page.keyboard.press('Enter')
      // The click goes to the new result's row, not the previous one's still on screen.
      await expect(rows(page).first()).toContainText('DescribeVpcEndpointServiceConfigurations')
      await rows(page).first().click()
      const name = page.getByTestId('viewer-event-name')
      await expect(name).toHaveText('DescribeVpcEndpointServiceConfigurations')
      expect(await isCut(name)).toBe(false)
      expect(await isCut(page.getByTestId('viewer-file'))).toBe(false)
    })

    test('columns resize by drag and double-click, reorder by drag, and stay so after a reload', async ({ openApp }) => {
      const page = await open(openApp)
      const head = page.getByTestId('head-eventName')
      const before = await widthOf(head)
      const handle = page.getByTestId('resize-eventName')
      const box = (await handle.boundingBox())!
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await page.mouse.down()
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 })
      await page.mouse.up()
      expect(await widthOf(head)).toBeGreaterThan(before + 50)

      // Double-click fits the widest event name on screen: none is cut off then.
      await page.getByTestId('resize-errorCode').dblclick()
      await handle.dblclick()
      const names = rows(page).locator('.cell--eventName')
      for (let i = 0; i < (await names.count()); i++) expect(await isCut(names.nth(i)), await names.nth(i).innerText()).toBe(false)
      const fitted = await widthOf(head)

      // Drag the source IP column onto the event name's place.
      await page.getByTestId('head-sourceIp').dragTo(head)
      expect((await headerColumns(page)).slice(0, 3)).toEqual(['time', 'sourceIp', 'eventName'])
      await expect(rows(page).first().locator('.cell').nth(1)).toHaveClass(/cell--sourceIp/)

      await page.reload()
      await page.locator('body[data-app-state="ready"]').waitFor()
      expect((await headerColumns(page)).slice(0, 3)).toEqual(['time', 'sourceIp', 'eventName'])
      expect(Math.abs((await widthOf(page.getByTestId('head-eventName'))) - fitted)).toBeLessThan(2)

      // The keyboard resizes too; Delete gives the default width back.
      await page.getByTestId('resize-eventName').focus()
      await page.keyboard.press('ArrowLeft')
      expect(await widthOf(page.getByTestId('head-eventName'))).toBeLessThan(fitted - 10)
    })

    test('access keys are shortened in the middle: the distinguishing end stays, the full key is on hover', async ({ openApp }) => {
      const page = await open(openApp)
      await page.getByTestId('columns-button').click()
      await page.getByTestId('column-accessKey').check()
      await page.keyboard.press('Escape')
      const cells = rows(page).locator('.cell--accessKey').filter({ hasText: /^A[SK]IA/ })
      await expect(cells.first()).toBeVisible()
      const cell = cells.first()
      const key = await cell.innerText()
      const full = key.replace(/\s/g, '')
      await expect(cell).toHaveAttribute('title', full)
      // The tail is drawn whole, at the cell's right end, whatever the width.
      const tail = cell.locator('.mid__tail')
      await expect(tail).toHaveText(full.slice(-8))
      expect(await tail.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true)
    })

    test('any field can be a column: from the chooser (errorMessage) and from a value in the viewer (userAgent)', async ({ openApp }) => {
      const page = await open(openApp)
      await page.getByTestId('columns-button').click()
      const fields = page.getByTestId('columns-fields')
      await expect(fields).toContainText('errorMessage')
      await expect(fields).toContainText('userAgent')
      await expect(fields).toContainText('requestParameters.')
      await page.getByTestId('columns-field-search').fill('errorMess')
      await page.getByTestId('column-field-errorMessage').check()
      await page.keyboard.press('Escape')
      expect(await headerColumns(page)).toContain('field:errorMessage')
      await page.getByTestId('filter-input').fill('error:AccessDenied')
      await page.keyboard.press('Enter')
      // Every failed row shows its message, in full on hover.
      const message = rows(page).first().locator('.cell--field')
      await expect(message).not.toHaveText('')
      await expect(message).toHaveAttribute('title', (await message.textContent()) ?? '')

      // From the viewer: the cursor on userAgent, then "Add as column".
      await rows(page).first().click()
      await page.getByTestId('toggle-notes').uncheck()
      const line = page.locator('[data-testid=json-editor] .view-line').filter({ hasText: '"userAgent"' }).first()
      const editor = (await page.getByTestId('json-editor').boundingBox())!
      await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2)
      // Scroll the JSON until Monaco has rendered the line (it renders only the lines in view).
      await expect
        .poll(
          async () => {
            if ((await line.count()) === 0) await page.mouse.wheel(0, 100)
            return line.count()
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0)
      await line.click()
      await expect(page.getByTestId('field-path')).toHaveText('userAgent')
      await page.getByTestId('field-add-column').click()
      expect(await headerColumns(page)).toContain('field:userAgent')
      const agent = rows(page).first().locator('[data-col="field:userAgent"]')
      await expect(agent).not.toHaveText('')
    })

    test('the splitter is visible and moves with the keyboard; both panes keep their minimum', async ({ openApp }) => {
      const page = await open(openApp)
      const splitter = page.getByTestId('splitter')
      expect(await widthOf(splitter)).toBeGreaterThanOrEqual(6)
      await splitter.focus()
      await page.keyboard.press('End')
      expect(await widthOf(page.locator('.pane--viewer'))).toBeGreaterThanOrEqual(339)
      await page.keyboard.press('Home')
      expect(await widthOf(page.locator('.pane--list'))).toBeGreaterThanOrEqual(419)
      const before = await widthOf(page.locator('.pane--list'))
      await page.keyboard.press('ArrowRight')
      expect(await widthOf(page.locator('.pane--list'))).toBeGreaterThan(before)
    })
  })
}
