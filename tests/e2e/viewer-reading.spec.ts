// Issue #12 §4 in real Chromium: a policy document written inside a string (URL-encoded, as IAM
// writes it) is shown decoded below its line with a note on its risky grant, while Copy JSON keeps
// the event's own text; a bucket policy that opens the bucket to the world is noted; the JSON
// keeps its scroll position (by field path) from one event to the next of the same kind; the
// editor's context menu is opaque and holds Ashiato's actions only. The events are hand-made
// here, in a temporary folder.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import { test } from './fixtures'
import { SIZES } from './laptop-helpers'
import { editorLine, notes, rows } from './viewer-helpers'

const ADMIN_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 4)

function event(i: number, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/mallory', accountId: '111122223333', userName: 'mallory' },
    eventTime: `2024-05-01T10:00:${String(i).padStart(2, '0')}Z`,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    ...fields,
  }
}

/** Many request parameters, so the JSON scrolls; `extra` puts more lines above errorCode. */
function getObject(i: number, extra: number): Record<string, unknown> {
  const requestParameters: Record<string, string> = {}
  for (let k = 0; k < extra; k++) requestParameters[`prefix-${k}`] = `value ${k}`
  for (let k = 0; k < 40; k++) requestParameters[`x-amz-meta-field-${k}`] = `value ${k}`
  return event(i, { eventSource: 's3.amazonaws.com', eventName: 'GetObject', requestParameters, errorCode: 'AccessDenied', errorMessage: 'Access Denied' })
}

function writeTrail(): { file: string; putUserPolicy: Record<string, unknown> } {
  const putUserPolicy = event(1, {
    eventSource: 'iam.amazonaws.com',
    eventName: 'PutUserPolicy',
    requestParameters: { userName: 'mallory', policyName: 'admin', policyDocument: encodeURIComponent(ADMIN_POLICY) },
  })
  const putBucketPolicy = event(2, {
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    requestParameters: { bucketName: 'evidence', bucketPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::evidence/*' }] } },
  })
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-reading-'))
  const file = path.join(dir, 'reading-trail.json')
  writeFileSync(file, JSON.stringify({ Records: [putUserPolicy, putBucketPolicy, getObject(3, 0), getObject(4, 6), getObject(5, 3)] }))
  return { file, putUserPolicy }
}

async function select(page: Page, name: string, nth = 0): Promise<void> {
  await rows(page).filter({ hasText: name }).nth(nth).click()
  await expect(page.getByTestId('viewer-event-name')).toHaveText(name)
}

/**
 * The key of the first line wholly in view, '?' when that line has none ("{"). Monaco reuses
 * line elements, so they are sorted by position; a note that wraps makes a line of its own.
 */
async function topKey(page: Page): Promise<string> {
  return page.getByTestId('json-editor').evaluate((editor) => {
    const top = editor.getBoundingClientRect().top
    const lines = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')]
      .map((line) => ({ line, y: line.getBoundingClientRect().top }))
      .filter(({ y }) => y >= top - 1)
      .sort((a, b) => a.y - b.y)
      .map(({ line }) => line.textContent ?? '')
    const first = lines.findIndex((text) => /^\s*[{"]/.test(text))
    return /^\s*"([^"]+)":/.exec(lines[first] ?? '')?.[1] ?? '?'
  })
}

for (const size of SIZES) {
  test.describe(`reading an event at ${size.width}×${size.height}`, () => {
    test.use({ locale: 'en-US', colorScheme: 'light', viewport: size })

    test.describe('in a tall window', () => {
      // Tall enough for Monaco to render every line of the event, notes included.
      test.use({ viewport: { width: 1600, height: 2200 } })
      test('a URL-encoded policy is decoded below its string, its risky grant noted, Copy JSON unchanged', async ({ openApp, context }) => {
      const { file, putUserPolicy } = writeTrail()
      const page = await openApp([file])
      // Each decoded block put in the page, counted: a new event builds its blocks once.
      await page.evaluate(() => {
        const counted = window as unknown as { zonesAdded: number }
        counted.zonesAdded = 0
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLElement && node.dataset.testid === 'embedded-json') counted.zonesAdded++
        }).observe(document.body, { childList: true, subtree: true })
      })
      await select(page, 'PutUserPolicy')
      const child = page.getByTestId('embedded-json')
      await expect(child).toHaveAttribute('data-path', 'requestParameters.policyDocument')
      await expect(child).toContainText('URL-encoded')
      await expect(child.locator('pre')).toHaveText(JSON.stringify(JSON.parse(ADMIN_POLICY), null, 2))
      await expect.poll(() => notes(page)).toContain('risky grant: Allow "Action": "*" on "Resource": "*" (full administrator) (statement 1, Sid “Everything”)')
      expect(await page.evaluate(() => (window as unknown as { zonesAdded: number }).zonesAdded)).toBe(1)

      // Copy JSON copies the event as written (re-indented), not the decoded child.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.getByTestId('copy-json').click()
      await expect(page.getByTestId('viewer-flash')).not.toBeEmpty()
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      expect(copied).toBe(JSON.stringify(putUserPolicy, null, 2))

      // A bucket policy written as an object: the note on its key, no decoded child.
      await select(page, 'PutBucketPolicy')
      await expect(page.getByTestId('embedded-json')).toHaveCount(0)
      await expect.poll(() => notes(page)).toContain('the bucket is open to the world')
      })
    })

    test('the JSON keeps its place by field path between events of the same kind', async ({ openApp }) => {
      const { file } = writeTrail()
      const page = await openApp([file])
      await select(page, 'GetObject', 0)
      await expect.poll(() => topKey(page)).toBe('?') // line 1 is "{"
      // Scrolled down with the keyboard, as a reader of a long event would.
      await editorLine(page, 'eventVersion').click()
      for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown')
      // Which field is at the top depends on the window's height (a metadata field at 1440×900).
      await expect.poll(() => topKey(page)).toMatch(/^[\w-]+$/)
      const kept = await topKey(page)

      // The next GetObject has more fields above: the same field is at the top, on another line.
      await select(page, 'GetObject', 1)
      await expect.poll(() => topKey(page)).toBe(kept)
      await select(page, 'GetObject', 2)
      await expect.poll(() => topKey(page)).toBe(kept)
      // Another kind opens at its top.
      await select(page, 'PutUserPolicy')
      await expect.poll(() => topKey(page)).toBe('?')
    })

    test('n / Shift+N go to the next / previous failed event from the viewer too', async ({ openApp }) => {
      const { file } = writeTrail()
      const page = await openApp([file])
      // Newest first: the three failed GetObject calls, then the two policy calls that succeeded.
      await select(page, 'PutBucketPolicy')
      const selected = page.locator('[data-testid=event-row][aria-selected=true]')
      await expect(selected).toHaveAttribute('data-index', '3')
      // Into the viewer (Monaco's text area has the focus), then n: up the list is the previous one.
      await editorLine(page, 'eventVersion').click()
      await page.keyboard.press('Shift+N')
      await expect(selected).toHaveAttribute('data-index', '2')
      await expect(selected).toHaveAttribute('data-error', 'true')
      await expect(page.getByTestId('viewer-event-name')).toHaveText('GetObject')
      await editorLine(page, 'eventVersion').click()
      await page.keyboard.press('Shift+N')
      await expect(selected).toHaveAttribute('data-index', '1')
      await editorLine(page, 'eventVersion').click()
      await page.keyboard.press('n')
      await expect(selected).toHaveAttribute('data-index', '2')
    })

    test("the editor's context menu is opaque and holds only Ashiato's actions", async ({ openApp }) => {
      const { file } = writeTrail()
      const page = await openApp([file])
      await select(page, 'PutUserPolicy')
      const menu = page.locator('.context-view.monaco-menu-container')
      // Monaco now and then ignores a right-click that comes right after the model changed; the
      // line is measured inside the retry, as it may not be drawn yet (CI: a null box at 1280×800).
      await expect(async () => {
        const box = await editorLine(page, 'eventVersion').boundingBox()
        expect(box).not.toBeNull()
        if (!box) return
        await page.mouse.click(box.x + 30, box.y + box.height / 2, { button: 'right' })
        await expect(menu).toBeVisible({ timeout: 1_500 })
      }).toPass({ timeout: 10_000 })
      const items = await menu.getByRole('menuitem').allInnerTexts()
      expect(items.map((item) => item.trim())).toEqual([
        'Filter: only events with this value',
        'Filter: hide events with this value',
        'Copy value',
        'Copy path',
        'Copy event JSON',
        'Add as column',
      ])
      const background = await menu.locator('.monaco-scrollable-element').first().evaluate((element) => getComputedStyle(element).backgroundColor)
      expect(background).toBe('rgb(255, 255, 255)')
      await page.keyboard.press('Escape')
      await expect(menu).toBeHidden()
    })
  })
}
