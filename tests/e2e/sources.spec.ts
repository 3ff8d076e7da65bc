// Issue #12 §3 in Chromium, web mode: files dropped or picked onto a loaded set ask whether they
// join this investigation or start a new one (keyboard operable); the Sources panel lists the
// command-line path and the upload with their counts; a source can be hidden from the views and
// shown again, and a new investigation can be started without one (only when the others can be
// read again: an upload cannot); a folder can be picked and is loaded whole.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { SIZES } from './laptop-helpers'
import { makeEvent, seededRandom } from '../support/cloudtrail-events'

let dir = ''
const random = seededRandom(77)
function trailFile(name: string, n: number, account: string): string {
  const records = Array.from({ length: n }, (_, i) => makeEvent(random, { account, time: new Date(Date.UTC(2024, 6, 1, 0, i)) }))
  const file = path.join(dir, name)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify({ Records: records }))
  return file
}

let onServer = '', added = '', fresh = '', folder = ''
test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-sources-e2e-'))
  onServer = trailFile('server-side.json', 40, '111111111111')
  added = trailFile('added.json', 15, '222222222222')
  fresh = trailFile('fresh.json', 9, '333333333333')
  folder = path.join(dir, 'AWSLogs')
  trailFile('AWSLogs/a/one.json', 6, '444444444444')
  trailFile('AWSLogs/b/c/two.json', 5, '444444444444')
  writeFileSync(path.join(folder, 'notes.txt'), 'not a log')
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

const loaded = (page: Page) => page.getByTestId('count-loaded')
const shown = (page: Page) => page.getByTestId('count-shown')

for (const size of SIZES) {
  test.describe(`sources and load choices at ${size.width}×${size.height}`, () => {
    test.use({ locale: 'en-US', viewport: size })

    test('a drop onto a loaded set asks; Sources lists, hides and starts anew without a source', async ({ openApp }) => {
      const page = await openApp([onServer])
      await expect(loaded(page)).toHaveText('40')
      await expect(page.getByTestId('sources-button')).toContainText('1')

      // Picked onto the loaded set: asked first, nothing loaded yet; Enter takes "Add" (focused first).
      await page.getByTestId('file-input').setInputFiles(added)
      const choice = page.getByTestId('load-choice')
      await expect(choice).toBeVisible()
      await expect(choice).toContainText('1 file to load, while 40 events are loaded.')
      await expect(page.getByTestId('load-choice-files')).toHaveText('added.json')
      await expect(loaded(page)).toHaveText('40')
      await expect(page.getByTestId('load-choice-add')).toBeFocused()
      await page.keyboard.press('Enter')
      await expect(choice).toBeHidden()
      await expect(loaded(page)).toHaveText('55')

      await page.getByTestId('sources-button').click()
      const panel = page.getByTestId('sources-panel')
      const sourceRows = panel.getByTestId('source-row')
      await expect(sourceRows).toHaveCount(2)
      await expect(sourceRows.nth(0)).toContainText(onServer)
      await expect(sourceRows.nth(0)).toContainText('1 file')
      await expect(sourceRows.nth(0)).toContainText('40 events')
      await expect(sourceRows.nth(1)).toContainText('Uploaded')
      await expect(sourceRows.nth(1)).toContainText('added.json')
      await expect(sourceRows.nth(1)).toContainText('15 events')

      // Hidden: its events leave the list; shown again: they are back.
      await sourceRows.nth(0).getByTestId('source-hide').click()
      await expect(sourceRows.nth(0)).toHaveAttribute('data-hidden', 'true')
      await expect(shown(page)).toHaveText('15')
      await sourceRows.nth(0).getByTestId('source-hide').click()
      await expect(shown(page)).toHaveText('55')

      // The server-side file cannot be left out of a new investigation (the upload is not kept)...
      await expect(sourceRows.nth(0).getByTestId('source-start-without')).toBeDisabled()
      // ...the upload can: the server-side file is read again, alone.
      await sourceRows.nth(1).getByTestId('source-start-without').click()
      await expect(loaded(page)).toHaveText('40')
      await page.getByTestId('sources-button').click()
      await expect(sourceRows).toHaveCount(1)
      await page.keyboard.press('Escape')
      await expect(panel).toBeHidden()

      // Escape drops the files and changes nothing; "Start a new one" (keyboard) forgets the set first.
      await page.getByTestId('file-input').setInputFiles(fresh)
      await expect(choice).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(choice).toBeHidden()
      await expect(loaded(page)).toHaveText('40')
      await page.getByTestId('file-input').setInputFiles(fresh)
      await expect(page.getByTestId('load-choice-add')).toBeFocused()
      await page.keyboard.press('Shift+Tab')
      await expect(page.getByTestId('load-choice-new')).toBeFocused()
      await page.keyboard.press('Enter')
      await expect(loaded(page)).toHaveText('9')
      await page.getByTestId('sources-button').click()
      await expect(sourceRows).toHaveCount(1)
      await expect(sourceRows.nth(0)).toContainText('fresh.json')
    })

    test('web mode picks a folder, walks it and loads its log files', async ({ openApp }) => {
      const page = await openApp([])
      await expect(page.getByTestId('open-folder-button')).toBeVisible()
      await page.getByTestId('folder-input').setInputFiles(folder)
      await expect(loaded(page)).toHaveText('11')
      await page.getByTestId('sources-button').click()
      const row = page.getByTestId('sources-panel').getByTestId('source-row')
      await expect(row).toHaveCount(1)
      await expect(row).toContainText('2 files')
      await expect(row).toContainText('11 events')
    })
  })
}
