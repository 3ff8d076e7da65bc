// A renderer that dies (a crash, the OOM killer) is reloaded by main with a notice, and the
// loaded events are all still there (they live in main). Skipped, never faked, when this machine
// has no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1 installs).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { DATA_DIR, REPO_ROOT } from '../fixtures'

/** As in app.spec.ts: the binary's name from electron/path.txt, never require('electron') (it would download). */
function electronBinary(): string | null {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
test.skip(!binary, 'no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)')

const SAMPLE = path.join(DATA_DIR, 'sample-trail.json')
const SAMPLE_EVENTS = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { Records: unknown[] }).Records.length

let app: ElectronApplication | undefined

test.afterEach(async () => {
  await app?.close()
  app = undefined
})

test('a crashed renderer is reloaded with a notice, and the loaded events are kept', async () => {
  app = await electron.launch({
    executablePath: binary!,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO_ROOT, SAMPLE],
    cwd: REPO_ROOT,
    env: { ...process.env, ASHIATO_USER_DATA_DIR: test.info().outputPath('user-data') } as Record<string, string>,
  })
  const page = await app.firstWindow()
  await page.locator('body[data-app-state="ready"]').waitFor()
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))

  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.forcefullyCrashRenderer())

  // The same window, its page loaded again: the notice names what happened, the events are there.
  await expect.poll(async () => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  const reloaded = app.windows().at(-1)!
  await reloaded.locator('body[data-app-state="ready"]').waitFor()
  await expect(reloaded.getByTestId('crash-notice')).toBeVisible() // 'crashed' or 'killed', by platform
  await expect(reloaded.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
  // The notice is not repeated by a later reload: the address no longer carries it.
  expect(reloaded.url()).not.toContain('#recovered')
})
