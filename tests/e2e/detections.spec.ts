// Detections in web mode, in Chromium: Stratus Red Team detonations (../shared/data/stratus)
// uploaded from the page; the Detections panel lists the rules that matched, a click on one
// shows exactly its events in the list (each marked with a level), and the viewer shows the
// rule with its author (the DRL 1.1 asks for it with every match).
import { existsSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { SHARED_DATA_DIR } from '../unit/helpers/shared-dirs'

const stratus = path.join(SHARED_DATA_DIR, 'stratus')
const files = ['aws.defense-evasion.cloudtrail-stop.json', 'aws.persistence.iam-create-admin-user.json', 'aws.execution.ssm-send-command.json'].map((n) => path.join(stratus, n))
const present = files.every((f) => existsSync(f))

test('the Detections panel lists the matched rules; a rule shows its events; the viewer shows the rule and its author', async ({ openApp }) => {
  test.skip(!present, `../shared/data/stratus is absent (looked in ${stratus}; set ASHIATO_SHARED)`)
  const page = await openApp()
  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByTestId('count-loaded')).not.toHaveText('0')
  // Detection runs behind the load; the button counts the rules that matched once it has.
  await expect(page.getByTestId('detections-button-count')).toBeVisible()

  await page.getByTestId('detections-button').click()
  const panel = page.getByTestId('detections-panel')
  await expect(panel).toBeVisible()
  const rules = panel.getByTestId('detection-rule')
  await expect(rules.first()).toBeVisible()
  expect(await rules.count()).toBeGreaterThanOrEqual(1)
  await expect(panel.getByTestId('detection-rule').filter({ hasText: /StopLogging|logging/i }).first()).toBeVisible()
  await expect(rules.first()).toContainText('Author: Ashiato')
  // Sorted by level: the first rule's level is at least every other's.
  const order = ['informational', 'low', 'medium', 'high', 'critical']
  const levels = await rules.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-level') ?? ''))
  expect(levels.map((l) => order.indexOf(l))).toEqual([...levels.map((l) => order.indexOf(l))].sort((a, b) => b - a))

  const first = rules.first()
  const ruleId = (await first.getAttribute('data-rule-id')) ?? ''
  const events = (await first.getAttribute('data-events')) ?? ''
  const title = (await first.getByTestId('detection-rule-open').textContent()) ?? ''
  await first.getByTestId('detection-rule-open').click()
  await expect(panel).toBeHidden()
  await expect(page.getByTestId('filter-input')).toHaveValue(`detection:${ruleId}`)
  await expect(page.getByTestId('count-shown')).toHaveText(events)
  const shownRows = page.getByTestId('event-row')
  await expect(shownRows.getByTestId('detection-mark')).toHaveCount(Math.min(Number(events), await shownRows.count()))
  await expect(shownRows.getByTestId('detection-mark').first()).toHaveAttribute('data-level', levels[0])

  await shownRows.first().click()
  const section = page.getByTestId('viewer').getByTestId('event-detections')
  await expect(section).toBeVisible()
  const card = section.locator(`[data-testid=event-detection][data-rule-id="${ruleId}"]`)
  await expect(card).toContainText(title)
  await expect(card.getByTestId('event-detection-author')).toContainText('Author: Ashiato')

  // level>=high agrees with the markers.
  await page.getByTestId('filter-input').fill('level>=high')
  await expect(page.getByTestId('count-shown')).not.toHaveText('0')
  const marks = await page.getByTestId('event-row').getByTestId('detection-mark').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-level')))
  expect(marks.length).toBeGreaterThan(0)
  for (const level of marks) expect(['high', 'critical']).toContain(level)
})

test('the facets count detection levels and rules; a click on one filters the list to its events', async ({ openApp }) => {
  test.skip(!present, `../shared/data/stratus is absent (looked in ${stratus}; set ASHIATO_SHARED)`)
  const page = await openApp()
  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByTestId('count-loaded')).not.toHaveText('0')
  await expect(page.getByTestId('detections-button-count')).toBeVisible()

  const levels = page.locator('[data-testid=facet][data-field=level]')
  await expect(levels).toBeVisible()
  const values = levels.getByTestId('facet-value')
  await expect(values.first()).toBeVisible()
  // Most severe first; the events without a detection last.
  const order = ['critical', 'high', 'medium', 'low', 'informational']
  const shown = (await values.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-value') ?? ''))).filter((v) => v !== '')
  expect(shown.map((l) => order.indexOf(l))).toEqual([...shown.map((l) => order.indexOf(l))].sort((a, b) => a - b))
  const first = values.first()
  const count = (await first.getByTestId('facet-count').textContent()) ?? ''
  await first.locator('.facet-value__main').click()
  await expect(page.getByTestId('filter-input')).toHaveValue(`level:${shown[0]}`)
  await expect(page.getByTestId('count-shown')).toHaveText(count)
  await expect(page.getByTestId('event-row').getByTestId('detection-mark').first()).toHaveAttribute('data-level', shown[0])

  // The rule facet counts within the narrowed result, and filters by the rule's title.
  const rules = page.locator('[data-testid=facet][data-field=detection]').getByTestId('facet-value')
  await expect(rules.first()).toBeVisible()
  const title = (await rules.first().getAttribute('data-value')) ?? ''
  const ruleCount = (await rules.first().getByTestId('facet-count').textContent()) ?? ''
  await rules.first().locator('.facet-value__main').click()
  await expect(page.getByTestId('filter-input')).toHaveValue(new RegExp(`detection:"?${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '.')}`))
  await expect(page.getByTestId('count-shown')).toHaveText(ruleCount)
})

test("web mode: a rule folder the server offers is added in the panel, its rules run, and it is kept after a reload", async ({ openApp }) => {
  const sigmaHq = path.join(SHARED_DATA_DIR, '..', 'sigma', 'sigmahq')
  test.skip(!present || !existsSync(sigmaHq), `../shared/data/stratus or ../shared/sigma/sigmahq is absent (set ASHIATO_SHARED)`)
  // The server offers the folder (--rules) and starts with it in use; the user removes it, then adds it back.
  const page = await openApp(undefined, { args: ['--rules', sigmaHq] })
  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByTestId('count-loaded')).not.toHaveText('0')
  await expect(page.getByTestId('detections-button-count')).toBeVisible()
  await page.getByTestId('detections-button').click()
  const panel = page.getByTestId('detections-panel')
  const folders = panel.getByTestId('rule-folders')
  await expect(folders.getByTestId('rule-folder')).toHaveAttribute('data-folder', sigmaHq)
  const theirs = panel.locator('[data-testid=detection-rule]:not(:has-text("Author: Ashiato"))')
  await expect(theirs.first()).toBeVisible()

  await folders.getByTestId('rule-folder-remove').click()
  await expect(folders.getByTestId('rule-folder')).toHaveCount(0)
  await expect(theirs).toHaveCount(0)
  await expect(panel.getByTestId('detection-rule').first()).toContainText('Author: Ashiato')

  // Kept across a reload of the page: still removed (the kept choice is handed to the server).
  await page.reload()
  await expect(page.getByTestId('detections-button-count')).toBeVisible()
  await page.getByTestId('detections-button').click()
  await expect(folders.getByTestId('rule-folder')).toHaveCount(0)
  await expect(folders.getByTestId('rule-folder-choice')).toHaveValue(sigmaHq)
  await folders.getByTestId('rule-folder-add').click()
  await expect(folders.getByTestId('rule-folder')).toHaveAttribute('data-folder', sigmaHq)
  await expect(theirs.first()).toBeVisible()
  await expect(panel.getByTestId('detections-unsupported')).toBeVisible()
})
