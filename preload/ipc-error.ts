// Errors crossing ipcRenderer.invoke arrive as
//   "Error invoking remote method 'ashiato:getRows': Error: <message>"
// (electron/electron#24427). The renderer shows the message main wrote for the user, the same
// text web mode delivers, so the transport's prefix is dropped here. A coded error's "[code] "
// prefix (common/call-errors.ts) becomes its `code` and `values` again, as web mode delivers them.
import { splitCodePrefix } from '../common/call-errors'

export function cleanIpcError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error)
  const { code, values, message: text } = splitCodePrefix(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''))
  const clean = new Error(text) as Error & { code?: string; values?: Record<string, string | number> }
  if (code) {
    clean.code = code
    clean.values = values ?? {}
  }
  return clean
}
