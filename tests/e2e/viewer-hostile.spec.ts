// Hostile events in the viewer, in real Chromium: an event nested 100,000 levels deep used to
// crash the renderer (pretty-printing grew quadratically). It must open as its raw text, under a
// notice saying why, with the page raising no error.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect } from '@playwright/test'
import { test } from './fixtures'
import { editorText, rows } from './viewer-helpers'

const DEPTH = 100_000

/** A DeleteBucket event whose requestParameters hold `depth` nested objects, written as text. */
function deepEventFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-deep-'))
  const nested = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`
  const event =
    '{"eventVersion":"1.08","eventTime":"2024-03-05T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"DeleteBucket",' +
    '"awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","userIdentity":{"type":"IAMUser","userName":"mallory"},' +
    `"requestParameters":${nested},"eventID":"deep-1","recipientAccountId":"111122223333"}`
  const file = path.join(dir, 'deep-trail.json')
  writeFileSync(file, `{"Records":[${event}]}`)
  return file
}

test.describe('hostile events in the viewer', () => {
  test.use({ locale: 'en-US', colorScheme: 'light' })

  test('an event nested 100,000 levels deep opens as raw text with a notice, and nothing throws', async ({ openApp, page }) => {
    test.setTimeout(90_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('crash', () => errors.push('the page crashed'))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })

    await openApp([deepEventFile()])
    await expect(rows(page)).toHaveCount(1)
    await rows(page).first().click()
    await expect(page.getByTestId('viewer-event-name')).toHaveText('DeleteBucket')

    const notice = page.getByTestId('viewer-raw-notice')
    await expect(notice).toBeVisible()
    await expect(notice).toHaveAttribute('data-problem', 'tooDeep')
    await expect(notice).toContainText('nested more than 1000 levels deep')
    // The raw text, as written (not re-indented): the first line holds the start of the event.
    // (Monaco wraps the one long line, so only its first piece is read.)
    await expect.poll(() => editorText(page)).toMatch(/^\{"eventVersion":"1\.08",/)

    // The page still answers: a query runs.
    await page.getByTestId('filter-input').fill('user:mallory')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('count-shown')).toHaveText('1')
    expect(errors).toEqual([])
  })
})
