// The desktop app's page rules and crash recovery, as plain Node (the pure halves of
// main/electron/web-contents-guard.ts and window.ts; the Electron glue is covered by
// tests/e2e/electron/crash.spec.ts when an Electron binary exists).
import { describe, expect, it } from 'vitest'
import { linkFate, navigationRule, permissionRule, redirectAllowed, webviewAllowed, windowOpenRule } from '../../main/electron/contents-rules'
import { CRASH_LOOP, CrashRecovery, recoveredUrl } from '../../main/electron/crash-recovery'
import { RENDERER_URL, isRendererUrl } from '../../main/electron/renderer-url'
import { recoveredReason, takeCrashNotice } from '../../renderer/state/crash-notice'
import { crashReasonText, formatMessage, MESSAGES } from '../../common/i18n'

describe('the rules applied to every webContents', () => {
  it('never opens a window; AWS documentation goes to the browser, anything else nowhere', () => {
    expect(windowOpenRule('https://docs.aws.amazon.com/IAM/latest/UserGuide/')).toEqual({ action: 'deny', fate: 'browser' })
    for (const url of ['https://evil.example/', 'http://docs.aws.amazon.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://docs.aws.amazon.com@evil.example/', `${RENDERER_URL}?x`]) {
      expect(windowOpenRule(url), url).toEqual({ action: 'deny', fate: 'blocked' })
    }
  })

  it('prevents every navigation, even to our own renderer', () => {
    expect(navigationRule(RENDERER_URL)).toEqual({ prevent: true, fate: 'blocked' })
    expect(navigationRule('file:///tmp/dropped.json')).toEqual({ prevent: true, fate: 'blocked' })
    expect(navigationRule('https://aws.amazon.com/cloudtrail/')).toEqual({ prevent: true, fate: 'browser' })
  })

  it('allows redirects only within the renderer, and no webview', () => {
    expect(redirectAllowed('ashiato://app/assets/x.js')).toBe(true)
    expect(redirectAllowed('https://docs.aws.amazon.com/')).toBe(false)
    expect(webviewAllowed()).toBe(false)
    expect(linkFate('ashiato://app/index.html')).toBe('blocked')
  })

  it('grants only the clipboard write, only to our renderer', () => {
    expect(permissionRule('clipboard-sanitized-write', RENDERER_URL)).toBe(true)
    expect(permissionRule('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(permissionRule('clipboard-sanitized-write', undefined)).toBe(false)
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) expect(permissionRule(permission, RENDERER_URL)).toBe(false)
  })
})

describe('renderer crash recovery', () => {
  it('reloads a crashed renderer at an address that carries the reason', () => {
    const recovery = new CrashRecovery(() => 1_000)
    const decision = recovery.decide('crashed')
    expect(decision).toEqual({ action: 'reload', url: `${RENDERER_URL}#recovered=crashed`, reason: 'crashed' })
    // Still our renderer: IPC answers it (ipc-handlers.ts checks senders with isRendererUrl).
    expect(isRendererUrl(recoveredUrl('oom'))).toBe(true)
  })

  it('ignores a clean exit and names unknown reasons "unknown"', () => {
    const recovery = new CrashRecovery(() => 0)
    expect(recovery.decide('clean-exit')).toEqual({ action: 'ignore' })
    expect(recovery.decide('<img src=x>')).toMatchObject({ action: 'reload', reason: 'unknown' })
    expect(recovery.decide('oom')).toMatchObject({ action: 'reload', reason: 'oom' })
  })

  it('gives up on a crash loop, and recovers again once the loop is over', () => {
    let now = 0
    const recovery = new CrashRecovery(() => now)
    for (let i = 0; i < CRASH_LOOP.max; i++) {
      expect(recovery.decide('killed').action).toBe('reload')
      now += 1_000
    }
    expect(recovery.decide('killed')).toEqual({ action: 'give-up', reason: 'killed', crashes: CRASH_LOOP.max + 1 })
    now += CRASH_LOOP.windowMs
    expect(recovery.decide('killed').action).toBe('reload')
  })

  it('the page reads the notice once and drops it from the address', () => {
    expect(recoveredReason('#recovered=crashed')).toBe('crashed')
    expect(recoveredReason('#recovered=<b>x</b>')).toBeNull()
    expect(recoveredReason('')).toBeNull()
    const replaced: string[] = []
    const history = { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) }
    expect(takeCrashNotice({ hash: '#recovered=oom', pathname: '/index.html', search: '' }, history)).toBe('oom')
    expect(replaced).toEqual(['/index.html'])
    expect(takeCrashNotice({ hash: '', pathname: '/index.html', search: '' }, history)).toBeNull()
    expect(replaced).toHaveLength(1)
  })

  it("says Electron's reason in words, in both languages, never as its code", () => {
    const { en, ja } = MESSAGES
    expect(formatMessage(en.rendererCrashed, { reason: crashReasonText('oom', en) })).toBe('The window stopped unexpectedly (out of memory) and was reloaded. The loaded events are kept.')
    expect(crashReasonText('oom', ja)).toBe('メモリ不足')
    // Every reason crash-recovery passes on, 'unknown' included, has words of its own in each language.
    for (const reason of ['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction', 'unknown']) {
      const said = new CrashRecovery().decide(reason)
      const shown = said.action === 'reload' ? said.reason : reason
      expect(crashReasonText(shown, en), reason).not.toMatch(/^[a-z-]+$/)
      expect(crashReasonText(shown, ja), reason).not.toBe(crashReasonText(shown, en))
    }
    expect(crashReasonText('toString', en)).toBe('cause unknown')
  })
})
