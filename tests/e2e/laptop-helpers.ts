// What the laptop-size specs share: the two window sizes of issue #12, a real trail to load
// (../shared/data/invictus: 2,900 events of Stratus Red Team detonations in a real account, 260
// event names), measuring what a person sees (is a cell's text cut off?), and a brush across
// the timeline with the mouse (find.spec.ts and find-history.spec.ts use it too).
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { REPO_ROOT } from './fixtures'

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const

/** ../shared/data next to the repository (or next to its worktree folder). */
function sharedData(): string | null {
  for (const candidate of [path.join(REPO_ROOT, '..', 'shared', 'data'), path.join(REPO_ROOT, '..', '..', 'shared', 'data')]) {
    if (existsSync(candidate)) return candidate
  }
  return null
}

export const INVICTUS = ((): string | null => {
  const root = sharedData()
  const dir = root ? path.join(root, 'invictus') : null
  return dir && existsSync(dir) ? dir : null
})()

export const INVICTUS_EVENTS = 2900

/** The invictus delivery files, for uploading them as a user would in web mode. */
export function invictusFiles(): string[] {
  if (!INVICTUS) return []
  return readdirSync(INVICTUS)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(INVICTUS!, name))
}

export const rows = (page: Page): Locator => page.getByTestId('event-row')

/** Whether an element's content is wider than its box (cut off, or ellipsized). */
export async function isCut(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const parts = [element, ...element.querySelectorAll<HTMLElement>('.mid__head')]
    return parts.some((part) => part.scrollWidth > part.clientWidth + 1)
  })
}

/** The header's column keys, left to right. */
export async function headerColumns(page: Page): Promise<string[]> {
  return page.locator('.list__head-cell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-col') ?? ''))
}

export async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  expect(box).not.toBeNull()
  return box!.width
}

export interface BrushOptions {
  /** Pixels below the chart's top where the press happens (default a third of its height). */
  y?: number
  /** Runs with the mouse over the start, before the press (a tooltip there, say). */
  beforePress?: () => Promise<void>
  /** Runs halfway, with the button still down (the brush is drawn). */
  midway?: () => Promise<void>
  /** Release this many pixels below the chart, after reaching the end (a release over the list). */
  releaseBelow?: number
}

/** Drags across the timeline from `from` to `to`, fractions of its width, as a person brushes a time range. */
export async function brushTimeline(page: Page, from: number, to: number, options: BrushOptions = {}): Promise<void> {
  await expect(page.getByTestId('timeline-bar').first()).toBeVisible()
  const box = (await page.getByTestId('timeline-svg').boundingBox())!
  const y = box.y + (options.y ?? box.height / 3)
  const at = (fraction: number): number => box.x + box.width * fraction
  await page.mouse.move(at(from), y)
  await options.beforePress?.()
  await page.mouse.down()
  await page.mouse.move(at((from + to) / 2), y, { steps: 4 })
  await options.midway?.()
  await page.mouse.move(at(to), y, { steps: 4 })
  if (options.releaseBelow !== undefined) await page.mouse.move(at(to), box.y + box.height + options.releaseBelow, { steps: 4 })
  await page.mouse.up()
}
