// "Update rules" in Chromium, in web mode started with --rules-update-dir (the only way a browser
// may use it): the sources point at this test's own https server (a self-signed certificate the
// server trusts through its CA, handed over as the desktop app would never need), which serves a
// tar.gz built here from a SigmaHQ rule of ../shared/sigma. The set appears in the panel with its
// source, time and licence, its rule matches the loaded detonation at once, and a hostile
// archive on the next update is refused in words while the set stays.
import { existsSync, mkdirSync, mkdtempSync, rmSync, cpSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { SHARED_DATA_DIR, SHARED_SIGMA } from '../unit/helpers/shared-dirs'
import { rawTarGz, startRulesServer, tarGzOf } from '../unit/helpers/rules-server'

const events = path.join(SHARED_DATA_DIR, 'stratus', 'aws.defense-evasion.cloudtrail-stop.json')
const rule = path.join(SHARED_SIGMA, 'sigmahq', 'rules', 'aws_cloudtrail_disable_logging.yml')
const present = existsSync(events) && existsSync(rule)
const RULE_PATH = 'rules/cloud/aws/cloudtrail/'

test('web mode with --rules-update-dir: Update rules downloads a set, shows its source and licence, runs it, and keeps it when the next archive is refused', async ({ openApp }) => {
  test.skip(!present, '../shared/data/stratus or ../shared/sigma is absent (set ASHIATO_SHARED)')
  const server = await startRulesServer()
  const work = mkdtempSync(path.join(tmpdir(), 'ashiato-e2e-rules-'))
  try {
    const rules = path.join(work, 'repo', 'sigma-master', RULE_PATH)
    mkdirSync(rules, { recursive: true })
    cpSync(rule, path.join(rules, path.basename(rule)))
    cpSync(path.join(SHARED_SIGMA, 'sigmahq', 'LICENSE'), path.join(work, 'repo', 'sigma-master', 'LICENSE'))
    server.routes.set('/sigma.tar.gz', await tarGzOf(path.join(work, 'repo'), 'sigma-master'))
    const caFile = path.join(work, 'ca.pem')
    writeFileSync(caFile, server.ca)
    const sources = [{ id: 'sigmahq', name: 'SigmaHQ', url: `${server.origin}/sigma.tar.gz`, home: 'https://github.com/SigmaHQ/sigma', paths: [RULE_PATH], licence: 'Detection Rule License 1.1' }]
    const dataDir = path.join(work, 'data')

    const page = await openApp(undefined, { args: ['--rules-update-dir', dataDir], env: { ASHIATO_TEST_RULE_SOURCES: JSON.stringify(sources), ASHIATO_TEST_RULES_CA: caFile } })
    await page.getByTestId('file-input').setInputFiles([events])
    await expect(page.getByTestId('count-loaded')).not.toHaveText('0')
    await expect(page.getByTestId('detections-button-count')).toBeVisible()
    await page.getByTestId('detections-button').click()
    const panel = page.getByTestId('detections-panel')
    const sets = panel.getByTestId('rule-sets')
    await expect(sets).toContainText('None downloaded yet.')
    const theirs = panel.getByTestId('detection-rule').filter({ hasText: 'AWS CloudTrail Important Change' })
    await expect(theirs).toHaveCount(0)

    await sets.getByTestId('rules-update').click()
    const line = sets.getByTestId('rule-set')
    await expect(line).toHaveAttribute('data-set', 'sigmahq')
    await expect(line).toContainText('SigmaHQ: 1 rule file, fetched')
    await expect(line).toContainText('Detection Rule License 1.1, rules by their authors — see LICENSE')
    await expect(line).toContainText('https://github.com/SigmaHQ/sigma')
    await expect(theirs).toHaveCount(1)
    await expect(sets.getByTestId('rules-update-error')).toHaveCount(0)

    // The next archive carries an entry outside its folder: refused in words, the set stays and runs.
    server.routes.set('/sigma.tar.gz', rawTarGz([{ path: 'sigma-master/LICENSE', body: 'x' }, { path: 'sigma-master/../evil.yml', body: 'title: evil' }]))
    await sets.getByTestId('rules-update').click()
    await expect(sets.getByTestId('rules-update-error')).toContainText('The rule archive was refused because of its entry "sigma-master/../evil.yml"')
    await expect(line).toContainText('SigmaHQ: 1 rule file')
    await expect(theirs).toHaveCount(1)
    // That nothing lands anywhere (an entry escaping the rule folder included) is checked by
    // tests/unit/rules-update.test.ts over a listing of the whole folder tree.
  } finally {
    await server.close()
    rmSync(work, { recursive: true, force: true })
  }
})
