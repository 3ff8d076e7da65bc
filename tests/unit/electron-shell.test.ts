// The desktop shell's pure parts: command lines, the renderer's URL, the menu, IPC errors.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pathsFromAdditionalData, pathsFromArgv } from '../../main/electron/launch-paths'
import { CLOUDTRAIL_EVENT_REFERENCE_URL } from '../../main/electron/menu-template'
import { RENDERER_URL, isRendererUrl } from '../../main/electron/renderer-url'
import { isAllowedExternalUrl } from '../../main/electron/external-links'
import { cleanIpcError } from '../../preload/ipc-error'
import { buildMenu, clickItem, menuEntries, recordingActions } from './helpers/menu'

const cwd = path.resolve('/work/logs')

describe('pathsFromArgv', () => {
  it('skips the executable and, unpackaged, the app path', () => {
    expect(pathsFromArgv(['/bin/electron', '.', 'a.json.gz', '/abs/b.json'], { skipAppPath: true, cwd })).toEqual([
      path.resolve(cwd, 'a.json.gz'),
      path.resolve('/abs/b.json'),
    ])
    expect(pathsFromArgv(['/Applications/Ashiato', 'a.json'], { skipAppPath: false, cwd })).toEqual([path.resolve(cwd, 'a.json')])
  })

  it('skips switches, including those Playwright puts before the app path', () => {
    const argv = ['/bin/electron', '--inspect=0', '--remote-debugging-port=0', '--no-sandbox', '.', 'x.json', '-psn_0_1234']
    expect(pathsFromArgv(argv, { skipAppPath: true, cwd })).toEqual([path.resolve(cwd, 'x.json')])
  })

  it('treats everything after -- as a path', () => {
    expect(pathsFromArgv(['/bin/app', '--', '-odd.json'], { skipAppPath: false, cwd })).toEqual([path.resolve(cwd, '-odd.json')])
  })

  it('gives nothing for a bare start', () => {
    expect(pathsFromArgv(['/bin/electron', '.'], { skipAppPath: true, cwd })).toEqual([])
    expect(pathsFromArgv(['/Applications/Ashiato'], { skipAppPath: false, cwd })).toEqual([])
  })

  it("takes a second instance's additionalData only when it is a list of absolute paths", () => {
    const abs = path.resolve('/x/a.json')
    expect(pathsFromAdditionalData({ paths: [abs] })).toEqual([abs])
    expect(pathsFromAdditionalData({ paths: ['relative.json'] })).toBeNull()
    expect(pathsFromAdditionalData({ paths: [1] })).toBeNull()
    expect(pathsFromAdditionalData(null)).toBeNull()
    expect(pathsFromAdditionalData('x')).toBeNull()
  })
})

describe('isRendererUrl', () => {
  it('knows our pages and files, and nothing else', () => {
    expect(isRendererUrl(RENDERER_URL)).toBe(true)
    expect(isRendererUrl('ashiato://app/assets/index-abc.js')).toBe(true)
    expect(isRendererUrl('ashiato://other/index.html')).toBe(false)
    expect(isRendererUrl('file:///work/dist/renderer/index.html')).toBe(false)
    expect(isRendererUrl('https://app/index.html')).toBe(false)
    expect(isRendererUrl('about:blank')).toBe(false)
    expect(isRendererUrl('not a url')).toBe(false)
  })
})

describe('menuTemplate', () => {
  it('has developer tools only in development', () => {
    expect(menuEntries(buildMenu({ platform: 'linux', development: false }))).not.toContain('toggleDevTools')
    expect(menuEntries(buildMenu({ platform: 'linux', development: true }))).toContain('toggleDevTools')
  })

  it('offers Open and Quit; a separate Open Folder where dialogs cannot do both', () => {
    const linux = menuEntries(buildMenu({ platform: 'linux', development: false }))
    expect(linux).toEqual(expect.arrayContaining(['File', 'Open Files…', 'Open Folder…', 'quit', 'Edit', 'View', 'zoomIn', 'Language']))
    const mac = menuEntries(buildMenu({ platform: 'darwin', development: false }))
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'Open…', 'windowMenu']))
    expect(mac).not.toContain('Open Folder…')
  })

  it('File ▸ Open and Open Folder ask the page, which asks "add or new" before loading (tests/unit/load-choice.test.ts)', () => {
    const actions = recordingActions()
    const linux = buildMenu({ platform: 'linux', development: false, actions })
    clickItem(linux, 'Open Files…')
    clickItem(linux, 'Open Folder…')
    clickItem(buildMenu({ platform: 'darwin', development: false, actions }), 'Open…')
    expect(actions.sent).toEqual(['openFiles', 'openFolder', 'openFiles'])
  })

  it('File ▸ Open from S3… asks the renderer for its dialog', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const actions = recordingActions()
      clickItem(buildMenu({ platform, development: false, actions }), 'Open from S3…')
      expect(actions.sent).toEqual(['openS3'])
    }
  })

  it('sends the language and focus commands to the renderer', () => {
    const actions = recordingActions()
    const template = buildMenu({ platform: 'win32', development: false, actions })
    for (const label of ['English', '日本語', 'Find']) clickItem(template, label)
    expect(actions.sent).toEqual(['languageEnglish', 'languageJapanese', 'focusFilter'])
  })

  it('links help to a page the external-link check allows', () => {
    expect(isAllowedExternalUrl(CLOUDTRAIL_EVENT_REFERENCE_URL)).toBe(true)
  })
})

describe('cleanIpcError', () => {
  it("keeps the message main wrote, without Electron's invoke prefix", () => {
    expect(cleanIpcError(new Error("Error invoking remote method 'ashiato:getEvent': Error: No event 9 is loaded.")).message).toBe('No event 9 is loaded.')
    expect(cleanIpcError(new Error("Error invoking remote method 'ashiato:setView': ArgumentError: setView: query must be a string")).message).toBe(
      'setView: query must be a string',
    )
    expect(cleanIpcError(new Error('plain')).message).toBe('plain')
    expect(cleanIpcError('text').message).toBe('text')
  })
})
