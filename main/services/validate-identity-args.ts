// Untrusted arguments of the identity calls (credentialChain, principalDossier,
// credentialGraph), checked and rebuilt as fresh objects like every call's (validate-args.ts).

import type { PrincipalKind, PrincipalRef } from '../../common/identity'
import { ArgumentError } from './validate-args'

const KINDS: readonly PrincipalKind[] = ['iamUser', 'role', 'roleSession', 'identityCenterUser', 'accessKey', 'sourceIp', 'name']

export const IDENTITY_LIMITS = {
  /** ARNs are at most 2,048 characters; a principal id longer than that names nothing. */
  principalLength: 2_048,
  /** Graph nodes drawn at most: the view stays usable at this size (measured, see the graph component). */
  graphNodes: 20_000,
} as const

function fail(call: string, what: string): never {
  throw new ArgumentError(`${call}: ${what}`)
}

function plain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function wholeNumber(call: string, name: string, value: unknown, max: number, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(call, `${name} must be a whole number from ${min} to ${max}`)
  return value
}

export function eventIdArg(call: string, args: unknown[]): [number] {
  if (args.length !== 1) fail(call, `expected 1 argument, got ${args.length}`)
  return [wholeNumber(call, 'id', args[0], Number.MAX_SAFE_INTEGER)]
}

export function principalArg(call: string, args: unknown[]): [PrincipalRef] {
  if (args.length !== 1) fail(call, `expected 1 argument, got ${args.length}`)
  const value = args[0]
  if (!plain(value)) fail(call, 'expected { kind, id }')
  const kind = KINDS.find((k) => k === value.kind)
  if (!kind) fail(call, `kind must be one of ${KINDS.join(', ')}`)
  if (typeof value.id !== 'string' || value.id.length === 0) fail(call, 'id must be a non-empty string')
  if (value.id.length > IDENTITY_LIMITS.principalLength) fail(call, `id is too long (at most ${IDENTITY_LIMITS.principalLength} characters)`)
  return [{ kind, id: value.id }]
}

export function graphArg(call: string, args: unknown[]): [{ viewId: number; maxNodes: number }] {
  if (args.length !== 1) fail(call, `expected 1 argument, got ${args.length}`)
  const value = args[0]
  if (!plain(value)) fail(call, 'expected { viewId, maxNodes }')
  return [{ viewId: wholeNumber(call, 'viewId', value.viewId, Number.MAX_SAFE_INTEGER), maxNodes: wholeNumber(call, 'maxNodes', value.maxNodes, IDENTITY_LIMITS.graphNodes, 1) }]
}
