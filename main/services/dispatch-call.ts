// One way into the services for both shells: a call's name and arguments arrive untrusted (IPC
// or WebSocket), are checked against the contract, and reach either the shared services or the
// shell's own calls (dialogs, the system browser, the clipboard), which differ between Electron and web.

import { CALL_NAMES, type AshiatoCalls, type CallName } from '../../common/ipc-contract'
import type { ServiceCalls } from './service-types'
import { validateArgs } from './validate-args'

/** The calls each shell answers itself. */
export type ShellCallName = Exclude<CallName, keyof ServiceCalls>
export type ShellCalls = Pick<AshiatoCalls, ShellCallName>

const SHELL_CALL_NAMES: readonly ShellCallName[] = ['openFilesDialog', 'openExternal', 'exportEvents', 'showExportedFile', 'copyEvents']

export function isCallName(name: unknown): name is CallName {
  // includes() on the contract's list, never `name in object`: '__proto__' or 'constructor'
  // must not find anything.
  return typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)
}

function isShellCall(name: CallName): name is ShellCallName {
  return (SHELL_CALL_NAMES as readonly CallName[]).includes(name)
}

type AnyCall = (...args: unknown[]) => Promise<unknown>

/**
 * Runs one call. Rejects (with a message a user can read) when the name is not in the contract
 * or the arguments do not fit it; otherwise returns whatever the service or the shell returns.
 */
export async function dispatchCall(service: ServiceCalls, shell: ShellCalls, name: unknown, args: unknown): Promise<unknown> {
  if (!isCallName(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 100)) : `of type ${typeof name}`
    throw new Error(`unknown call ${shown}`)
  }
  const checked: unknown[] = validateArgs(name, args)
  // The lookup is typed per call by the contract; the cast only forgets which call it is.
  const target = isShellCall(name) ? shell : service
  const method = (target as unknown as Record<CallName, AnyCall>)[name]
  return method.apply(target, checked)
}
