// The decoders' words, in English. Every key here must exist in text-ja.ts with the same
// placeholders (tests/unit/decode-text.test.ts). `{name}` is filled by formatMessage().

export const decodeEn = {
  since: 'Since eventVersion {version}.',
  moreAbout: 'More about CloudTrail fields',

  // Instants
  ago: '{age}',
  sessionIssued: 'credentials issued {span} before this event',
  sessionIssuedAfter: 'credentials issued {span} after this event (clock skew?)',
  inUtc: 'In UTC: {time}',

  // ARNs and accounts
  arnParts: 'ARN: partition {partition} · service {service} · Region {region} · account {account} · resource {resource}',
  arnNoRegion: 'none (global)',
  arnNoAccount: 'none',
  accountId: 'AWS account ID',
  accountNamed: 'AWS account ID · {alias}',
  accountNamedLong: 'You named this account “{alias}”.',
  accountNameHint: 'Right-click (or Shift+F10) → “Name this AWS account…” to give it a name you will recognise.',

  // Unique IDs and access keys
  idPrefix: '{prefix}… = {kind}',
  idMasked: 'Masked in this log: only the prefix is real.',
  idSession: 'Session name: {session}',
  idAccount: 'An AWS account ID (the root user or an account principal).',
  idService: 'An AWS service principal.',

  // Identity
  identityChain: 'Identity chain: {chain}',
  noIdentity: 'No userIdentity: an AWS service event without a caller.',

  // MFA, instance credentials, console
  mfaFalse: 'no MFA',
  mfaFalseLong: 'These credentials were not MFA-authenticated. Normal for roles used by software; for a person with console access or for sensitive actions, require MFA.',
  mfaTrue: 'MFA used',
  imdsV1: 'IMDSv1: no session token',
  imdsV1Long: 'Instance credentials delivered by the EC2 Instance Metadata Service version 1, which a server-side request forgery (SSRF) can reach. Require IMDSv2 on the instance (HttpTokens=required).',
  imdsV2: 'IMDSv2',
  imdsV2Long: 'Instance credentials delivered by the EC2 Instance Metadata Service version 2 (session-oriented, token required).',
  fromConsole: 'made with a console session’s credentials',

  // Source IP
  ipAwsService: 'AWS service {service}, acting for the caller',
  ipAwsServiceLong: 'An AWS service made this request on the caller’s behalf, so there is no client address: look at userIdentity.invokedBy and at the service’s own event.',
  ipAwsInternal: 'AWS internal',
  ipAwsInternalLong: 'AWS itself made the request (for example, the console’s back end or a service acting for you).',
  ipMasked: 'masked',
  ipMaskedLong: 'The address was masked before this log reached you.',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  ipHostname: 'host name',
  ipHostnameLong: 'A host name, not an address and not an AWS service.',
  ipLeadingZeros: 'Written with leading zeros: not a usable address (anonymised data?).',
  ipRange_private: 'private address',
  ipRange_privateLong: 'A private address (RFC 1918, or IPv6 unique local): the request came from inside a network, typically a VPC through a VPC endpoint.',
  ipRange_sharedCgnat: 'shared address space',
  ipRange_sharedCgnatLong: '100.64.0.0/10, shared address space (carrier-grade NAT).',
  ipRange_loopback: 'loopback',
  ipRange_loopbackLong: 'A loopback address: the request claims to come from the same machine.',
  ipRange_linkLocal: 'link-local',
  ipRange_linkLocalLong: 'A link-local address (169.254.0.0/16, fe80::/10).',
  ipRange_documentation: 'documentation range',
  ipRange_documentationLong: 'An address reserved for documentation (TEST-NET, 2001:db8::/32): this is example data.',
  ipRange_unspecified: 'unspecified',
  ipRange_unspecifiedLong: 'The unspecified address (0.0.0.0 or ::): the service did not record where the call came from.',
  ipRange_public: 'public address',
  ipRange_publicLong: 'A public Internet address. Check whether it belongs to your organisation, a VPN, or an AWS Region.',

  // User agent
  ua_console: 'AWS Management Console',
  ua_cli: 'AWS CLI',
  ua_sdk: 'AWS SDK',
  ua_awsService: 'AWS service',
  ua_awsInternal: 'AWS internal',
  ua_iac: 'infrastructure as code',
  ua_browser: 'web browser',
  ua_attackTool: 'attack tool',
  ua_pentestOs: 'penetration-testing OS',
  ua_httpClient: 'plain HTTP client',
  ua_unknown: 'other client',
  uaProduct: '{kind}: {product}',
  uaProductVersion: '{kind}: {product} {version}',
  uaAttackLong: 'An attack-simulation or offensive security tool. Expected during a red-team exercise; otherwise treat the identity as compromised and investigate now.',
  uaPentestLong: 'The client names a penetration-testing Linux distribution. Unusual for normal work: investigate who used this identity.',
  uaHttpLong: 'Signed by hand with a generic HTTP library rather than an AWS SDK or the CLI: scripts, tools, or someone exploring.',
  uaBrowserLong: 'A browser called the API directly. The console itself usually records console.amazonaws.com or a service console name.',
  uaConsoleLong: 'Made in the AWS Management Console, by a person (or a console page on their behalf).',
  uaServiceLong: 'An AWS service made the call for the caller (see userIdentity.invokedBy).',

  // Links
  linkApi: 'API reference: {action}',
  linkAuthz: 'IAM actions of this service (Service Authorization Reference)',
  linkSearch: 'Search the AWS documentation for {action}',
  linkSignin: 'Console sign-in events',

  // Regions, addendum
  regionUnknown: 'Region code not in Ashiato’s list',
  addendum_DELIVERY_DELAY: 'delivery was delayed (network, connectivity or a CloudTrail issue)',
  addendum_UPDATED_DATA: 'a field was missing or wrong and has been updated',
  addendum_SERVICE_OUTAGE: 'the service could not log to CloudTrail during an outage',

  // Errors: heading lines
  errorMeaning: 'What it means: {text}',
  errorCause: 'Usual cause: {text}',
  errorCheck: 'First thing to check: {text}',
} as const

export type DecodeTextKey = keyof typeof decodeEn
export type DecodeText = Record<DecodeTextKey, string>
