// The desktop shell's pure parts added for export and polish: Open Recent's list, the window's
// remembered place checked against the displays, the menu's accelerators, and the security
// settings every window gets (web preferences, permissions, the CSP, external links).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { isAllowedExternalUrl } from '../../main/electron/external-links'
import { MAX_RECENT, addRecent, parseRecent, recentLabel, removeRecent } from '../../main/electron/recent-files'
import { SECURE_WEB_PREFERENCES, WINDOW_SIZE, mainWindowOptions, permissionAllowed } from '../../main/electron/window-options'
import { parseWindowState, restoreWindowState, type Rect } from '../../main/electron/window-state'
import { cspFromIndexHtml, FALLBACK_CSP } from '../../main/services/renderer-files'
import { buildMenu, clickItem, findItem, recordingActions } from './helpers/menu'

const abs = (...parts: string[]): string => path.resolve('/', ...parts)

describe('recent files', () => {
  it('puts what was opened first, each once, at most MAX_RECENT', () => {
    const list = addRecent([abs('a'), abs('b')], [abs('c'), abs('a')], 'linux')
    expect(list).toEqual([abs('c'), abs('a'), abs('b')])
    const many = Array.from({ length: 30 }, (_, i) => abs(`f${i}`))
    expect(addRecent([], many, 'linux')).toEqual(many.slice(0, MAX_RECENT))
  })

  it('ignores case where the file system usually does', () => {
    expect(addRecent([abs('Logs', 'a.json')], [abs('logs', 'A.json')], 'darwin')).toEqual([abs('logs', 'A.json')])
    expect(addRecent([abs('Logs', 'a.json')], [abs('logs', 'A.json')], 'linux')).toHaveLength(2)
    expect(removeRecent([abs('X.json'), abs('y.json')], abs('x.json'), 'win32')).toEqual([abs('y.json')])
  })

  it('reads back only absolute paths from whatever the file holds', () => {
    expect(parseRecent({ files: [abs('a'), 'relative', 3, abs('a'), '', abs('b\0c'), abs('b')] }, 'linux')).toEqual([abs('a'), abs('b')])
    expect(parseRecent([abs('a')], 'linux')).toEqual([abs('a')])
    expect(parseRecent(null, 'linux')).toEqual([])
    expect(parseRecent('nope', 'linux')).toEqual([])
    expect(parseRecent({ files: 'x' }, 'linux')).toEqual([])
  })

  it('labels entries by name and folder, home as ~, ampersands doubled for menus', () => {
    const home = abs('home', 'ann')
    expect(recentLabel(path.join(home, 'logs', 'a&b.json.gz'), home)).toBe(`a&&b.json.gz  —  ~${path.sep}logs`)
    expect(recentLabel(abs('srv', 'trail'), home)).toBe(`trail  —  ${abs('srv')}`)
  })
})

describe('window place', () => {
  const displays: Rect[] = [
    { x: 0, y: 0, width: 1920, height: 1050 },
    { x: 1920, y: 0, width: 1280, height: 1000 },
  ]

  it('opens at the default size, placed by the OS, the first time', () => {
    expect(restoreWindowState(null, displays, WINDOW_SIZE)).toEqual({ bounds: { width: 1400, height: 900 }, maximized: false })
  })

  it('reopens where it was when that is on a display, maximized if it was', () => {
    const saved = parseWindowState({ bounds: { x: 2000, y: 40, width: 1000, height: 700 }, maximized: true })
    expect(restoreWindowState(saved, displays, WINDOW_SIZE)).toEqual({ bounds: { x: 2000, y: 40, width: 1000, height: 700 }, maximized: true })
  })

  it('lets the OS place it when the saved place is on no display now (a monitor went away)', () => {
    const saved = parseWindowState({ bounds: { x: 3400, y: 100, width: 900, height: 700 }, maximized: false })
    expect(restoreWindowState(saved, displays, WINDOW_SIZE)).toEqual({ bounds: { width: 900, height: 700 }, maximized: false })
    // Title bar above the top of every display: it could not be dragged back.
    const above = parseWindowState({ bounds: { x: 100, y: -600, width: 900, height: 700 }, maximized: false })
    expect(restoreWindowState(above, displays, WINDOW_SIZE).bounds).toEqual({ width: 900, height: 700 })
  })

  it('keeps the size within the minimum and the largest display', () => {
    const huge = parseWindowState({ bounds: { x: 0, y: 0, width: 9000, height: 9000 }, maximized: false })
    expect(restoreWindowState(huge, displays, WINDOW_SIZE).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 })
    const tiny = parseWindowState({ bounds: { x: 10, y: 10, width: 50, height: 20 }, maximized: false })
    expect(restoreWindowState(tiny, displays, WINDOW_SIZE).bounds).toEqual({ x: 10, y: 10, width: WINDOW_SIZE.minWidth, height: WINDOW_SIZE.minHeight })
  })

  it('reads back only a well-formed state', () => {
    expect(parseWindowState(null)).toBeNull()
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: '9', height: 9 } })).toBeNull()
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: -5, height: 9 } })).toBeNull()
    expect(parseWindowState({ bounds: { x: Number.NaN, y: 0, width: 5, height: 9 } })).toBeNull()
    expect(parseWindowState({ bounds: { x: 1.4, y: 2.6, width: 800.2, height: 600 }, maximized: 'yes' })).toEqual({ bounds: { x: 1, y: 3, width: 800, height: 600 }, maximized: false })
  })
})

describe('window security', () => {
  it('isolates and sandboxes the renderer, with no Node, no webviews and web security on', () => {
    const options = mainWindowOptions('/app/preload.cjs', 'Ashiato', { width: 1000, height: 700 })
    expect(options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/app/preload.cjs' })
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options).toMatchObject({ width: 1000, height: 700, minWidth: WINDOW_SIZE.minWidth, show: false })
  })

  it('grants no permission but writing text to the clipboard, and that only to our own page', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'ashiato://app/index.html')).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', 'ashiato://app')).toBe(true)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect(permissionAllowed(permission, 'ashiato://app/index.html')).toBe(false)
    }
    for (const origin of ['https://evil.example', 'file:///etc/passwd', 'ashiato://other/', '', undefined]) {
      expect(permissionAllowed('clipboard-sanitized-write', origin)).toBe(false)
    }
  })

  it('ships a strict CSP: nothing by default, scripts only from our files, no eval, no remote hosts', () => {
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8')
    for (const csp of [cspFromIndexHtml(html)!, FALLBACK_CSP]) {
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
      expect(directives.get('default-src')).toEqual(["'none'"])
      expect(directives.get('script-src')).toEqual(["'self'"])
      for (const [name, values] of directives) {
        expect(values, name).not.toContain("'unsafe-eval'")
        expect(values, name).not.toContain('*')
        // Only our own origin and the loopback WebSocket of web mode; never another host.
        for (const value of values) expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:|ws:\/\/(127\.0\.0\.1|localhost):\*)$/)
        // Inline code is only allowed for styles (Monaco sets them), never scripts.
        if (values.includes("'unsafe-inline'")) expect(name).toBe('style-src')
      }
      expect(directives.has('object-src') ? directives.get('object-src') : directives.get('default-src')).toEqual(["'none'"])
    }
  })

  it('opens only https links to the AWS documentation hosts outside the app', () => {
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html')).toBe(true)
    for (const url of [
      'http://docs.aws.amazon.com/',
      'https://docs.aws.amazon.com.evil.example/',
      'https://docs.aws.amazon.com@evil.example/',
      'https://docs.aws.amazon.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ashiato://app/index.html',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false)
    }
  })
})

describe('menu: export, copy, find, recent files', () => {
  it('has the usual accelerators', () => {
    const template = buildMenu({ platform: 'linux', development: false })
    expect(findItem(template, 'Open Files…')?.accelerator).toBe('CmdOrCtrl+O')
    expect(findItem(template, 'Export Events…')?.accelerator).toBe('CmdOrCtrl+E')
    expect(findItem(template, 'Find')?.accelerator).toBe('CmdOrCtrl+F')
    const roles = JSON.stringify(template)
    for (const role of ['copy', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']) expect(roles).toContain(`"role":"${role}"`)
  })

  it('sends export, copy, select-all and find to the page', () => {
    const actions = recordingActions()
    const template = buildMenu({ platform: 'darwin', development: false, actions })
    for (const label of ['Export Events…', 'Copy Selected Events', 'Select All Events', 'Find']) clickItem(template, label)
    expect(actions.sent).toEqual(['exportEvents', 'copyEvents', 'selectAll', 'focusFilter'])
  })

  it('lists recent files (opening one, clearing them), or says there are none', () => {
    const actions = recordingActions()
    const home = abs('home', 'ann')
    const file = path.join(home, 'trail.json.gz')
    const template = buildMenu({ platform: 'win32', development: false, actions, recent: [file], home })
    const entries = findItem(template, 'Open Recent')?.submenu as MenuItemConstructorOptions[]
    expect(entries.map((e) => e.label ?? e.type)).toEqual([recentLabel(file, home), 'separator', 'Clear Recently Opened'])
    ;(entries[0].click as () => void)()
    expect(actions.openRecent).toHaveBeenCalledWith(file)
    ;(entries[2].click as () => void)()
    expect(actions.clearRecent).toHaveBeenCalled()
    const empty = findItem(buildMenu({ platform: 'win32', development: false, actions }), 'Open Recent')?.submenu as MenuItemConstructorOptions[]
    expect(empty[0]).toMatchObject({ label: 'No Recent Files', enabled: false })
    expect(empty.at(-1)).toMatchObject({ label: 'Clear Recently Opened', enabled: false })
  })
})
