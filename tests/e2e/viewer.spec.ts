// The UI in web mode, in real Chromium: the list, the viewer with its notes in both languages,
// keyboard selection, file problems, opening files, and the README's screenshot.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Page } from '@playwright/test'
import { test } from './fixtures'
import { data, editorText, hoverKey, notes, rows, SAMPLE, SEED, updateTrailRow } from './viewer-helpers'

const here = path.dirname(fileURLToPath(import.meta.url))
const BROKEN = data('broken-trail.json')
const SCREENSHOT = path.join(here, '..', '..', 'assets', 'screenshot.png')

async function selectSeed(page: Page): Promise<void> {
  await expect(updateTrailRow(page)).toHaveCount(1)
  await updateTrailRow(page).click()
  await expect(updateTrailRow(page)).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('viewer-event-name')).toHaveText('UpdateTrail')
  await expect.poll(() => editorText(page)).toContain('"eventVersion": "1.05"')
}

test.describe('viewer', () => {
  test.use({ locale: 'en-US', colorScheme: 'light' })

  test('lists the seed event with its error marked', async ({ openApp }) => {
    const page = await openApp([SEED])
    await expect(rows(page)).toHaveCount(1)
    const row = updateTrailRow(page)
    await expect(row).toHaveAttribute('data-error', 'true')
    await expect(row.getByTestId('row-error')).toHaveText('InvalidCloudWatchLogsRoleArnException')
    await expect(row).toContainText('2020-05-05 03:33:28')
    await expect(row).toContainText('cloudtrail')
    await expect(row).toContainText('skksky')
    await expect(row).toContainText('ap-northeast-1')
    await expect(page.getByText('Time (UTC)')).toBeVisible()
    await expect(page.getByTestId('count-shown')).toHaveText('1')
    await expect(page.getByTestId('count-loaded')).toHaveText('1')
    // no event selected yet
    await expect(page.getByTestId('viewer-empty')).toBeVisible()
  })

  test('shows the selected event pretty-printed, with notes in English and Japanese', async ({ openApp }) => {
    const page = await openApp([SEED])
    // Tall enough for Monaco to render every line of the event.
    await page.setViewportSize({ width: 1600, height: 2000 })
    await selectSeed(page)

    const text = await editorText(page)
    // Re-indented from the original text (two spaces), key order kept.
    expect(text).toContain('"eventName": "UpdateTrail"')
    expect(text.indexOf('"eventVersion"')).toBeLessThan(text.indexOf('"recipientAccountId"'))
    await expect(page.getByTestId('viewer-error')).toHaveText('InvalidCloudWatchLogsRoleArnException')
    // The failed call is flagged in the viewer, not by colour alone.
    await expect(page.locator('[data-testid=json-editor] .json-line--error').first()).toBeAttached()
    await expect.poll(() => notes(page)).toContain('⚠ the call FAILED: error code')

    const english = await notes(page)
    for (const note of ['who made the call', 'which service', 'which action', 'the AWS API request', 'the AWS API response', 'why it failed', 'when · Tue 2020-05-05 03:33:28 UTC']) {
      expect(english, note).toContain(note)
    }
    expect(await hoverKey(page, 'userIdentity')).toContain('who made the call')
    expect(await hoverKey(page, 'eventTime')).toContain('in UTC')

    await page.getByTestId('lang-ja').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
    await expect.poll(() => notes(page)).toContain('実行したユーザー')
    const japanese = await notes(page)
    // The user's own words.
    for (const note of ['実行したユーザー', '実行したサービス', '実行したアクション', 'AWS APIのリクエスト', 'AWS APIのレスポンス', '失敗した理由', '実行日時 · 2020-05-05 (火) 03:33:28 UTC']) {
      expect(japanese, note).toContain(note)
    }
    expect(await hoverKey(page, 'userIdentity')).toContain('実行したユーザー')
    await expect(page.getByText('日時 (UTC)')).toBeVisible()

    // The choice is kept.
    await page.reload()
    await page.waitForSelector('body[data-app-state="ready"]')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
    await expect(page.getByTestId('lang-ja')).toHaveAttribute('aria-pressed', 'true')
  })

  test('moves the selection with the keyboard, newest first', async ({ openApp }) => {
    const page = await openApp([SEED, SAMPLE])
    await expect(page.getByTestId('count-loaded')).toHaveText('49')
    const list = page.getByTestId('event-list')
    await expect(list).toHaveAttribute('role', 'listbox')
    // Newest first.
    const times = await rows(page).locator('.cell--time').allTextContents()
    expect(times.length).toBeGreaterThan(5)
    expect([...times].sort().reverse()).toEqual(times)

    await list.focus()
    await page.keyboard.press('Home')
    await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-0')
    await expect(page.locator('#event-row-0')).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-2')
    await page.keyboard.press('ArrowUp')
    await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-1')
    await page.keyboard.press('End')
    await expect(list).toHaveAttribute('aria-activedescendant', 'event-row-48')
    await expect(page.locator('#event-row-48')).toBeInViewport()
    await page.keyboard.press('PageUp')
    const active = await list.getAttribute('aria-activedescendant')
    expect(Number(active?.replace('event-row-', ''))).toBeLessThan(48)
    // The viewer follows the selection.
    const selected = page.locator('[data-testid=event-row][aria-selected=true]')
    const name = await selected.locator('.cell--eventName').textContent()
    await expect(page.getByTestId('viewer-event-name')).toHaveText(name ?? '')

    // `/` focuses the filter bar.
    await list.focus()
    await page.keyboard.press('/')
    await expect(page.getByTestId('filter-input')).toBeFocused()
  })

  test('names a file that could not be read, with the reason', async ({ openApp }) => {
    const page = await openApp([BROKEN, SEED])
    await expect(updateTrailRow(page)).toHaveCount(1)
    const problems = page.getByTestId('file-errors')
    await expect(problems).toBeVisible()
    const problem = problems.getByTestId('file-error').filter({ hasText: 'broken-trail.json' })
    await expect(problem).toHaveCount(1)
    await expect(problem.getByTestId('file-error-reason')).toHaveText('could not be read: invalid JSON at byte 82: unexpected end of data')
    // The loader's reason is said in the UI's language too (renderer/format/problem-words.ts).
    await page.getByTestId('lang-ja').click()
    await expect(problem.getByTestId('file-error-reason')).toHaveText('読み込めませんでした: 82 バイト目で不正な JSON: データが途中で終わっています')
  })

  test('starts empty, and opens files picked with Open', async ({ openApp }) => {
    const page = await openApp([])
    await expect(page.getByTestId('empty-state')).toContainText('Drop CloudTrail .json or .json.gz files or a folder here, or use Open')
    await expect(page.getByTestId('count-loaded')).toHaveText('0')
    // Web mode: the Open button uses a file input, whose files are uploaded to the server.
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('open-button').click()
    await (await chooser).setFiles([SEED])
    await expect(updateTrailRow(page)).toHaveCount(1)
    await expect(page.getByTestId('empty-state')).toHaveCount(0)
    await selectSeed(page)
  })
})

test.describe('README screenshot', () => {
  test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', colorScheme: 'light' })

  test('the seed event selected among others', async ({ openApp }) => {
    const page = await openApp([SEED, SAMPLE, BROKEN])
    await expect(page.getByTestId('count-loaded')).toHaveText('49')
    await expect(page.getByTestId('file-errors')).toBeVisible()
    await selectSeed(page)
    await expect.poll(() => notes(page)).toContain('who made the call')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: SCREENSHOT })
  })
})
