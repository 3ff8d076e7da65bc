// IP addresses read one way for the whole project: the viewer's notes on sourceIPAddress
// (common/decode/ip.ts), Sigma's `|cidr` (main/detect/cidr.ts) and the query's `ip:` ranges
// (main/query/ip-range.ts), which also share the networks below. IPv4 is four decimal parts of
// 1-3 digits, leading zeros read as decimal (`251.234.045.249` in anonymised logs); IPv6 may use
// `::` and an embedded IPv4 tail. Anything else (a hostname, "AWS Internal") is not an address.

/** The longest IPv6 text (eight groups with an IPv4 tail): a longer value is not an address. */
export const MAX_ADDRESS_LENGTH = 45

/** The four bytes of an IPv4 address, or null. */
export function ipv4Bytes(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes: number[] = []
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null
    const n = Number(part)
    if (n > 255) return null
    bytes.push(n)
  }
  return bytes
}

/** The sixteen bytes of an IPv6 address (an embedded IPv4 tail allowed), or null. */
export function ipv6Bytes(text: string): number[] | null {
  if (text.length > MAX_ADDRESS_LENGTH || !/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return null
  let tail: number[] = []
  let head = text
  const lastColon = text.lastIndexOf(':')
  if (text.slice(lastColon + 1).includes('.')) {
    const four = ipv4Bytes(text.slice(lastColon + 1))
    if (!four) return null
    tail = four
    // "::ffff:1.2.3.4" -> "::ffff", "::1.2.3.4" -> "::"
    head = text.slice(0, lastColon + 1)
    if (!head.endsWith('::')) head = head.slice(0, -1)
  }
  const halves = head.split('::')
  if (halves.length > 2) return null
  const groups = (s: string): number[] | null => {
    if (s === '') return []
    const out: number[] = []
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null
      const n = parseInt(g, 16)
      out.push(n >> 8, n & 255)
    }
    return out
  }
  const a = groups(halves[0])
  const b = halves.length === 2 ? groups(halves[1]) : []
  if (!a || !b) return null
  const fill = 16 - tail.length - a.length - b.length
  // Without `::` every group is written; with it, it stands for at least one group of zeros.
  if (fill < 0 || (halves.length === 1 && fill !== 0) || (halves.length === 2 && fill < 2)) return null
  return [...a, ...new Array<number>(fill).fill(0), ...b, ...tail]
}

/** An address as bytes (4 or 16), or null when it is not one. */
export function ipBytes(text: string): number[] | null {
  return text.includes(':') ? ipv6Bytes(text) : ipv4Bytes(text)
}

/** A network: an address's bytes and how many leading bits of it count. */
export interface Network {
  bytes: number[]
  prefix: number
}

/** `3.238.0.0/16`, `2600:1f18::/32`, or an address alone (all its bits); null when not one. */
export function parseCidr(text: string): Network | null {
  const [address, bits, extra] = text.split('/')
  if (extra !== undefined) return null
  const bytes = ipBytes(address.trim())
  if (!bytes) return null
  const prefix = bits === undefined ? bytes.length * 8 : /^\d{1,3}$/.test(bits.trim()) ? Number(bits) : NaN
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bytes.length * 8) return null
  return { bytes, prefix }
}

/** Whether an address lies in the network (an IPv4 address is never in an IPv6 network). */
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
