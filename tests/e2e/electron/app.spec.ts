// The desktop app through Playwright's Electron driver: an isolated, sandboxed window, a file
// from the command line, and navigation away from the app blocked. Skipped, never faked, when
// this machine has no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1 installs).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { DATA_DIR, REPO_ROOT } from '../fixtures'

/**
 * The Electron executable, or null. Not require('electron'): electron's index.js downloads the
 * binary when it is missing, and this machine has no network for that. It keeps the binary's
 * name in path.txt, written by its install script once the download succeeded.
 */
function electronBinary(): string | null {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist')
  const binary = path.join(dist, relative)
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
test.skip(!binary, 'no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)')

const SAMPLE = path.join(DATA_DIR, 'sample-trail.json')
const SAMPLE_EVENTS = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { Records: unknown[] }).Records.length

let app: ElectronApplication | undefined

async function launch(files: string[] = []): Promise<Page> {
  app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses to start as root without --no-sandbox (CI containers). The renderer's
    // own sandbox: true still applies (no Node, sandboxed preload), which is what is tested.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO_ROOT, ...files],
    cwd: REPO_ROOT,
    // A fresh profile per test (and so its own single-instance lock).
    env: { ...process.env, ASHIATO_USER_DATA_DIR: test.info().outputPath('user-data') } as Record<string, string>,
  })
  const page = await app.firstWindow()
  await page.locator('body[data-app-state="ready"]').waitFor()
  return page
}

test.afterEach(async () => {
  await app?.close()
  app = undefined
})

test('the window is isolated and sandboxed: no Node in the page, only the contract', async () => {
  const page = await launch()
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return {
      process: typeof w.process,
      require: typeof w.require,
      module: typeof w.module,
      ipcRenderer: typeof w.ipcRenderer,
      api: Object.keys(window.ashiato ?? {}).sort(),
    }
  })
  expect(globals).toMatchObject({ process: 'undefined', require: 'undefined', module: 'undefined', ipcRenderer: 'undefined' })
  expect(globals.api).toContain('getRows')
  expect(globals.api).toContain('onLoadProgress')
  expect(globals.api).toContain('pathForFile')
  expect(globals.api).not.toContain('invoke')
  expect(await page.evaluate(() => window.location.protocol)).toBe('ashiato:')
  expect(await page.evaluate(() => window.ashiato!.fileReports())).toEqual([])
})

test('a file on the command line is loaded', async () => {
  const page = await launch([SAMPLE])
  await expect
    .poll(() => page.evaluate(async () => (await window.ashiato!.setView({ query: '' })).total))
    .toBe(SAMPLE_EVENTS)
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
})

test('navigation to an external URL and new windows are blocked', async () => {
  const page = await launch()
  const appUrl = page.url()
  // Record what main was asked, so the test knows the navigation was attempted and refused.
  await app!.evaluate(({ BrowserWindow }) => {
    const attempts: string[] = []
    ;(globalThis as Record<string, unknown>).navigationAttempts = attempts
    BrowserWindow.getAllWindows()[0].webContents.on('will-navigate', (_event, url) => attempts.push(url))
  })
  const navigated = page.waitForEvent('framenavigated', { timeout: 3_000 }).then(
    () => true,
    () => false,
  )
  await page.evaluate(() => {
    const link = document.createElement('a')
    link.href = 'https://example.com/'
    document.body.append(link)
    link.click()
  })
  await expect.poll(() => app!.evaluate(() => (globalThis as Record<string, unknown>).navigationAttempts)).toEqual(['https://example.com/'])
  expect(await navigated).toBe(false)
  expect(page.url()).toBe(appUrl)

  const opened = await page.evaluate(() => window.open('https://example.com/') === null)
  expect(opened).toBe(true)
  expect(app!.windows()).toHaveLength(1)
})
