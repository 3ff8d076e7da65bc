import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentTypeFor, cspFromIndexHtml, resolveRendererPath } from '../../main/services/renderer-files'
import { readCookie, sameToken, sessionCookie } from '../../main/web/auth'
import { DEFAULT_PORT, parseServeArgs } from '../../main/web/serve-args'
import { safeFileName } from '../../main/web/uploads'

const root = path.resolve('/srv/renderer')

describe('resolveRendererPath', () => {
  it('maps URL paths inside the renderer folder', () => {
    expect(resolveRendererPath(root, '/')).toBe(path.join(root, 'index.html'))
    expect(resolveRendererPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'))
    expect(resolveRendererPath(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'))
    expect(resolveRendererPath(root, '//index.html')).toBe(path.join(root, 'index.html'))
  })

  it('refuses anything that could leave it', () => {
    for (const urlPath of ['/../x', '/assets/../../x', '/..%2fx', '/%2e%2e/x', '/a/%2E%2E%2F%2E%2E%2Fx', '/..%5cx', '/a\\..\\x', '/%00', '/%E0%A4%A', '/..']) {
      expect(resolveRendererPath(root, urlPath), urlPath).toBeNull()
    }
  })

  it('names content types, including fonts and wasm', () => {
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('codicon.ttf')).toBe('font/ttf')
    expect(contentTypeFor('x.wasm')).toBe('application/wasm')
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream')
  })

  it("reads the CSP from index.html's meta tag", () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"\n content="default-src 'none';\n  script-src 'self'"></head>`
    expect(cspFromIndexHtml(html)).toBe("default-src 'none'; script-src 'self'")
    expect(cspFromIndexHtml('<head></head>')).toBeNull()
  })
})

describe('web auth helpers', () => {
  it('compares tokens exactly', () => {
    expect(sameToken('abc', 'abc')).toBe(true)
    expect(sameToken('abd', 'abc')).toBe(false)
    expect(sameToken('ab', 'abc')).toBe(false)
    expect(sameToken(null, 'abc')).toBe(false)
  })

  it('writes and reads the per-port session cookie', () => {
    expect(sessionCookie(4780, 'tok')).toBe('ashiato-4780=tok; HttpOnly; SameSite=Strict; Path=/')
    expect(readCookie('a=1; ashiato-4780=tok; b=2', 'ashiato-4780')).toBe('tok')
    expect(readCookie('ashiato-47800=tok', 'ashiato-4780')).toBeNull()
    expect(readCookie(undefined, 'x')).toBeNull()
  })
})

describe('parseServeArgs', () => {
  it('reads --port and paths', () => {
    const defaults = { help: false, allowPlainHttp: false, maxUploadBytes: 8 * 1024 ** 3 }
    expect(parseServeArgs([])).toEqual({ port: DEFAULT_PORT, paths: [], ...defaults })
    expect(parseServeArgs(['--port', '0', 'a.json', 'logs/'])).toEqual({ port: 0, paths: ['a.json', 'logs/'], ...defaults })
    expect(parseServeArgs(['a.json', '--port=8080'])).toEqual({ port: 8080, paths: ['a.json'], ...defaults })
    expect(parseServeArgs(['--', '--port'])).toEqual({ port: DEFAULT_PORT, paths: ['--port'], ...defaults })
    expect(parseServeArgs(['--help']).help).toBe(true)
  })

  it('explains what is wrong', () => {
    expect(() => parseServeArgs(['--port'])).toThrow('--port needs a number from 0 to 65535')
    expect(() => parseServeArgs(['--port', 'x'])).toThrow('--port needs a number')
    expect(() => parseServeArgs(['--port', '70000'])).toThrow('--port needs a number')
    expect(() => parseServeArgs(['--verbose'])).toThrow('unknown option --verbose')
  })
})

describe('safeFileName', () => {
  it('keeps one harmless path segment and the extension', () => {
    expect(safeFileName('123_CloudTrail_us-east-1_20240101T0000Z_abc.json.gz')).toBe('123_CloudTrail_us-east-1_20240101T0000Z_abc.json.gz')
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('..\\..\\win.ini')).toBe('win.ini')
    expect(safeFileName('..')).toBe('_')
    expect(safeFileName('.hidden.json')).toBe('_hidden.json')
    expect(safeFileName('a:b*c?.json')).toBe('a_b_c_.json')
    expect(safeFileName('')).toBe('file')
    expect(safeFileName('x'.repeat(500) + '.json.gz').length).toBe(120)
  })
})
