// How a call of the contract is declared, once: its arguments as valibot schemas (named, in
// order), the type of its answer, what it may reach in web mode, and who answers it. The call's
// TypeScript signature, the list of names, the argument checks in main and the split between the
// shared services and the shells are all derived from these declarations (./calls.ts), so a call
// cannot be added in one place and forgotten in another.

import * as v from 'valibot'

/**
 * What a call reaches on the machine running the services, for the web transport (which serves
 * browser tabs, not the user at the desktop):
 *   'session'     the loaded set, views, exports as downloads: fine for any client;
 *   'server-path' names a file or folder on that machine (a path to load, an export target):
 *                 refused to web clients, which reach only what they upload and what the server's
 *                 own command line named;
 *   's3'          takes an S3Connection: web mode pins its endpoint to the server's command line.
 */
export type CallScope = 'session' | 'server-path' | 's3'

/** 'service': the shared services (main/services). 'shell': each shell itself (dialogs, browser, clipboard, downloads). */
export type AnsweredBy = 'service' | 'shell'

/** One argument: its name (error messages say which argument was wrong) and its schema. */
export interface Arg<S extends v.GenericSchema = v.GenericSchema> {
  readonly name: string
  readonly schema: S
}

export function arg<const S extends v.GenericSchema>(name: string, schema: S): Arg<S> {
  return { name, schema }
}

declare const answerType: unique symbol

/** The answer's type, carried by the declaration only: answers come from main, which is trusted. */
export interface Answer<R> {
  readonly [answerType]?: R
}

export function answer<R = void>(): Answer<R> {
  return {}
}

export interface CallDef<A extends readonly Arg[] = readonly Arg[], R = unknown, B extends AnsweredBy = AnsweredBy> {
  readonly args: A
  readonly returns: Answer<R>
  readonly scope: CallScope
  readonly by: B
}

/** Declares one call; `const` keeps the argument list a tuple and `by` a literal, for the derived types. */
export function call<const A extends readonly Arg[], R, const B extends AnsweredBy>(def: CallDef<A, R, B>): CallDef<A, R, B> {
  return def
}

/** The arguments a call's schemas produce, as a tuple. */
export type ArgsOf<A extends readonly Arg[]> = { -readonly [I in keyof A]: A[I] extends Arg<infer S> ? v.InferOutput<S> : never }

/** A declaration's signature: its arguments in, a promise of its answer out. */
export type CallFunction<D> = D extends CallDef<infer A, infer R, AnsweredBy> ? (...args: ArgsOf<A>) => Promise<R> : never

// Pieces the concern files build their schemas from. Limits are always given where a schema is
// declared, so the number in the error message is the number enforced.

/** A whole number from 0 to `max` (event ids, view ids, counts). */
export function wholeNumber(max: number = Number.MAX_SAFE_INTEGER) {
  return v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max))
}

/** A time in ms since the epoch. */
export const timeMs = v.pipe(v.number(), v.finite())

/** A string of at most `max` characters. */
export function text(max: number) {
  return v.pipe(v.string(), v.maxLength(max))
}

/**
 * A list of at most `max` items. The length is checked before the items (a pipe stops at the
 * first failed step before a schema), so an oversized list costs no per-item work.
 */
export function boundedList<const S extends v.GenericSchema>(item: S, max: number) {
  return v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(item))
}

const isEventId = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffff_ffff

/**
 * Event ids (the store numbers events with uint32), at most `max` of them. Checked in one plain
 * loop rather than an item schema: a selection holds up to 500,000 ids and this runs on main's
 * event loop (an item schema costs ~0.5 µs an id; this, a few ns).
 */
export function eventIds(max: number) {
  return v.pipe(
    // Typed number[] at once, so a failed check below keeps the issue "typed" (a union then reports
    // it rather than its own message); no output exists until the items are checked.
    v.custom<number[]>((input) => Array.isArray(input), 'must be a list of event ids'),
    v.maxLength(max),
    v.check((list) => list.every(isEventId), 'must hold only event ids (whole numbers from 0 to 4,294,967,295)'),
  )
}
