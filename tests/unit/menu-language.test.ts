// The desktop menu speaks the language chosen in the window: labels from common/i18n, rebuilt
// when the page says the language changed (main/electron/shell-language.ts).
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../common/i18n'
import { exportOptions, openLogsOptions, ruleFolderOptions } from '../../main/electron/dialog-options'
import { ShellLanguage } from '../../main/electron/shell-language'
import { buildMenu, clickItem, findItem, menuEntries, recordingActions } from './helpers/menu'

describe('the menu in Japanese', () => {
  it('labels the menus and their items in Japanese', () => {
    const entries = menuEntries(buildMenu({ platform: 'linux', development: false, language: 'ja' }))
    expect(entries).toEqual(expect.arrayContaining(['ファイル', 'ファイルを開く…', 'フォルダを開く…', 'S3 から開く…', 'イベントをエクスポート…', '終了']))
    expect(entries).toEqual(expect.arrayContaining(['編集', '元に戻す', 'コピー', '貼り付け', '選択したイベントをコピー', 'すべてのイベントを選択', '検索']))
    expect(entries).toEqual(expect.arrayContaining(['表示', '拡大', '縮小', '言語', 'ヘルプ', 'CloudTrail イベントリファレンス']))
    // No English UI string is left behind; the Language menu names each language in its own
    // words, as any app does.
    const english = Object.values(MESSAGES.en)
    expect(entries.filter((entry) => english.includes(entry))).toEqual([])
    expect(entries).toEqual(expect.arrayContaining(['English', '日本語']))
  })

  it('keeps the roles, accelerators and commands whatever the language', () => {
    const actions = recordingActions()
    const template = buildMenu({ platform: 'darwin', development: true, language: 'ja', actions })
    const entries = menuEntries(template)
    expect(entries).toEqual(expect.arrayContaining(['appMenu', 'close', 'undo', 'copy', 'zoomIn', 'toggleDevTools', 'windowMenu', 'help']))
    expect(findItem(template, '開く…')?.accelerator).toBe('CmdOrCtrl+O')
    expect(findItem(template, 'イベントをエクスポート…')?.accelerator).toBe('CmdOrCtrl+E')
    for (const label of ['S3 から開く…', 'イベントをエクスポート…', '選択したイベントをコピー', '検索', 'English']) clickItem(template, label)
    expect(actions.sent).toEqual(['openS3', 'exportEvents', 'copyEvents', 'focusFilter', 'languageEnglish'])
  })

  it('spells out the macOS app and Window menus, so their items are in Japanese too', () => {
    const entries = menuEntries(buildMenu({ platform: 'darwin', development: false, language: 'ja' }))
    expect(entries).toEqual(expect.arrayContaining(['Ashiato について', 'サービス', 'Ashiato を隠す', 'ほかを隠す', 'すべてを表示', 'Ashiato を終了']))
    expect(entries).toEqual(expect.arrayContaining(['ウィンドウ', 'しまう', '拡大/縮小', 'すべてを手前に移動']))
    expect(entries).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'minimize', 'front']))
  })

  it('says there are no recent files in Japanese', () => {
    const recent = findItem(buildMenu({ platform: 'win32', development: false, language: 'ja' }), '最近使った項目を開く')?.submenu
    expect(Array.isArray(recent) && recent.map((item) => item.label ?? item.type)).toEqual(['最近使ったファイルはありません', 'separator', '最近使った項目の一覧を消去'])
  })

  it('has a label for every item in both languages (no item falls back to Electron\'s English)', () => {
    for (const language of ['en', 'ja'] as const) {
      for (const platform of ['darwin', 'linux'] as const) {
        const walk = (items: ReturnType<typeof buildMenu>): void => {
          for (const item of items) {
            if (item.type !== 'separator' && item.role !== 'appMenu') expect(item.label, `${language} ${platform} ${item.role}`).toBeTruthy()
            if (Array.isArray(item.submenu)) walk(item.submenu)
          }
        }
        walk(buildMenu({ platform, development: true, language }))
      }
    }
  })
})

describe('ShellLanguage', () => {
  it('follows the OS until the page says, then the page', () => {
    let locale = 'ja-JP'
    const language = new ShellLanguage(() => locale)
    expect(language.current()).toBe('ja')
    locale = 'en-US'
    expect(language.current()).toBe('en')
    language.set('ja')
    locale = 'fr'
    expect(language.current()).toBe('ja')
  })

  it('tells its listeners of changes only, so a reload does not rebuild the menu for nothing', () => {
    const language = new ShellLanguage(() => 'en-US')
    const heard: string[] = []
    const stop = language.onChange((chosen) => heard.push(chosen))
    language.set('en') // the page starting in the OS language: no change
    language.set('ja')
    language.set('ja')
    language.set('en')
    stop()
    language.set('ja')
    expect(heard).toEqual(['ja', 'en'])
  })
})

describe('the native dialogs', () => {
  it('are titled and their file types named in the chosen language', () => {
    const ja = MESSAGES.ja
    expect(openLogsOptions('files', 'linux', ja)).toMatchObject({
      title: 'CloudTrail ログを開く',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'CloudTrail ログ (.json, .json.gz)', extensions: ['json', 'gz'] }, { name: 'すべてのファイル', extensions: ['*'] }],
    })
    expect(openLogsOptions('folders', 'win32', ja)).toMatchObject({ title: 'CloudTrail ログのフォルダを開く', properties: ['openDirectory', 'multiSelections'] })
    expect(ruleFolderOptions(ja).title).toBe('Sigma ルールのフォルダを追加')
    const save = exportOptions('/d/events.json.gz', { name: 'CloudTrail JSON (.json.gz)', extensions: ['gz'] }, ja)
    expect(save.title).toBe('イベントをエクスポート')
    expect(save.filters?.map((f) => f.name)).toEqual(['CloudTrail JSON (.json.gz)', 'すべてのファイル'])
    // macOS picks files and folders in one dialog; English by default.
    expect(openLogsOptions('files', 'darwin', MESSAGES.en)).toMatchObject({ title: 'Open CloudTrail logs', properties: ['openFile', 'openDirectory', 'multiSelections'] })
  })
})
