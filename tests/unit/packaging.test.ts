// Packaging cannot run here (no Electron binary, no signing tools), so its configuration is
// checked as data: electron-builder's own schema, the security fuses, what goes into the asar,
// the file association, the test-build switch, the notarisation hook's decisions, the icons and
// the CI workflow.

import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { REPO } from './helpers/run-cli'

type Config = Record<string, unknown> & { electronFuses: Record<string, boolean>; files: string[] }
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const { minimatch } = require('minimatch') as { minimatch(file: string, pattern: string, options?: { dot?: boolean }): boolean }
const builderConfig = require(path.join(REPO, 'electron-builder.config.cjs')) as {
  configFor(env: Record<string, string>): Config
  loadBaseConfig(): Config
}
const notarizeHook = require(path.join(REPO, 'scripts', 'notarize.cjs')) as {
  notarizeCredentials(env: Record<string, string>): { skip?: string; credentials?: Record<string, string> }
}

const base = builderConfig.loadBaseConfig()
const section = (name: string): Record<string, unknown> => base[name] as Record<string, unknown>

/** electron-builder's rule: patterns in order, the last one that matches decides. */
function packaged(file: string, patterns: string[]): boolean {
  let included = false
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!')
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated
  }
  return included
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema, as is and as a test build', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await validateConfiguration(builderConfig.configFor({}), new DebugLogger(false))
    await validateConfiguration(builderConfig.configFor({ ASHIATO_TEST_BUILD: '1', CSC_LINK: 'x', WIN_CSC_LINK: 'y' }), new DebugLogger(false))
  })

  it('names the app and writes to release/', () => {
    expect(base).toMatchObject({ appId: 'io.github.ashiato.viewer', productName: 'Ashiato', directories: { output: 'release' }, asar: true })
  })

  it('flips the security fuses', () => {
    expect(base.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packages the bundles and nothing else: no sources, tests, maps or node_modules', () => {
    for (const file of ['dist/main/main.cjs', 'dist/main/parse-worker.cjs', 'dist/main/query-worker.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'package.json']) {
      expect(packaged(file, base.files), file).toBe(true)
    }
    for (const file of ['dist/main/main.cjs.map', 'dist/renderer/assets/index-abc.js.map', 'dist/main/cli.cjs', 'dist/main/serve.cjs', 'main/electron/main.ts', 'common/event-row.ts', 'renderer/app.tsx', 'tests/unit/cli.test.ts', 'node_modules/react/index.js', 'scripts/build.mjs', 'electron-builder.yml']) {
      expect(packaged(file, base.files), file).toBe(false)
    }
    expect(base.asarUnpack).toEqual(['dist/main/parse-worker.cjs', 'dist/main/query-worker.cjs', 'dist/main/detect-worker.cjs', 'dist/main/identity-worker.cjs'])
  })

  it('offers Ashiato for .gz as a low-rank viewer, installed per machine on Windows', () => {
    expect(base.fileAssociations).toEqual([expect.objectContaining({ ext: 'gz', name: 'CloudTrail log', role: 'Viewer', rank: 'Alternate' })])
    expect(section('nsis')).toMatchObject({ perMachine: true, oneClick: false })
  })

  it('builds dmg + zip (hardened, notarised by the hook), nsis, AppImage + deb', () => {
    const mac = section('mac')
    expect((mac.target as { target: string }[]).map((t) => t.target)).toEqual(['dmg', 'zip'])
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: false, entitlements: 'assets/entitlements.mac.plist' })
    expect(base.afterSign).toBe('scripts/notarize.cjs')
    expect(existsSync(path.join(REPO, 'scripts', 'notarize.cjs'))).toBe(true)
    // Only the JIT exception: the others widen what injected code could do.
    const entitlements = readFileSync(path.join(REPO, 'assets', 'entitlements.mac.plist'), 'utf8')
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit'])
    expect((section('win').target as { target: string }[]).map((t) => t.target)).toEqual(['nsis'])
    expect(section('linux')).toMatchObject({ target: ['AppImage', 'deb'], category: 'Development', icon: 'assets/icons' })
  })
})

describe('electron-builder.config.cjs', () => {
  it('is the YAML unchanged when nothing is configured', () => {
    expect(builderConfig.configFor({})).toEqual(base)
  })

  it('makes signing mandatory when credentials are present', () => {
    expect(builderConfig.configFor({ APPLE_ID: 'a@b.c' }).mac).toMatchObject({ forceCodeSigning: true })
    expect(builderConfig.configFor({ CSC_LINK: 'cert.p12' }).mac).toMatchObject({ forceCodeSigning: true })
    expect(builderConfig.configFor({ WIN_CSC_LINK: 'cert.pfx' }).win).toMatchObject({ forceCodeSigning: true })
    expect(builderConfig.configFor({ APPLE_ID: '' }).mac).not.toHaveProperty('forceCodeSigning')
  })

  it('relaxes only what Playwright needs in a test build, and never signs it', () => {
    const test = builderConfig.configFor({ ASHIATO_TEST_BUILD: '1', APPLE_ID: 'a@b.c', CSC_LINK: 'cert.p12' })
    expect(test.electronFuses).toEqual({ ...base.electronFuses, enableNodeCliInspectArguments: true })
    expect(test).toMatchObject({ directories: { output: 'release/test-build' }, afterSign: null, mac: { identity: null, forceCodeSigning: false } })
  })
})

describe('scripts/notarize.cjs', () => {
  const { notarizeCredentials } = notarizeHook

  it('skips, saying why, when no Apple credentials are set', () => {
    expect(notarizeCredentials({}).skip).toMatch(/no Apple credentials/)
  })

  it('uses a complete set of credentials', () => {
    expect(notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' }).credentials).toEqual({ appleId: 'a@b.c', appleIdPassword: 'pw', teamId: 'T' })
    expect(notarizeCredentials({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }).credentials).toEqual({ appleApiKey: 'k.p8', appleApiKeyId: 'K', appleApiIssuer: 'I' })
    expect(notarizeCredentials({ APPLE_KEYCHAIN_PROFILE: 'ashiato' }).credentials).toEqual({ keychainProfile: 'ashiato' })
  })

  it('fails the build on a half-configured set instead of shipping an un-notarised app', () => {
    expect(() => notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toThrow(/APPLE_APP_SPECIFIC_PASSWORD missing/)
  })
})

describe('icons and CI', () => {
  it('has every icon size, rendered from the current assets/icon.svg', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(path.join(REPO, 'assets', 'icons', `${size}x${size}.png`))).toBe(true)
    const png = readFileSync(path.join(REPO, 'assets', 'icon.png'))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
    const check = spawnSync(process.execPath, ['scripts/make-icons.mjs', '--check'], { cwd: REPO, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('builds on all three systems and tests on Linux under xvfb', () => {
    const workflow = yaml.load(readFileSync(path.join(REPO, '.github', 'workflows', 'build.yml'), 'utf8')) as {
      jobs: { build: { strategy: { matrix: { os: string[] } }; steps: { run?: string }[] } }
    }
    const job = workflow.jobs.build
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    const runs = job.steps.map((step) => step.run ?? '').join('\n')
    expect(runs).toContain('npm ci')
    expect(runs).toMatch(/xvfb-run .*npm test/)
    expect(runs).toContain('npm run package')
  })
})
