// Playwright fixtures for web mode: each test gets its own `ashiato serve` on a free port
// (node dist/main/serve.cjs --port 0 FILES...), stopped after the test, with its output attached
// to the report when the test fails. Waits on the app's own state attribute, never on sleeps.
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { SERVE_LOADED } from '../../common/web-protocol'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SERVE_SCRIPT = path.join(REPO_ROOT, 'dist', 'main', 'serve.cjs')
/** The data files the e2e tests use. */
export const DATA_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'data')

const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)$/
const START_TIMEOUT_MS = 15_000

export interface ServerHandle {
  /** The printed page URL, token included. */
  url: string
  origin: string
  port: number
  token: string
  process: ChildProcess
  /** Everything the server printed so far. */
  output(): string
  stop(): Promise<void>
}

export interface StartOptions {
  /** Added to the server's environment; a variable set to undefined is removed (AWS_* in the S3 tests). */
  env?: NodeJS.ProcessEnv
  /** More options before the files (--cache-dir DIR). */
  args?: string[]
}

/** Starts `node dist/main/serve.cjs --port 0 FILES...` and waits for its URL line. */
export async function startServer(files: string[] = [], options: StartOptions = {}): Promise<ServerHandle> {
  if (!existsSync(SERVE_SCRIPT)) throw new Error(`${SERVE_SCRIPT} is missing: run node scripts/build.mjs (npm run test:e2e does)`)
  const paths = files.map((file) => path.resolve(REPO_ROOT, file))
  const env = { ...process.env, ...options.env }
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--port', '0', ...(options.args ?? []), ...paths], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ashiato serve printed no URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS)
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`
      const found = URL_LINE.exec(line)
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`ashiato serve exited (${signal ?? code}) before printing its URL:\n${output}`))
    })
  })
  const port = Number(match[1])

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  return { url: match[0], origin: `http://127.0.0.1:${port}`, port, token: match[2], process: child, output: () => output, stop }
}

interface Fixtures {
  /** Starts a server for this test (stopped after it). */
  startServer: (files?: string[], options?: StartOptions) => Promise<ServerHandle>
  /** Starts a server with these files (paths relative to the repository) and opens its page, ready. */
  openApp: (files?: string[], options?: StartOptions) => Promise<Page>
}

export const test = base.extend<Fixtures>({
  // Every test fails on an uncaught page error (a React crash, a Monaco service missing...): it
  // is recorded while the test runs and asserted after it, whatever the test itself checked.
  page: async ({ page }, use) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.stack || `${error.name}: ${error.message}`))
    await use(page)
    expect(errors, 'uncaught errors in the page').toEqual([])
  },
  // Playwright reads the fixtures a fixture uses from its first parameter's destructuring.
  // eslint-disable-next-line no-empty-pattern
  startServer: async ({}, use, testInfo) => {
    const servers: ServerHandle[] = []
    await use(async (files, options) => {
      const server = await startServer(files, options)
      servers.push(server)
      return server
    })
    await Promise.all(servers.map((server) => server.stop()))
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, server] of servers.entries()) {
        await testInfo.attach(`ashiato-serve-${index + 1}.log`, { body: server.output(), contentType: 'text/plain' })
      }
    }
  },
  openApp: async ({ page, startServer }, use) => {
    await use(async (files, options) => {
      const server = await startServer(files, options)
      // The server loads its files after printing its URL: a test that presses keys at once
      // would race the load's later views (the row it selected moves when the set re-sorts).
      if (files && files.length > 0) await expect.poll(() => server.output().includes(SERVE_LOADED), { timeout: 60_000 }).toBe(true)
      await page.goto(server.url)
      await page.locator('body[data-app-state="ready"]').waitFor()
      return page
    })
  },
})

export { expect }
