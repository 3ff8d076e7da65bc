// sourceIPAddress: an address (IPv4 or IPv6, with its special ranges named), an AWS service that
// made the call for the caller (ec2.amazonaws.com), "AWS Internal", or a masked value.

import { ipv4Bytes, ipv6Bytes } from '../ip-address'

export type IpRange =
  | 'private' // RFC 1918 / IPv6 unique local
  | 'sharedCgnat' // 100.64.0.0/10
  | 'loopback'
  | 'linkLocal'
  | 'documentation' // TEST-NET, 2001:db8::/32: only ever in examples
  | 'unspecified' // 0.0.0.0, ::
  | 'public'

export type SourceIp =
  | { kind: 'ipv4'; address: string; range: IpRange; leadingZeros: boolean }
  | { kind: 'ipv6'; address: string; range: IpRange }
  | { kind: 'awsService'; service: string }
  | { kind: 'awsInternal' }
  | { kind: 'masked' }
  | { kind: 'hostname'; name: string }
  | { kind: 'other' }

function ipv4Range([a, b, c]: number[]): IpRange {
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 100 && b >= 64 && b <= 127) return 'sharedCgnat'
  if (a === 127) return 'loopback'
  if (a === 169 && b === 254) return 'linkLocal'
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation'
  if (a === 0) return 'unspecified'
  return 'public'
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail allowed), or null. */
function ipv6Groups(text: string): number[] | null {
  const bytes = ipv6Bytes(text)
  return bytes && Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1])
}

function ipv6Range(g: number[]): IpRange {
  if (g.every((x) => x === 0)) return 'unspecified'
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback'
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'
  if ((g[0] & 0xffc0) === 0xfe80) return 'linkLocal'
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation'
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return ipv4Range([g[6] >> 8, g[6] & 0xff, g[7] >> 8])
  return 'public'
}

/** What a sourceIPAddress value is. */
export function classifySourceIp(value: string): SourceIp {
  const text = value.trim()
  if (text === '') return { kind: 'other' }
  if (/^AWS Internal(\/\d+)?$/i.test(text)) return { kind: 'awsInternal' }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/i.test(text)) return { kind: 'awsService', service: text }
  const v4 = ipv4Bytes(text)
  if (v4) return { kind: 'ipv4', address: text, range: ipv4Range(v4), leadingZeros: /(^|\.)0\d/.test(text) }
  const v6 = ipv6Groups(text)
  if (v6) return { kind: 'ipv6', address: text, range: ipv6Range(v6) }
  if (/^[x*]{1,3}(\.[x*]{1,3}){3}$/i.test(text) || /^[x*.:]+$/i.test(text) || /REDACTED|HIDDEN/i.test(text)) return { kind: 'masked' }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z][a-z0-9-]+$/i.test(text)) return { kind: 'hostname', name: text }
  return { kind: 'other' }
}
