// Every call of the contract, gathered from the concern files. The method name is the channel
// (prefixed 'ashiato:' on Electron IPC). Everything a transport or a shell needs is derived from
// CALLS: the signatures (AshiatoCalls), the names, who answers each call and what web clients may
// reach. Adding a call to a concern's list is the whole declaration; leaving out its handler in
// the service or a shell is then a type error.

import { LOADING_CALLS } from './loading'
import { VIEW_CALLS } from './views'
import { FIELD_CALLS } from './fields'
import { S3_CALLS } from './s3'
import { EXPORT_CALLS } from './export'
import { INTEGRITY_CALLS } from './integrity'
import { IDENTITY_CALLS } from './identity'
import { DETECTION_CALLS } from './detections'
import { SHELL_CALLS } from './shell'
import type { CallFunction, CallScope } from './define-call'

export const CALLS = {
  ...LOADING_CALLS,
  ...VIEW_CALLS,
  ...FIELD_CALLS,
  ...S3_CALLS,
  ...EXPORT_CALLS,
  ...INTEGRITY_CALLS,
  ...IDENTITY_CALLS,
  ...DETECTION_CALLS,
  ...SHELL_CALLS,
}

type Calls = typeof CALLS

export type CallName = keyof Calls

/** The signature of every call, from its schemas and declared answer. */
export type AshiatoCalls = { [K in CallName]: CallFunction<Calls[K]> }

/** The calls each shell answers itself (dialogs, the system browser, the clipboard, downloads). */
export type ShellCallName = { [K in CallName]: Calls[K]['by'] extends 'shell' ? K : never }[CallName]
export type ShellCalls = Pick<AshiatoCalls, ShellCallName>

/** The calls the shared services answer, in every shell. */
export type ServiceCalls = Omit<AshiatoCalls, ShellCallName>

function namesOf<T extends object>(record: T): (keyof T & string)[] {
  // Object.keys is typed string[]; the keys of a literal object are exactly its own keys.
  return Object.keys(record) as (keyof T & string)[]
}

/** Every call, for building preload, handlers and the web transport from one list. */
export const CALL_NAMES: readonly CallName[] = namesOf(CALLS)

export function isCallName(name: unknown): name is CallName {
  // includes() on the contract's list, never `name in CALLS`: '__proto__' or 'constructor'
  // must not find anything.
  return typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)
}

export function isShellCall(name: CallName): name is ShellCallName {
  return CALLS[name].by === 'shell'
}

/** What a call may reach when a web client asks (see CallScope). */
export function callScope(name: CallName): CallScope {
  return CALLS[name].scope
}

export type { CallScope } from './define-call'
