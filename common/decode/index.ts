// Value decoders for the viewer: instants in a time zone, ARNs, account IDs and their names,
// unique-ID prefixes, identity types and chains, source addresses, user agents, error codes and
// documentation links. Pure; see describe.ts for how they come together.
export * from './arn'
export * from './describe'
export * from './doc-links'
export * from './error-codes'
export * from './identity'
export * from './ids'
export * from './ip'
export * from './regions'
export * from './time'
export * from './user-agent'
export type { Explain, ErrorExplanation, ShortLong } from './explain-types'
export type { DecodeText, DecodeTextKey } from './text-en'
