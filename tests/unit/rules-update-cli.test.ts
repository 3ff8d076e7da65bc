// `ashiato update-rules [--dir DIR]`: its command line, and the default folder, which must be the
// desktop app's own userData (Electron's appData + productName) so the app finds the sets the
// command downloaded. The download itself is tested against a local server (rules-update.test.ts):
// this command always asks GitHub.

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { desktopDataDir, parseUpdateRulesArgs } from '../../main/cli/update-rules'
import { parseServeArgs } from '../../main/web/serve-args'

describe('ashiato update-rules', () => {
  it('takes --dir, resolved, and refuses other arguments with a usage error', () => {
    expect(parseUpdateRulesArgs(['--dir', 'some/where'])).toEqual({ dataDir: path.resolve('some/where'), help: false })
    expect(parseUpdateRulesArgs(['-h'])).toMatchObject({ help: true })
    expect(parseUpdateRulesArgs(['extra'])).toEqual({ usageError: expect.stringContaining('Unexpected argument: extra') })
    expect(parseUpdateRulesArgs(['--dir', ''])).toEqual({ usageError: expect.stringContaining('--dir needs a folder') })
    expect(parseUpdateRulesArgs(['--rules', 'x'])).toHaveProperty('usageError')
  })

  it("defaults to the desktop app's data folder on each platform", () => {
    expect(desktopDataDir({}, 'linux', '/home/u')).toBe(path.join('/home/u', '.config', 'Ashiato'))
    expect(desktopDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe(path.join('/x', 'Ashiato'))
    expect(desktopDataDir({}, 'darwin', '/Users/u')).toBe(path.join('/Users/u', 'Library', 'Application Support', 'Ashiato'))
    expect(desktopDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'Ashiato'))
    expect(desktopDataDir({ ASHIATO_USER_DATA_DIR: '/tests/profile' }, 'linux', '/home/u')).toBe('/tests/profile')
  })

  it('web mode allows it only with --rules-update-dir on the server\'s command line', () => {
    expect(parseServeArgs([]).rulesUpdateDir).toBeUndefined()
    expect(parseServeArgs(['--rules-update-dir', '/srv/ashiato']).rulesUpdateDir).toBe('/srv/ashiato')
    expect(() => parseServeArgs(['--rules-update-dir', ''])).toThrow('--rules-update-dir needs a folder')
  })
})
