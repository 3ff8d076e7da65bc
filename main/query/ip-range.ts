// `ip:3.238.0.0/16`, `sourceIPAddress:2600:1f18::/32`: a network written after an address field
// matches the addresses inside it, IPv4 or IPv6, read by the project's one IP module
// (common/ip-address.ts, which Sigma's |cidr uses too). Anything else after `ip:` (an address
// alone, `AWS Internal`, a wildcard) stays a whole-value match, as before.
import { inNetwork, parseCidr } from '../../common/ip-address'
import { patternLiteral, type MatchNode } from '../../common/query/ast'
import type { ValueTest } from './value-match'

/** Fields whose values are addresses (lower-cased paths, as FieldRef holds them). */
const ADDRESS_PATHS = new Set(['sourceipaddress'])

/** The test for a network after an address field, or null when the term is not one. */
export function ipRangeTest(node: MatchNode): ValueTest | null {
  if (node.field.special || node.field.path.length !== 1 || !ADDRESS_PATHS.has(node.field.path[0])) return null
  const literal = patternLiteral(node.pattern)
  if (literal === null || !literal.includes('/')) return null
  const network = parseCidr(literal)
  return network ? (value) => inNetwork(network, value) : null
}
