// Whether an S3 endpoint URL would carry signed requests across the network in clear: plain
// http:// to a host other than this machine. Shared by main (which refuses it without the opt-in,
// main/s3/endpoint-policy.ts) and the S3 dialog (which asks for the opt-in). Pure: no Node here.

/**
 * localhost, 127.0.0.0/8, ::1 and IPv4-mapped 127.x. Takes a WHATWG URL's
 * hostname, which is already normalised ('0x7f.1' -> '127.0.0.1', '[0:0::1]' -> '[::1]').
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  // Not *.localhost: Node resolves those through DNS, which may answer any address.
  if (host === 'localhost') return true
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true
  return host === '[::1]' || /^\[::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})\]$/.test(host)
}

/** True for http:// to a non-loopback host; false for https, loopback, or text that is not a URL. */
export function isPlainHttpToNetwork(endpointUrl: string): boolean {
  let url: URL
  try {
    url = new URL(endpointUrl.trim())
  } catch {
    return false
  }
  return url.protocol === 'http:' && !isLoopbackHostname(url.hostname)
}
