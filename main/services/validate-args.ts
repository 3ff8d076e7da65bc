// Arguments of every call arrive untrusted: over Electron IPC from a renderer that may have been
// compromised, or over the web-mode WebSocket from whatever reached the server. They are checked
// here against the call's schemas in the contract (common/contract/), in one place both shells
// use. valibot's objects rebuild their input with only the declared keys, so nothing unexpected
// (an unknown field, a __proto__ key) reaches a service. A failure is a CallError: 'over-limit'
// when an argument passes a declared limit, else 'bad-argument', its message naming the call,
// the argument and what was wrong.

import * as v from 'valibot'
import { CallError } from '../../common/call-errors'
import { CALLS, type AshiatoCalls, type CallName } from '../../common/ipc-contract'

export type CallArgs<K extends CallName> = Parameters<AshiatoCalls[K]>

/** Issues that mean "more than the schema's limit": the limit is their requirement. */
const LIMIT_ISSUES = new Set(['max_value', 'max_length'])

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (value === null || typeof value !== 'object') return String(value)
  return 'an object'
}

const KIND_OF_VALUE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  loose_object: 'an object',
  array: 'a list',
}

/** What was wrong, as the end of a sentence that starts with the argument's name. */
function problem(issue: v.BaseIssue<unknown>): string {
  const limit = typeof issue.requirement === 'number' ? issue.requirement.toLocaleString('en-US') : ''
  const isList = Array.isArray(issue.input)
  switch (issue.type) {
    case 'integer':
      return `must be a whole number, not ${shown(issue.input)}`
    case 'finite':
      return 'must be a finite number'
    case 'min_value':
      return `must be at least ${limit}, not ${shown(issue.input)}`
    case 'max_value':
      return `must be at most ${limit}, not ${shown(issue.input)}`
    case 'min_length':
      return isList ? `must hold at least ${limit} items` : 'must not be empty'
    case 'max_length':
      return isList ? `holds too many items (${(issue.input as unknown[]).length.toLocaleString('en-US')}; at most ${limit})` : `is too long (at most ${limit} characters)`
    case 'picklist':
      return `must be one of ${issue.expected?.replace(/^\(|\)$/g, '').replaceAll(' | ', ', ') ?? 'its values'}, not ${shown(issue.input)}`
    default:
      // valibot's own messages start "Invalid"; any other is a schema's wording ("is not a bucket name").
      if (!issue.message.startsWith('Invalid ')) return issue.kind === 'validation' ? `${issue.message}: ${shown(issue.input)}` : issue.message
      return `must be ${KIND_OF_VALUE[issue.type] ?? issue.expected ?? 'another value'}, not ${shown(issue.input)}`
  }
}

/** argument.path.to.value: the argument's name and the keys and indexes below it. */
function argumentPath(name: string, issue: v.BaseIssue<unknown>): string {
  let path = name
  for (const item of issue.path ?? []) path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`
  return path
}

function refuse(call: CallName, argument: string, issue: v.BaseIssue<unknown>): never {
  const what = problem(issue)
  const message = `${call}: ${argument} ${what}`
  if (LIMIT_ISSUES.has(issue.type) && typeof issue.requirement === 'number') {
    throw new CallError('over-limit', message, { call, argument, limit: issue.requirement })
  }
  throw new CallError('bad-argument', message, { call, argument, problem: what })
}

/** Checks one call's untrusted arguments; returns them typed and rebuilt, or throws a CallError. */
export function validateArgs<K extends CallName>(name: K, args: unknown): CallArgs<K> {
  const declared = CALLS[name].args
  if (!Array.isArray(args)) throw new CallError('bad-argument', `${name}: arguments must be a list`, { call: name, argument: '', problem: 'arguments must be a list' })
  if (args.length !== declared.length) {
    const problemText = `expected ${declared.length} argument${declared.length === 1 ? '' : 's'}, got ${args.length}`
    throw new CallError('bad-argument', `${name}: ${problemText}`, { call: name, argument: '', problem: problemText })
  }
  const checked = declared.map(({ name: argument, schema }, index) => {
    const result = v.safeParse(schema, args[index])
    if (!result.success) refuse(name, argumentPath(argument, result.issues[0]), result.issues[0])
    return result.output
  })
  // The outputs are the declared schemas' outputs, in order: CallArgs<K> by construction.
  return checked as CallArgs<K>
}
