// `|cidr`: whether an address (sourceIPAddress) lies in a network. Networks are read by the
// project's one IP module (common/ip-address.ts), which the query's `ip:` ranges use too;
// anything else (a hostname such as `AWS Internal`) is no match.
export { inNetwork, parseCidr, type Network } from '../../common/ip-address'
