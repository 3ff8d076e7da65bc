// Who is behind an event (issue 14), in web mode in real Chromium: an S3 call made with a role
// assumed across accounts shows its chain back to the IAM user, each hop linked to its issuing
// event; the user's dossier opens, and a click on an API count filters the list to exactly
// those calls; Same session filters to the session's events; the graph draws and opens a dossier.
import { expect } from '@playwright/test'
import { test } from './fixtures'
import { data, rows } from './viewer-helpers'

const CHAIN = data('identity-chain.json')

test.describe('credential chains', () => {
  test.use({ locale: 'en-US', viewport: { width: 1600, height: 1000 } })

  test('S3 call with an assumed role: chain to the IAM user, dossier, API count filters the list', async ({ openApp }) => {
    const page = await openApp([CHAIN])
    await expect(page.getByTestId('count-loaded')).toHaveText('9')
    await rows(page).filter({ hasText: 'GetObject' }).click()
    await expect(page.getByTestId('viewer-event-name')).toHaveText('GetObject')

    const hops = page.getByTestId('who-hop')
    await expect(hops).toHaveCount(3)
    await expect(hops.nth(0)).toContainText('IAM user alice')
    await expect(hops.nth(0)).toContainText('long-term access key')
    await expect(hops.nth(1)).toContainText('role Admin')
    await expect(hops.nth(2)).toContainText('role Deploy')
    await expect(hops.nth(2)).toContainText('in 210987654321')
    await expect(hops.nth(2)).toContainText('from 198.51.100.7')
    await expect(page.getByTestId('who-chain')).toContainText('this call')
    await page.screenshot({ path: 'test-results/identity/who.png' })

    // A hop's link shows the event that issued its credentials.
    await hops.nth(2).getByTestId('who-issued-link').click()
    await expect(page.getByTestId('viewer-event-name')).toHaveText('AssumeRole')
    await expect(page.getByTestId('who-hop')).toHaveCount(2)

    // alice's dossier: her calls, with the role she assumed; a count filters the list.
    await page.getByTestId('who-hop').nth(0).getByTestId('who-dossier').click()
    const dossier = page.getByTestId('dossier')
    await expect(dossier).toContainText('Dossier: alice')
    await expect(dossier.getByTestId('dossier-events')).toHaveText('4')
    await expect(dossier).toContainText('arn:aws:iam::111111111111:role/Admin')
    await page.screenshot({ path: 'test-results/identity/dossier.png' })
    const listUsers = dossier.getByTestId('dossier-api').filter({ hasText: 'ListUsers' })
    await expect(listUsers).toContainText('1')
    await listUsers.getByTestId('dossier-api-count').click()
    await expect(dossier).toBeHidden()
    await expect(page.getByTestId('count-shown')).toHaveText('1')
    await expect(rows(page)).toHaveCount(1)
    await expect(rows(page).first()).toContainText('ListUsers')
    await expect(page.getByTestId('filter-input')).toHaveValue(/event:ListUsers/)
  })

  test('Same session and Whole chain filter exactly', async ({ openApp }) => {
    const page = await openApp([CHAIN])
    await expect(page.getByTestId('count-loaded')).toHaveText('9')
    await rows(page).filter({ hasText: 'DescribeInstances' }).click()
    await expect(page.getByTestId('who-hop')).toHaveCount(2)
    await page.getByTestId('who-same-session').click()
    // The Admin session's own call, its AssumeRole of Deploy, and what Deploy did.
    await expect(page.getByTestId('count-shown')).toHaveText('4')
    await rows(page).filter({ hasText: 'DescribeInstances' }).click()
    await page.getByTestId('who-whole-chain').click()
    // Everything alice's key led to: not bob's ListBuckets.
    await expect(page.getByTestId('count-shown')).toHaveText('8')
  })

  test('the graph draws the view and a node opens its dossier', async ({ openApp }) => {
    const page = await openApp([CHAIN])
    await expect(page.getByTestId('count-loaded')).toHaveText('9')
    await rows(page).first().click()
    await page.getByTestId('who-graph').click()
    await expect(page.getByTestId('graph-stats')).toContainText(/\d+ nodes, \d+ links/)
    await expect(page.getByTestId('graph-canvas').locator('canvas').first()).toBeVisible()
    await page.getByTestId('graph-close').click()

    // The most active principal is drawn in the middle: a click there opens its dossier.
    await page.getByTestId('filter-input').fill('user:bob')
    await page.getByTestId('filter-input').press('Enter')
    await expect(page.getByTestId('count-shown')).toHaveText('1')
    await page.getByTestId('who-graph').click()
    await expect(page.getByTestId('graph-stats')).toContainText('3 nodes, 2 links')
    const box = await page.getByTestId('graph-canvas').boundingBox()
    if (!box) throw new Error('no graph canvas')
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect(page.getByTestId('dossier')).toContainText('Dossier: bob')
    await expect(page.getByTestId('dossier').getByTestId('dossier-events')).toHaveText('1')
  })
})
