// The desktop shell's refusals (a link that is not the AWS documentation, "Show in folder" for a
// file not exported here) and the web server's (a desktop-only call) reach the page as codes it
// says in English and Japanese, over the same transports as the services' errors.
import { describe, expect, it } from 'vitest'
import { CallError, isCallError, withCodePrefix } from '../../common/call-errors'
import { checkExternalLink, ExportedFiles } from '../../main/electron/shell-refusals'
import { cleanIpcError } from '../../preload/ipc-error'
import { callErrorText } from '../../renderer/api/call-error-text'

/** What the page receives over Electron IPC for an error the shell threw. */
function overIpc(work: () => void, call: string): Error {
  try {
    work()
  } catch (error) {
    const message = error instanceof CallError ? withCodePrefix(error) : (error as Error).message
    return cleanIpcError(new Error(`Error invoking remote method 'ashiato:${call}': Error: ${message}`))
  }
  throw new Error('expected a refusal')
}

describe('shell refusals', () => {
  it('refuse a link outside the AWS documentation, in the UI language', () => {
    const refused = overIpc(() => checkExternalLink('https://evil.example/aws'), 'openExternal')
    expect(isCallError(refused, 'link-not-allowed')).toBe(true)
    expect(callErrorText(refused, 'en')).toBe('Only https links to the AWS documentation open in the browser; https://evil.example/aws was not opened.')
    expect(callErrorText(refused, 'ja')).toBe('ブラウザーで開けるのは AWS ドキュメントへの https リンクだけです。https://evil.example/aws は開きませんでした。')
    expect(() => checkExternalLink('https://docs.aws.amazon.com/IAM/latest/UserGuide/')).not.toThrow()
    expect(() => checkExternalLink('http://docs.aws.amazon.com/')).toThrow(CallError)
  })

  it('show in its folder only a file exported in this session', () => {
    const exported = new ExportedFiles()
    exported.add('/home/me/Downloads/events.json')
    expect(() => exported.check('/home/me/Downloads/events.json')).not.toThrow()
    const refused = overIpc(() => exported.check('/etc/passwd'), 'showExportedFile')
    expect(isCallError(refused, 'file-not-exported')).toBe(true)
    expect(callErrorText(refused, 'ja')).toBe('フォルダーに表示できるのは、このセッションでエクスポートしたファイルだけです (/etc/passwd)。')
    expect(callErrorText(refused, 'en')).toBe('Only a file exported in this session can be shown in its folder (/etc/passwd).')
  })

  it("say a desktop-only call asked of the web server in the page's language", () => {
    // Web mode carries the code and values on the error itself (renderer/api/web-api.ts).
    const fromServer = Object.assign(new Error('In web mode the browser opens links itself.'), { code: 'desktop-only', values: { call: 'openExternal' } })
    expect(callErrorText(fromServer, 'ja')).toBe('openExternal はデスクトップアプリが行う操作です。ブラウザーではページ自身が行います。')
  })
})
