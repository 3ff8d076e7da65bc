// `|cidr`: whether an address (sourceIPAddress) lies in a network. Addresses are read by the
// project's one reader (common/ip-address.ts); anything else (a hostname such as `AWS Internal`)
// is no match.

import { ipBytes } from '../../common/ip-address'

export interface Network {
  bytes: number[]
  prefix: number
}

export function parseCidr(text: string): Network | null {
  const [address, bits] = text.split('/')
  const bytes = ipBytes(address.trim())
  if (!bytes) return null
  const prefix = bits === undefined ? bytes.length * 8 : Number(bits)
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bytes.length * 8) return null
  return { bytes, prefix }
}

export function inNetwork(network: Network, address: string): boolean {
  const bytes = ipBytes(address)
  if (!bytes || bytes.length !== network.bytes.length) return false
  let bits = network.prefix
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (255 << (8 - bits)) & 255
    if ((bytes[i] & mask) !== (network.bytes[i] & mask)) return false
  }
  return true
}
