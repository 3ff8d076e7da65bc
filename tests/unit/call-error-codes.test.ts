// Errors the services throw cross both transports as codes with values, and the UI says them in
// English and Japanese from those values: no English sentence is matched with a regex.
import { describe, expect, it } from 'vitest'
import { CALL_ERROR_CODES, CallError, isCallError, withCodePrefix } from '../../common/call-errors'
import { MESSAGES, placeholders } from '../../common/i18n'
import type { ShellCalls } from '../../common/ipc-contract'
import { AshiatoService } from '../../main/services/ashiato-service'
import { dispatchCall } from '../../main/services/dispatch-call'
import { cleanIpcError } from '../../preload/ipc-error'
import { callErrorText } from '../../renderer/api/call-error-text'

/** What the renderer receives over Electron IPC for an error main threw (electron/electron#24427). */
function overIpc(error: unknown, call: string): Error {
  const message = error instanceof CallError ? withCodePrefix(error) : (error as Error).message
  return cleanIpcError(new Error(`Error invoking remote method 'ashiato:${call}': Error: ${message}`))
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error,
  )
}

describe('call error codes', () => {
  it('are thrown by the services and survive the IPC transport', async () => {
    const service = new AshiatoService({ workers: 1 })
    const shell = {} as ShellCalls
    try {
      const expired = await failure(dispatchCall(service, shell, 'getRows', [{ viewId: 99, start: 0, count: 10 }]))
      expect(isCallError(expired, 'view-expired')).toBe(true)
      expect(isCallError(overIpc(expired, 'getRows'), 'view-expired')).toBe(true)
      // What the renderer's stores check: an English error that merely says "expired" is not one.
      expect(isCallError(new Error('This view has expired; ask for it again.'), 'view-expired')).toBe(false)

      const missing = overIpc(await failure(dispatchCall(service, shell, 'getEvent', [7])), 'getEvent')
      expect(missing).toMatchObject({ code: 'no-event', values: { id: 7 } })
      expect(callErrorText(missing, 'ja')).toBe('イベント 7 は読み込まれていません。')
      expect(callErrorText(missing, 'en')).toBe('No event 7 is loaded.')

      const tooMany = overIpc(await failure(dispatchCall(service, shell, 'getRows', [{ viewId: 1, start: 0, count: 10_001 }])), 'getRows')
      expect(tooMany).toMatchObject({ code: 'over-limit', values: { call: 'getRows', argument: 'request.count', limit: 10_000 } })
      expect(callErrorText(tooMany, 'ja')).toBe('getRows: request.count が上限 10000 を超えています。')

      const wrong = overIpc(await failure(dispatchCall(service, shell, 'setView', [{ query: 3 }])), 'setView')
      expect(wrong).toMatchObject({ code: 'bad-argument', values: { call: 'setView', argument: 'spec.query' } })
      expect(callErrorText(wrong, 'ja')).toContain('引数 spec.query')
    } finally {
      await service.dispose()
    }
  })

  it('each have a message in both languages, filled from the same values', () => {
    const keys = new Set<string>()
    for (const code of CALL_ERROR_CODES) {
      const error = new CallError(code, 'the English fallback', { call: 'c', argument: 'a', problem: 'p', limit: 1, id: 1, n: 2, max: 1, profile: 'p', login: 'l', action: 'x', where: 'w', bucket: 'b', host: 'h', size: 's', endpoint: 'e', folder: 'f', url: 'u', entry: 'n', reason: 'r', file: 'f' })
      const en = callErrorText(error, 'en')
      const ja = callErrorText(error, 'ja')
      expect(en, code).not.toBe('the English fallback')
      expect(ja, code).not.toBe(en)
      expect(ja, code).not.toMatch(/\{\w+\}/)
      keys.add(en)
    }
    expect(keys.size).toBe(CALL_ERROR_CODES.length)
    expect(placeholders(MESSAGES.ja.errorOverLimit)).toEqual(placeholders(MESSAGES.en.errorOverLimit))
  })
})
