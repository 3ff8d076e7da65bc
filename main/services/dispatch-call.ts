// One way into the services for both shells: a call's name and arguments arrive untrusted (IPC
// or WebSocket), are checked against the contract's schemas, and reach either the shared services
// or the shell's own calls (dialogs, the system browser, the clipboard), as the contract's `by` says.

import { isCallName, isShellCall, type CallName, type ServiceCalls, type ShellCalls } from '../../common/ipc-contract'
import { validateArgs } from './validate-args'

export { isCallName } from '../../common/ipc-contract'
export type { ShellCallName, ShellCalls } from '../../common/ipc-contract'

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
