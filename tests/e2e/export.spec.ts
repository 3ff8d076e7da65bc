// Export and copy in web mode, in real Chromium: Shift/Ctrl-click and Ctrl+A selections (their
// count, and how many the filter hides), the export dialog (scope, format, gzip, keyboard), the
// browser download the server streams, the downloaded file reopened by upload with the same
// events, and Ctrl+C putting the selection on the clipboard as JSON Lines. The data is generated
// here: one event a minute, each with its own name, so every row is known.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { test } from './fixtures'

const BASE = Date.UTC(2024, 2, 5, 10, 0, 0)
const COUNT = 30
const USERS = ['alice', 'bob', 'carol']

/** Event i: named Op00..Op29, at BASE + i minutes; the text is what the file holds, byte for byte. */
function eventText(i: number): string {
  const user = USERS[i % 3]
  return JSON.stringify({
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: `AIDA${user.toUpperCase()}`, arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', userName: user },
    eventTime: new Date(BASE + i * 60_000).toISOString().replace('.000Z', 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: `Op${String(i).padStart(2, '0')}`,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    userAgent: 'aws-cli/2.15.30',
    // A 64-bit id as a bare number and a non-ASCII name: an export must keep both exactly.
    requestParameters: { bucketName: 'logs', objectSize: -1, note: 'ログ' },
    responseElements: null,
    eventID: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    readOnly: i % 2 === 0,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  }).replace('"objectSize":-1', '"objectSize":18446744073709551615')
}

const TEXTS = Array.from({ length: COUNT }, (_, i) => eventText(i))
const NAME = (i: number): string => `Op${String(i).padStart(2, '0')}`

let dir = ''
let trail = ''

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-export-e2e-'))
  trail = path.join(dir, 'trail.json')
  writeFileSync(trail, `{"Records":[${TEXTS.join(',')}]}`)
})

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const rows = (page: Page): Locator => page.getByTestId('event-row')
const row = (page: Page, index: number): Locator => page.locator(`[data-testid=event-row][data-index="${index}"]`)
const filter = (page: Page): Locator => page.getByTestId('filter-input')
/** Newest first (the default sort): the row at `index` holds event COUNT - 1 - index. */
const eventAt = (index: number): number => COUNT - 1 - index

async function open(openApp: (files?: string[]) => Promise<Page>): Promise<Page> {
  const page = await openApp([trail])
  await expect(page.getByTestId('count-loaded')).toHaveText(String(COUNT))
  await expect(row(page, 0).locator('.cell--eventName')).toHaveText(NAME(COUNT - 1))
  return page
}

async function exportFile(page: Page, save: string): Promise<{ download: Download; file: string }> {
  const downloaded = page.waitForEvent('download')
  await page.getByTestId('export-start').click()
  const download = await downloaded
  const file = path.join(dir, save)
  await download.saveAs(file)
  return { download, file }
}

/** The events of a CloudTrail file, as the texts the file holds (split at the top-level commas of Records). */
function recordsTexts(text: string): string[] {
  expect(text.startsWith('{"Records":[\n')).toBe(true)
  expect(text.endsWith('\n]}\n')).toBe(true)
  const inner = text.slice('{"Records":[\n'.length, -'\n]}\n'.length)
  return inner === '' ? [] : inner.split(',\n')
}

test.describe('export and copy', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', colorScheme: 'light', acceptDownloads: true })

  test('a Shift/Ctrl-click selection survives a filter, exports to a .json.gz download that reopens with the same events', async ({ openApp }) => {
    const page = await open(openApp)
    // Rows 0-4 by click and Shift-click, then row 7 by Ctrl-click: six events.
    await row(page, 0).click()
    await row(page, 4).click({ modifiers: ['Shift'] })
    await row(page, 7).click({ modifiers: ['Control'] })
    await expect(page.getByTestId('selection-count')).toHaveText('6 selected')
    const picked = [0, 1, 2, 3, 4, 7].map(eventAt)
    await expect(page.locator('[data-testid=event-row].row--marked')).toHaveCount(6)
    // A new sort keeps it (the selection is by event, not by row).
    await page.getByTestId('sort-eventName').click()
    await expect(row(page, 0).locator('.cell--eventName')).toHaveText(NAME(0))
    await expect(page.getByTestId('selection-count')).toHaveText('6 selected')
    await page.getByTestId('sort-time').click()
    await expect(row(page, 0).locator('.cell--eventName')).toHaveText(NAME(COUNT - 1))
    await expect(page.locator('[data-testid=event-row].row--marked')).toHaveCount(6)

    // A filter that shows only bob's events hides some of them; they stay selected and are counted.
    const bobs = picked.filter((i) => i % 3 === 1)
    await filter(page).fill('user:bob')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('count-shown')).toHaveText(String(TEXTS.filter((_, i) => i % 3 === 1).length))
    await expect(page.getByTestId('selection-count')).toHaveText('6 selected')
    await expect(page.getByTestId('selection-hidden')).toHaveText(`${picked.length - bobs.length} hidden by the filter`)
    await expect(page.locator('[data-testid=event-row].row--marked')).toHaveCount(bobs.length)

    // Ctrl+E opens the dialog on the selection, and it says how many of them the filter hides.
    await page.getByTestId('event-list').focus()
    await page.keyboard.press('Control+e')
    await expect(page.getByTestId('export-dialog')).toBeVisible()
    await expect(page.getByTestId('export-scope-selected')).toBeChecked()
    await expect(page.getByTestId('export-hidden')).toContainText(`${picked.length - bobs.length} of the selected events are hidden`)
    await page.getByTestId('export-format-records').check()
    await page.getByTestId('export-gzip').check()
    await expect(page.getByTestId('export-start')).toHaveText('Export 6 events')
    const { download, file } = await exportFile(page, 'selected.json.gz')
    expect(download.suggestedFilename()).toMatch(/^ashiato-export-\d{8}-\d{4}\.json\.gz$/)
    await expect(page.getByTestId('export-notice')).toHaveText(new RegExp(`^6 events written to ${download.suggestedFilename().replace(/\./g, '\\.')}`))
    await expect(page.getByTestId('export-dialog')).toBeHidden()

    // Byte-identical events: bob's (shown) in the view's order, then the hidden ones by time.
    const texts = recordsTexts(gunzipSync(readFileSync(file)).toString('utf8'))
    const hiddenByTime = picked.filter((i) => i % 3 !== 1).sort((a, b) => a - b)
    expect(texts).toEqual([...bobs, ...hiddenByTime].map((i) => TEXTS[i]))

    // The download reopens: clear, upload it, and the same six events are there.
    await filter(page).fill('')
    await page.keyboard.press('Enter')
    await page.getByTestId('clear-button').click()
    await page.getByTestId('clear-confirm').click()
    await expect(page.getByTestId('count-loaded')).toHaveText('0')
    await page.getByTestId('file-input').setInputFiles([file])
    await expect(page.getByTestId('count-loaded')).toHaveText('6')
    await expect.poll(async () => (await rows(page).locator('.cell--eventName').allTextContents()).sort()).toEqual(picked.map(NAME).sort())
  })

  test('the whole filtered result exports as JSON Lines and as CSV; Escape closes the dialog', async ({ openApp }) => {
    const page = await open(openApp)
    await filter(page).fill('user:alice')
    await page.keyboard.press('Enter')
    const alices = TEXTS.map((_, i) => i).filter((i) => i % 3 === 0)
    await expect(page.getByTestId('count-shown')).toHaveText(String(alices.length))

    // The top bar's Export…; nothing is multi-selected, so the whole result is the default.
    await page.getByTestId('export-button').click()
    await expect(page.getByTestId('export-scope-result')).toBeChecked()
    await page.getByTestId('export-format-jsonl').check()
    await page.getByTestId('export-gzip').uncheck()
    const { download, file } = await exportFile(page, 'result.jsonl')
    expect(download.suggestedFilename()).toMatch(/^ashiato-export-\d{8}-\d{4}\.jsonl$/)
    // Newest first, as the list shows them; each line exactly the event's text.
    expect(readFileSync(file, 'utf8')).toBe(
      alices
        .reverse()
        .map((i) => `${TEXTS[i]}\n`)
        .join(''),
    )

    // Keyboard: Ctrl+E opens it, Escape closes it.
    await page.getByTestId('event-list').focus()
    await page.keyboard.press('Control+e')
    await expect(page.getByTestId('export-dialog')).toBeVisible()
    await expect(page.getByTestId('export-start')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('export-dialog')).toBeHidden()

    // CSV: the console's columns, one row per event.
    await page.getByTestId('export-button').click()
    // Gzip chosen for JSON does not carry over to CSV (each format keeps its own choice).
    await page.getByTestId('export-format-records').check()
    await page.getByTestId('export-gzip').check()
    await page.getByTestId('export-format-csv').check()
    await expect(page.getByTestId('export-gzip')).not.toBeChecked()
    await page.getByTestId('export-format-records').check()
    await expect(page.getByTestId('export-gzip')).toBeChecked()
    await page.getByTestId('export-format-csv').check()
    await expect(page.getByTestId('export-csv-columns')).toContainText('the console’s twelve')
    const csv = await exportFile(page, 'result.csv')
    const lines = readFileSync(csv.file, 'utf8').trimEnd().split('\r\n')
    expect(lines[0].startsWith('Event ID,Event time,User name,Event name')).toBe(true)
    expect(lines).toHaveLength(alices.length + 1)
    expect(lines.every((line, i) => i === 0 || line.includes(',alice,'))).toBe(true)
  })

  test('Ctrl+A selects the whole result without fetching it; Ctrl-click takes one off; the filter hides the rest', async ({ openApp }) => {
    const page = await open(openApp)
    await row(page, 0).click()
    await page.keyboard.press('Control+a')
    await expect(page.getByTestId('selection-count')).toHaveText(`${COUNT} selected`)
    await row(page, 2).click({ modifiers: ['Control'] })
    await expect(page.getByTestId('selection-count')).toHaveText(`${COUNT - 1} selected`)
    await expect(row(page, 2)).not.toHaveClass(/row--marked/)

    // Another filter: its rows are marked as far as they are in the selection, the rest counted as hidden.
    await filter(page).fill('user:carol')
    await page.keyboard.press('Enter')
    const carols = TEXTS.map((_, i) => i).filter((i) => i % 3 === 2)
    await expect(page.getByTestId('count-shown')).toHaveText(String(carols.length))
    const off = eventAt(2)
    const carolsSelected = carols.filter((i) => i !== off).length
    await expect(page.getByTestId('selection-hidden')).toHaveText(`${COUNT - 1 - carolsSelected} hidden by the filter`)
    await expect(page.locator('[data-testid=event-row].row--marked')).toHaveCount(carolsSelected)

    await page.getByTestId('export-selection').click()
    await expect(page.getByTestId('export-scope-selected')).toBeChecked()
    await page.getByTestId('export-format-records').check()
    await page.getByTestId('export-gzip').uncheck()
    const { file } = await exportFile(page, 'all-but-one.json')
    const texts = recordsTexts(readFileSync(file, 'utf8'))
    expect(texts).toHaveLength(COUNT - 1)
    expect(new Set(texts)).toEqual(new Set(TEXTS.filter((_, i) => i !== off)))
  })

  test('Ctrl+C copies the selected events as JSON Lines', async ({ openApp, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const page = await open(openApp)
    await row(page, 1).click()
    await row(page, 3).click({ modifiers: ['Shift'] })
    await expect(page.getByTestId('selection-count')).toHaveText('3 selected')
    await page.keyboard.press('Control+c')
    await expect(page.getByTestId('export-notice')).toHaveText(/^3 events copied as JSON Lines/)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    // In the list's order: newest first.
    expect(copied).toBe([1, 2, 3].map((index) => `${TEXTS[eventAt(index)]}\n`).join(''))
  })
})
