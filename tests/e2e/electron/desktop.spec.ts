// The desktop app's polish through Playwright's Electron driver: Open Recent remembers what was
// opened (on disk and in the menu), the window reopens where it was, a second launch hands its
// files to the running app, an export goes through main's Save dialog to an atomic file, and
// copy writes the clipboard from main. Skipped, never faked, when this machine has no Electron
// binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1 installs), like app.spec.ts.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { recentLabel } from '../../../main/electron/recent-files'
import { DATA_DIR, REPO_ROOT } from '../fixtures'

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
const ROOT_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : []
const SAMPLE_LABEL = recentLabel(SAMPLE, os.homedir())

let app: ElectronApplication | undefined

function userData(): string {
  return test.info().outputPath('user-data')
}

async function launch(files: string[] = []): Promise<Page> {
  app = await electron.launch({
    executablePath: binary!,
    args: [...ROOT_ARGS, REPO_ROOT, ...files],
    cwd: REPO_ROOT,
    env: { ...process.env, ASHIATO_USER_DATA_DIR: userData() } as Record<string, string>,
  })
  const page = await app.firstWindow()
  await page.locator('body[data-app-state="ready"]').waitFor()
  return page
}

async function close(): Promise<void> {
  await app?.close()
  app = undefined
}

test.afterEach(close)

/** The labels of File ▸ Open Recent in the application menu. */
async function recentMenu(): Promise<string[]> {
  return app!.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
    const recent = file?.submenu?.items.find((item) => item.label === 'Open Recent')
    return recent?.submenu?.items.map((item) => item.label) ?? []
  })
}

test('Open Recent remembers a file opened from the command line, on disk and in the menu', async () => {
  const page = await launch([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
  await expect.poll(() => recentMenu()).toContain(SAMPLE_LABEL)
  const stored = JSON.parse(readFileSync(path.join(userData(), 'recent-files.json'), 'utf8')) as { files: string[] }
  expect(stored.files).toEqual([SAMPLE])

  // After a restart the menu still has it, and Clear empties it.
  await close()
  await launch()
  await expect.poll(() => recentMenu()).toContain(SAMPLE_LABEL)
  await app!.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
    const recent = file?.submenu?.items.find((item) => item.label === 'Open Recent')
    recent?.submenu?.items.find((item) => item.label === 'Clear Recently Opened')?.click()
  })
  await expect.poll(() => recentMenu()).toContain('No Recent Files')
})

test('the window reopens with the size and place it had', async () => {
  await launch()
  await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].setBounds({ x: 60, y: 50, width: 1000, height: 700 }))
  await close()
  await launch()
  const bounds = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getBounds())
  expect(bounds).toMatchObject({ width: 1000, height: 700 })
  expect(existsSync(path.join(userData(), 'window-state.json'))).toBe(true)
})

test('a second launch hands its files to the running app and quits', async () => {
  const page = await launch()
  const second = spawn(binary!, [...ROOT_ARGS, REPO_ROOT, SAMPLE], { cwd: REPO_ROOT, env: { ...process.env, ASHIATO_USER_DATA_DIR: userData() }, stdio: 'ignore' })
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
  expect(code).toBe(0)
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
  expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('export goes through the Save dialog to a file; copy writes the clipboard from main', async () => {
  const page = await launch([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
  const target = test.info().outputPath('exported.jsonl')
  // The native dialog cannot be driven: answer it from main with the path.
  await app!.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog
  }, target)
  await page.keyboard.press('Control+e')
  await page.getByTestId('export-scope-result').check()
  await page.getByTestId('export-format-jsonl').check()
  await page.getByTestId('export-gzip').uncheck()
  await page.getByTestId('export-start').click()
  await expect(page.getByTestId('export-notice')).toContainText(`${SAMPLE_EVENTS} events written to ${target}`)
  await expect(page.getByTestId('export-show-in-folder')).toBeVisible()
  expect(readFileSync(target, 'utf8').trimEnd().split('\n')).toHaveLength(SAMPLE_EVENTS)
  // Only files this session exported can be shown in their folder.
  await expect(page.evaluate(() => window.ashiato!.showExportedFile('/etc/passwd'))).rejects.toThrow('Only a file exported in this session')

  await page.getByTestId('event-row').nth(0).click()
  await page.getByTestId('event-row').nth(1).click({ modifiers: ['Shift'] })
  await page.keyboard.press('Control+c')
  await expect(page.getByTestId('export-notice')).toContainText('2 events copied as JSON Lines')
  const copied = await app!.evaluate(({ clipboard }) => clipboard.readText())
  expect(copied.trimEnd().split('\n')).toHaveLength(2)
})

test('File ▸ Open with events loaded asks "add or new", as a drop does', async () => {
  const page = await launch([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
  const other = path.join(DATA_DIR, 'identity-chain.json')
  // The native dialog cannot be driven: answer it from main with the path.
  await app!.evaluate(({ dialog }, file) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog
  }, other)
  await app!.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
    file?.submenu?.items.find((item) => item.label === 'Open…' || item.label === 'Open Files…')?.click()
  })
  await expect(page.getByTestId('load-choice')).toBeVisible()
  await expect(page.getByTestId('load-choice-files')).toHaveText('identity-chain.json')
  await page.getByTestId('load-choice-new').click()
  await expect(page.getByTestId('load-choice')).toBeHidden()
  const chain = (JSON.parse(readFileSync(other, 'utf8')) as { Records: unknown[] }).Records.length
  await expect(page.getByTestId('count-loaded')).toHaveText(String(chain))
})

test('a second launch with events loaded asks "add or new" too', async () => {
  const page = await launch([SAMPLE])
  await expect(page.getByTestId('count-loaded')).toHaveText(String(SAMPLE_EVENTS))
  const other = path.join(DATA_DIR, 'identity-chain.json')
  const second = spawn(binary!, [...ROOT_ARGS, REPO_ROOT, other], { cwd: REPO_ROOT, env: { ...process.env, ASHIATO_USER_DATA_DIR: userData() }, stdio: 'ignore' })
  expect(await new Promise<number | null>((resolve) => second.once('exit', resolve))).toBe(0)
  await expect(page.getByTestId('load-choice-files')).toHaveText('identity-chain.json')
  await page.getByTestId('load-choice-add').click()
  await expect(page.getByTestId('count-loaded')).not.toHaveText(String(SAMPLE_EVENTS))
})
