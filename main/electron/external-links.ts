// Which links may leave the app for the system browser. shell.openExternal hands a URL to the OS,
// which will also run file:, smb: or custom-scheme handlers, so only https links to the AWS
// documentation the UI links to pass (as Actual Budget's external-links.ts does for http(s)).
// Pure, so it is tested directly (tests/unit/external-links.test.ts).

/** Hosts the viewer links to: the CloudTrail and service documentation. */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'aws.amazon.com']

const MAX_URL_LENGTH = 2048

/** True for an https URL on an allowed host, with no credentials and no explicit port. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false // not a URL at all
  }
  return (
    parsed.protocol === 'https:' &&
    // 'https://docs.aws.amazon.com@evil.example/' has username 'docs.aws.amazon.com'.
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    // Exact names: 'docs.aws.amazon.com.evil.example' and 'evil-aws.amazon.com' do not pass.
    ALLOWED_EXTERNAL_HOSTS.includes(parsed.hostname)
  )
}
