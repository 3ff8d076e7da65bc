// `ip:` with a network (main/query/ip-range.ts over common/ip-address.ts): IPv4 and IPv6 ranges
// match the addresses inside them, whatever the column or JSON form; anything else after `ip:`
// matches the whole value as before; Sigma's |cidr reads networks the same way.
import { describe, expect, it } from 'vitest'
import { inNetwork, parseCidr } from '../../common/ip-address'
import { parseCidr as sigmaCidr } from '../../main/detect/cidr'
import { evaluate } from '../../main/query/evaluate'
import { forgetCachedResults } from '../../main/query/leaf-cache'
import { storeOfEvents } from './helpers/make-store'

const ADDRESSES = ['3.238.12.1', '3.238.255.7', '3.239.0.1', '2600:1f18:4a3:6901::5', '2600:1f19::1', 'AWS Internal', 'ec2.amazonaws.com', '::ffff:3.238.1.1']
const store = storeOfEvents(
  ADDRESSES.map((ip, i) => ({ eventTime: `2024-03-05T10:00:0${i}Z`, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', sourceIPAddress: ip, eventID: `id-${i}` })),
)

function matched(query: string): string[] {
  forgetCachedResults(store)
  const result = evaluate(store, query)
  expect(result.error, query).toBeUndefined()
  return [...result.ids].map((id) => ADDRESSES[id]).sort()
}

describe('ip: with a network', () => {
  it('matches IPv4 and IPv6 ranges', () => {
    expect(matched('ip:3.238.0.0/16')).toEqual(['3.238.12.1', '3.238.255.7'])
    expect(matched('sourceIPAddress:3.0.0.0/8')).toEqual(['3.238.12.1', '3.238.255.7', '3.239.0.1'])
    expect(matched('ip:2600:1f18::/32')).toEqual(['2600:1f18:4a3:6901::5'])
    expect(matched('ip:"2600:1f18::/29"')).toEqual(['2600:1f18:4a3:6901::5', '2600:1f19::1'])
    expect(matched('ip:0.0.0.0/0')).toEqual(['3.238.12.1', '3.238.255.7', '3.239.0.1'])
    expect(matched('not ip:3.238.0.0/16 ip:3.0.0.0/8')).toEqual(['3.239.0.1'])
  })

  it('keeps whole-value matching for everything else', () => {
    expect(matched('ip:3.238.12.1')).toEqual(['3.238.12.1'])
    expect(matched('ip:3.238.*')).toEqual(['3.238.12.1', '3.238.255.7'])
    expect(matched('ip:"AWS Internal"')).toEqual(['AWS Internal'])
    // Not a network: compared as text, so nothing has it.
    expect(matched('ip:3.238.0.0/33')).toEqual([])
    expect(matched('ip:3.238.0.0/')).toEqual([])
  })
})

describe('networks (common/ip-address.ts)', () => {
  it('reads a prefix only when it is one', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ bytes: [10, 0, 0, 0], prefix: 8 })
    expect(parseCidr('10.0.0.1')).toEqual({ bytes: [10, 0, 0, 1], prefix: 32 })
    // '10.0.0.0/' once read as /0 (Number('') is 0): every address matched.
    for (const bad of ['10.0.0.0/', '10.0.0.0/8/9', '10.0.0.0/x', '10.0.0.0/1e1', '::/129', '/8']) expect(parseCidr(bad), bad).toBeNull()
    expect(sigmaCidr).toBe(parseCidr) // Sigma's |cidr is the same reader
  })

  it('never puts an IPv4 address in an IPv6 network or the reverse', () => {
    expect(inNetwork(parseCidr('::/0')!, '3.238.12.1')).toBe(false)
    expect(inNetwork(parseCidr('0.0.0.0/0')!, '::1')).toBe(false)
    expect(inNetwork(parseCidr('2600:1f18::/32')!, '2600:1f18:ffff::')).toBe(true)
  })
})
