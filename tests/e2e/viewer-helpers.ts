// What the viewer specs share: the test data, the list's rows, and reading Monaco's rendering
// (its lines, the inline notes, a field's hover) the way a person sees it.

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Locator, type Page } from '@playwright/test'

const here = path.dirname(fileURLToPath(import.meta.url))
export const data = (name: string): string => path.join(here, 'data', name)

/** The user's example event (../shared/seed), a failed UpdateTrail. */
export const SEED = data('update-trail-event.json')
/** 48 generated events in one delivery file. */
export const SAMPLE = data('sample-trail.json')

export const rows = (page: Page): Locator => page.getByTestId('event-row')
export const updateTrailRow = (page: Page): Locator => rows(page).filter({ hasText: 'UpdateTrail' })
export const editorLine = (page: Page, key: string): Locator =>
  page.locator('[data-testid=json-editor] .view-line').filter({ hasText: `"${key}"` }).first()

/** Monaco's rendered lines in view, sorted by position: it reuses line elements, so DOM order is not screen order. */
async function renderedLines(page: Page, notesOnly: boolean): Promise<string> {
  const text = await page.getByTestId('json-editor').evaluate((editor, onlyNotes) => {
    const lines = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')]
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    return onlyNotes
      ? lines.map((line) => [...line.querySelectorAll('.json-note')].map((note) => note.textContent).join('')).join('')
      : lines.map((line) => line.textContent).join('\n')
  }, notesOnly)
  return text.replace(/\u00a0/g, ' ') // Monaco renders spaces as no-break spaces
}

/** The text of the lines in view, top to bottom, notes included. */
export const editorText = (page: Page): Promise<string> => renderedLines(page, false)

/** The inline notes of the lines in view as one text (a note that wraps is split over spans). */
export async function notes(page: Page): Promise<string> {
  return (await renderedLines(page, true)).replace(/\s+/g, ' ')
}

/** Hovers the line that holds `key` and returns the hover's text. */
export async function hoverKey(page: Page, key: string): Promise<string> {
  const box = await editorLine(page, key).boundingBox()
  if (!box) throw new Error(`no line for ${key}`)
  await page.mouse.move(box.x + 2, box.y + box.height / 2)
  await page.mouse.move(box.x + 40, box.y + box.height / 2, { steps: 4 })
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: key }).first()
  await expect(hover).toBeVisible()
  const text = (await hover.innerText()) ?? ''
  await page.mouse.move(5, 5)
  await expect(hover).toBeHidden()
  return text
}
