// The project's one reader of IP addresses (common/ip-address.ts), which the viewer's notes and
// Sigma's |cidr both use: the same text is an address to both or to neither.
import { describe, expect, it } from 'vitest'
import { ipBytes, ipv6Bytes, MAX_ADDRESS_LENGTH } from '../../common/ip-address'
import { classifySourceIp } from '../../common/decode/ip'
import { inNetwork, parseCidr } from '../../main/detect/cidr'

describe('ipBytes', () => {
  it('reads IPv4, leading zeros as decimal', () => {
    expect(ipBytes('203.0.113.9')).toEqual([203, 0, 113, 9])
    expect(ipBytes('251.234.045.249')).toEqual([251, 234, 45, 249])
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.0x4', '1.2.3.1234', ' 1.2.3.4']) expect(ipBytes(bad), bad).toBeNull()
  })

  it('reads IPv6 with :: and an IPv4 tail, and refuses what is not one', () => {
    expect(ipBytes('::1')).toEqual([...new Array(15).fill(0), 1])
    expect(ipBytes('::ffff:1.2.3.4')).toEqual([...new Array(10).fill(0), 255, 255, 1, 2, 3, 4])
    expect(ipBytes('2001:db8:0:0:0:0:0:1')).toEqual(ipBytes('2001:db8::1'))
    // `::` stands for at least one group; three `::`-halves or nine groups are not addresses.
    for (const bad of ['1:2:3:4:5:6:7::8', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'AWS Internal', 'ec2.amazonaws.com']) expect(ipBytes(bad), bad).toBeNull()
  })

  it('refuses a value longer than any address without reading it', () => {
    const long = `${'0:'.repeat(100_000)}1`
    expect(long.length).toBeGreaterThan(MAX_ADDRESS_LENGTH)
    expect(ipv6Bytes(long)).toBeNull()
  })

  it('makes the viewer and Sigma agree on what is an address', () => {
    for (const text of ['10.0.0.1', '010.000.000.001', '::ffff:10.0.0.1', 'fe80::1', '1:2:3:4:5:6:7::8', 'AWS Internal']) {
      const isAddress = ['ipv4', 'ipv6'].includes(classifySourceIp(text).kind)
      expect(inNetwork(parseCidr(text.includes(':') ? '::/0' : '0.0.0.0/0')!, text), text).toBe(isAddress)
    }
  })
})
