// Who makes the calls in a generated trail, with the cardinality of a real one: callers work in
// sessions (a role session has its own temporary ASIA key and principal ID `AROA…:session`, an
// IAM user keeps its long-term AKIA key), a session makes a few to a few hundred calls from one
// address with one user agent, and thousands of source addresses are in use. The options set
// that cardinality; the realistic benchmark corpus uses the defaults. Seeded: the same random
// sequence gives the same callers (the order of draws is part of the corpus's bytes).

import { hex, pick, upper, type Random } from './seeded-random'

export interface CallerOptions {
  /** Sessions open at once per account; each call goes to one of them (default 300). */
  activeSessions?: number
  /** Mean calls per session, geometric (default 40). 1 gives every call a caller of its own. */
  meanCalls?: number
  /** Source addresses in use (default 5,000). */
  addresses?: number
  /** Now and then a session named in Japanese, as real trails have (default off). */
  nonAscii?: boolean
}

export interface Session {
  identity: Record<string, unknown>
  /** `identity` and `agent` as JSON text, made once per session for the corpus's fast filler. */
  identityJson: string
  ip: string
  agent: string
  agentJson: string
  left: number
}

export const ROLES = ['Admin', 'ReadOnly', 'DeployRole', 'OrganizationAccountAccessRole', 'AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b', 'AWSReservedSSO_ViewOnly_9f8e7d6c5b4a3f2e', 'github-actions-deploy', 'terraform-apply', 'eks-node-group', 'lambda-exec-orders', 'lambda-exec-billing', 'ecs-task-api', 'datadog-integration', 'security-audit', 'backup-operator']
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'deploy-bot', 'terraform', 'ci-runner', 'legacy-app', 'svc-reporting']
const AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/s3.cp',
  'aws-cli/2.13.4 Python/3.11.4 Darwin/23.1.0 exe/x86_64 prompt/off command/ec2.describe-instances',
  '[aws-sdk-java/1.12.470 Linux/5.10.210 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS java/11.0.22 vendor/Amazon.com_Inc.]',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
  'aws-sdk-go-v2/1.24.1 os/linux lang/go#1.21.6 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.142.0',
  'Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
  'console.amazonaws.com',
  'aws-internal/3 aws-sdk-java/1.12.581 Linux/5.10.201-168.748.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.392-b09 java/1.8.0_392',
]

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export class Callers {
  private active = new Map<string, Session[]>()
  private addresses: string[] = []
  private roleIds = new Map<string, string>()
  private userKeys = new Map<string, { principal: string; key: string }>()
  private readonly activeSessions: number
  private readonly meanCalls: number

  constructor(
    private readonly random: Random,
    private readonly options: CallerOptions = {},
  ) {
    this.activeSessions = options.activeSessions ?? 300
    this.meanCalls = options.meanCalls ?? 40
    const count = options.addresses ?? 5000
    for (let i = 0; i < count; i++) this.addresses.push(this.address())
  }

  /** The session making the next call of `account` at `time`. */
  session(account: string, time: Date): Session {
    let sessions = this.active.get(account)
    if (!sessions) this.active.set(account, (sessions = []))
    const slot = Math.floor(this.random() * this.activeSessions)
    let session = sessions[slot]
    if (!session || session.left <= 0) sessions[slot] = session = this.newSession(account, time)
    session.left--
    return session
  }

  private address(): string {
    const r = this.random
    if (r() < 0.3) return `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`
    if (r() < 0.05) return `2600:1f18:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}`
    return `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`
  }

  private sessionName(time: Date): string {
    const r = this.random
    // Drawn only when asked for, so the default sequence (the realistic corpus) is unchanged.
    if (this.options.nonAscii && r() < 0.02) return '山田'
    return pick(r, [`botocore-session-${Math.floor(time.getTime() / 1000) - Math.floor(r() * 3600)}`, `${pick(r, USERS)}@example.com`, `i-0${hex(r, 16)}`, `aws-go-sdk-${time.getTime() - Math.floor(r() * 3600_000)}`, `GitHubActions-${Math.floor(r() * 1e9)}`])
  }

  private newSession(account: string, time: Date): Session {
    const r = this.random
    const kind = r()
    let identity: Record<string, unknown>
    if (kind < 0.75) {
      const role = pick(r, ROLES)
      const roleKey = `${account}/${role}`
      let roleId = this.roleIds.get(roleKey)
      if (!roleId) this.roleIds.set(roleKey, (roleId = `AROA${upper(r, 17)}`))
      const name = this.sessionName(time)
      identity = {
        type: 'AssumedRole',
        principalId: `${roleId}:${name}`,
        arn: `arn:aws:sts::${account}:assumed-role/${role}/${name}`,
        accountId: account,
        accessKeyId: `ASIA${upper(r, 16)}`,
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
          webIdFederationData: {},
          attributes: { creationDate: isoSeconds(time.getTime() - Math.floor(r() * 3600_000)), mfaAuthenticated: r() < 0.8 ? 'false' : 'true' },
        },
      }
    } else if (kind < 0.97) {
      const user = pick(r, USERS)
      const userKey = `${account}/${user}`
      let known = this.userKeys.get(userKey)
      if (!known) this.userKeys.set(userKey, (known = { principal: `AIDA${upper(r, 17)}`, key: `AKIA${upper(r, 16)}` }))
      // Console sessions of IAM users get a temporary key; programmatic calls use the long-term one.
      identity = { type: 'IAMUser', principalId: known.principal, arn: `arn:aws:iam::${account}:user/${user}`, accountId: account, accessKeyId: r() < 0.3 ? `ASIA${upper(r, 16)}` : known.key, userName: user }
    } else {
      identity = { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account, accessKeyId: `ASIA${upper(r, 16)}` }
    }
    // A geometric number of calls, mean meanCalls (the draw is made either way, for the sequence).
    const draw = r()
    const left = this.meanCalls <= 1 ? 1 : 1 + Math.floor(Math.log(1 - draw) / Math.log(1 - 1 / this.meanCalls))
    const ip = pick(r, this.addresses)
    const agent = pick(r, AGENTS)
    return { identity, identityJson: JSON.stringify(identity), ip, agent, agentJson: JSON.stringify(agent), left }
  }
}
