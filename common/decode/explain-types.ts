// The shape of the explanation catalogues (explain-en.ts, explain-ja.ts): the types make both
// languages cover every identity type, ID prefix, chain step and error family.
import type { ErrorKey } from './error-codes'
import type { ChainStepKind, IdentityType } from './identity'
import type { UniqueIdKind } from './ids'

export interface ShortLong {
  short: string
  long: string
}

export interface ErrorExplanation {
  /** What the code means, in a sentence. */
  meaning: string
  /** Why it usually happens. */
  cause: string
  /** The first thing to look at. */
  check: string
}

export interface Explain {
  identityTypes: Record<IdentityType, ShortLong>
  idKinds: Record<UniqueIdKind, ShortLong>
  /** One step of the identity chain; {v} is the step's value. */
  chain: Record<ChainStepKind, string>
  errors: Record<ErrorKey, ErrorExplanation>
}
