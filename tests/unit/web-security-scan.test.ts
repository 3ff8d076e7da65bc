// The security scan's accepted findings are pinned to the code they accept (scripts/security.mjs,
// .electronegativity.json "pins"): a copy of the repository with one more unchecked
// shell.openExternal in a file that already has an accepted one must fail the scan, and the same
// copy untouched must pass (so the failure is the new call, not the copy).
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '..', '..')
const COPIED = ['main', 'preload', 'renderer', 'common', 'package.json', '.electronegativity.json']
const copies: string[] = []

function copyRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-scan-copy-'))
  copies.push(dir)
  for (const entry of COPIED) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true })
  return dir
}

async function scan(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'scripts', 'security.mjs'), '--root', root], { cwd: ROOT })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true })
})

describe('security scan pins', () => {
  it('fails on a new unchecked shell.openExternal in a file whose accepted one still passes', async () => {
    const untouched = copyRepo()
    const changed = copyRepo()
    const file = path.join(changed, 'main', 'electron', 'shell-calls.ts')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport function openAnything(url: string): Promise<void> {\n  return shell.openExternal(url)\n}\n`)
    const [clean, dirty] = await Promise.all([scan(untouched), scan(changed)])
    expect(clean.output).toContain('no unexplained findings')
    expect(clean.code).toBe(0)
    expect(dirty.code).not.toBe(0)
    expect(dirty.output).toMatch(/OPEN_EXTERNAL_JS_CHECK .*main\/electron\/shell-calls\.ts/)
  }, 180_000)

  it('fails when an accepted call loses the check above it', async () => {
    const changed = copyRepo()
    const file = path.join(changed, 'main', 'electron', 'shell-calls.ts')
    const source = readFileSync(file, 'utf8')
    const guard = '      checkExternalLink(url)\n'
    expect(source).toContain(guard)
    writeFileSync(file, source.replace(guard, '      // checked elsewhere\n'))
    const result = await scan(changed)
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(/OPEN_EXTERNAL_JS_CHECK .*shell-calls\.ts/)
  }, 180_000)
})
