// `|cidr`: whether an address (sourceIPAddress) lies in a network. Addresses are parsed by hand,
// tolerating leading zeros (`251.234.045.249` in anonymised logs, read as decimal) and IPv6
// with `::` and an embedded IPv4 tail; anything else (a hostname such as `AWS Internal`) is no match.

function v4(text: string): number[] | null {
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

function v6(text: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return null
  let tail: number[] = []
  let head = text
  const lastColon = text.lastIndexOf(':')
  if (text.includes('.')) {
    const four = v4(text.slice(lastColon + 1))
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
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null
  return [...a, ...new Array<number>(fill).fill(0), ...b, ...tail]
}

/** An address as bytes (4 or 16), or null when it is not one. */
export function parseAddress(text: string): number[] | null {
  return text.includes(':') ? v6(text) : v4(text)
}

export interface Network {
  bytes: number[]
  prefix: number
}

export function parseCidr(text: string): Network | null {
  const [address, bits] = text.split('/')
  const bytes = parseAddress(address.trim())
  if (!bytes) return null
  const prefix = bits === undefined ? bytes.length * 8 : Number(bits)
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bytes.length * 8) return null
  return { bytes, prefix }
}

export function inNetwork(network: Network, address: string): boolean {
  const bytes = parseAddress(address)
  if (!bytes || bytes.length !== network.bytes.length) return false
  let bits = network.prefix
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (255 << (8 - bits)) & 255
    if ((bytes[i] & mask) !== (network.bytes[i] & mask)) return false
  }
  return true
}
