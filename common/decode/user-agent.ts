// userAgent: which client made the call. The console, the AWS CLI, an SDK (which one), an AWS
// service, infrastructure-as-code tools, browsers and a few tools worth noticing. Rules are
// tried in order; the first that matches wins.

export type UserAgentKind =
  | 'console'
  | 'cli'
  | 'sdk'
  | 'awsService'
  | 'awsInternal'
  | 'iac' // Terraform, Pulumi, CDK...
  | 'browser'
  | 'attackTool' // Stratus Red Team, Pacu... (simulation or offensive tooling)
  | 'pentestOs' // a user agent naming Kali, Parrot...
  | 'httpClient' // curl, python-requests...
  | 'unknown'

export interface UserAgent {
  kind: UserAgentKind
  /** A short product name: "AWS CLI v2", "AWS SDK for Python (Boto3)", "Terraform", "ec2.amazonaws.com". */
  product: string
  /** The product's version when the text names it. */
  version: string | null
}

interface Rule {
  test: RegExp
  kind: UserAgentKind
  product: string | ((m: RegExpExecArray) => string)
  /** Capture group with the version. */
  version?: number
}

// A `[...]` wrapper (console proxies write "[S3Console/0.4, aws-internal/3 ...]") is removed first.
const RULES: readonly Rule[] = [
  { test: /^stratus-red-team/i, kind: 'attackTool', product: 'Stratus Red Team' },
  { test: /\bpacu\b/i, kind: 'attackTool', product: 'Pacu' },
  { test: /(^|[^a-z])(kali|parrot|pentoo)/i, kind: 'pentestOs', product: 'Kali / Parrot / Pentoo Linux' },
  { test: /^(signin|console(\.[a-z0-9-]+)?)\.amazonaws\.com$/i, kind: 'console', product: 'AWS Management Console' },
  { test: /^(AWS Console [\w ]+|[A-Za-z0-9]*Console(Frontend)?\b|[A-Z0-9]+ Console\b)/, kind: 'console', product: 'AWS Management Console' },
  { test: /^AWS Internal/i, kind: 'awsInternal', product: 'AWS Internal' },
  { test: /^aws-internal\/\d+/, kind: 'awsInternal', product: 'AWS Internal' },
  { test: /^([a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com)$/i, kind: 'awsService', product: (m) => m[1] },
  { test: /\bTerraform\/(\S+)/, kind: 'iac', product: 'Terraform', version: 1 },
  { test: /\bPulumi\b/i, kind: 'iac', product: 'Pulumi' },
  { test: /\baws-cdk\/(\S+)/i, kind: 'iac', product: 'AWS CDK', version: 1 },
  { test: /\baws-cli\/(2\.\S+)/, kind: 'cli', product: 'AWS CLI v2', version: 1 },
  { test: /\baws-cli\/(\S+)/, kind: 'cli', product: 'AWS CLI v1', version: 1 },
  { test: /\b(?:AWSPowerShell|aws-powershell|AWS_Tools_PowerShell)[^/\s]*\/(\S+)/i, kind: 'cli', product: 'AWS Tools for PowerShell', version: 1 },
  { test: /\bamazon-ssm-agent\/(\S+)/, kind: 'awsService', product: 'SSM Agent', version: 1 },
  { test: /\bBoto3\/(\S+)/, kind: 'sdk', product: 'AWS SDK for Python (Boto3)', version: 1 },
  { test: /\bBotocore\/(\S+)/i, kind: 'sdk', product: 'AWS SDK for Python (botocore)', version: 1 },
  { test: /\baws-sdk-go-v2\/(\S+)/, kind: 'sdk', product: 'AWS SDK for Go v2', version: 1 },
  { test: /\baws-sdk-go\/(\S+)/, kind: 'sdk', product: 'AWS SDK for Go', version: 1 },
  { test: /\baws-sdk-java\/(\S+)/, kind: 'sdk', product: 'AWS SDK for Java', version: 1 },
  { test: /\baws-sdk-js\/(3\.\S+)/, kind: 'sdk', product: 'AWS SDK for JavaScript v3', version: 1 },
  { test: /\baws-sdk-(?:js|nodejs)\/(\S+)/, kind: 'sdk', product: 'AWS SDK for JavaScript', version: 1 },
  { test: /\baws-sdk-dotnet[^/\s]*\/(\S+)/, kind: 'sdk', product: 'AWS SDK for .NET', version: 1 },
  { test: /\baws-sdk-php\/(\S+)/, kind: 'sdk', product: 'AWS SDK for PHP', version: 1 },
  { test: /\baws-sdk-ruby\d?\/(\S+)/, kind: 'sdk', product: 'AWS SDK for Ruby', version: 1 },
  { test: /\baws-sdk-cpp\/(\S+)/, kind: 'sdk', product: 'AWS SDK for C++', version: 1 },
  { test: /\baws-sdk-rust\/(\S+)/, kind: 'sdk', product: 'AWS SDK for Rust', version: 1 },
  { test: /\baws-sdk-(java|go|js|ruby|php|dotnet|cpp|rust|kotlin|swift)\b/, kind: 'sdk', product: (m) => `AWS SDK (${m[1]})` },
  { test: /\baws-internal\/\d+/, kind: 'awsInternal', product: 'AWS Internal' },
  { test: /^(curl|Wget|python-requests|Go-http-client|okhttp|PostmanRuntime|Apache-HttpClient)\/(\S+)/i, kind: 'httpClient', product: (m) => m[1], version: 2 },
  { test: /^Mozilla\/5\.0/, kind: 'browser', product: 'Web browser' },
]

/** Which client a userAgent value names. */
export function classifyUserAgent(value: string): UserAgent {
  let text = value.trim()
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1).trim()
  for (const rule of RULES) {
    const m = rule.test.exec(text)
    if (!m) continue
    const product = typeof rule.product === 'function' ? rule.product(m) : rule.product
    const version = rule.version !== undefined ? (m[rule.version] ?? null) : null
    return { kind: rule.kind, product, version: version?.replace(/[,;)\]]+$/, '') ?? null }
  }
  return { kind: 'unknown', product: text.split(/[\s/]/)[0] || text, version: null }
}
