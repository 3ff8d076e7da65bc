// Errors crossing ipcRenderer.invoke arrive as
//   "Error invoking remote method 'ashiato:getRows': Error: <message>"
// (electron/electron#24427). The renderer shows the message main wrote for the user, the same
// text web mode delivers, so the transport's prefix is dropped here.

export function cleanIpcError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error)
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''))
}
