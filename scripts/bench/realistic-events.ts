// Fills the real shapes (real-shapes.ts) with the cardinality of a real trail: callers work in
// sessions (a role session has its own temporary ASIA key and principal ID `AROA…:session`, an
// IAM user keeps its long-term AKIA key), a session makes a few to a few hundred calls from
// one address, thousands of source addresses are in use, and identifier-like request
// parameters (instance IDs, keys, ARNs) take many values. Seeded: every run makes the same bytes.

import { hex, pick, upper, uuid, type Random } from './corpus-events'
import { FIXED_HOLES, HOLE, type RealShapes, type Shape } from './real-shapes'

interface Session {
  identity: string
  ip: string
  agent: string
  left: number
}

const ROLES = ['Admin', 'ReadOnly', 'DeployRole', 'OrganizationAccountAccessRole', 'AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b', 'AWSReservedSSO_ViewOnly_9f8e7d6c5b4a3f2e', 'github-actions-deploy', 'terraform-apply', 'eks-node-group', 'lambda-exec-orders', 'lambda-exec-billing', 'ecs-task-api', 'datadog-integration', 'security-audit', 'backup-operator']
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'deploy-bot', 'terraform', 'ci-runner', 'legacy-app', 'svc-reporting']
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

/** Sessions open at once per account: each event goes to one of them. */
const ACTIVE_SESSIONS = 300
/** Mean calls per session (geometric): a million events open ~25,000 sessions. */
const MEAN_CALLS = 40

export class RealisticTrail {
  private active = new Map<string, Session[]>()
  private addresses: string[] = []
  private roleIds = new Map<string, string>()
  private userKeys = new Map<string, { principal: string; key: string }>()

  constructor(
    private readonly random: Random,
    private readonly shapes: RealShapes,
    totalEvents: number,
  ) {
    // Thousands of addresses, more on bigger trails (a busy org sees tens of thousands).
    const count = Math.max(5000, Math.round(totalEvents / 200))
    for (let i = 0; i < count; i++) this.addresses.push(this.address())
  }

  private address(): string {
    const r = this.random
    if (r() < 0.3) return `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`
    if (r() < 0.05) return `2600:1f18:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}:${hex(r, 4)}`
    return `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`
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
      const name = pick(r, [`botocore-session-${Math.floor(time.getTime() / 1000) - Math.floor(r() * 3600)}`, `${pick(r, USERS)}@example.com`, `i-0${hex(r, 16)}`, `aws-go-sdk-${time.getTime() - Math.floor(r() * 3600_000)}`, `GitHubActions-${Math.floor(r() * 1e9)}`])
      identity = {
        type: 'AssumedRole',
        principalId: `${roleId}:${name}`,
        arn: `arn:aws:sts::${account}:assumed-role/${role}/${name}`,
        accountId: account,
        accessKeyId: `ASIA${upper(r, 16)}`,
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
          webIdFederationData: {},
          attributes: { creationDate: new Date(time.getTime() - Math.floor(r() * 3600_000)).toISOString().replace(/\.\d{3}Z$/, 'Z'), mfaAuthenticated: r() < 0.8 ? 'false' : 'true' },
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
    // A geometric number of calls, mean MEAN_CALLS.
    const left = 1 + Math.floor(Math.log(1 - r()) / Math.log(1 - 1 / MEAN_CALLS))
    return { identity: JSON.stringify(identity), ip: pick(r, this.addresses), agent: JSON.stringify(pick(r, AGENTS)), left }
  }

  private session(account: string, time: Date): Session {
    let sessions = this.active.get(account)
    if (!sessions) this.active.set(account, (sessions = []))
    const slot = Math.floor(this.random() * ACTIVE_SESSIONS)
    let session = sessions[slot]
    if (!session || session.left <= 0) sessions[slot] = session = this.newSession(account, time)
    session.left--
    return session
  }

  /** A request parameter's value: mostly as in the real event, often another of its kind. */
  private param(original: string): string {
    const r = this.random
    // Embedded documents (policies) stay as they were.
    if (r() < 0.3 || original.startsWith('{') || original.startsWith('[')) return JSON.stringify(original)
    // Same shape, other digits/hex: i-0abc… stays an instance id, an ARN stays an ARN (its
    // account too: 12-digit runs are kept). Runs without a digit are words, kept.
    const variant = original.replace(/[0-9a-f]{4,}|\d+/g, (run) => (!/\d/.test(run) || (/^\d+$/.test(run) && run.length === 12) ? run : run.replace(/[0-9a-f]/g, () => '0123456789abcdef'[Math.floor(r() * 16)])))
    return JSON.stringify(variant === original ? `${original}-${Math.floor(r() * 5000)}` : variant)
  }

  /** One event of `account` in `region` at `time`, as CloudTrail writes it (compact JSON). */
  event(account: string, region: string, time: Date): string {
    const r = this.random
    const shape: Shape = pick(r, this.shapes.shapes)
    const session = shape.serviceIdentity ? null : this.session(account, time)
    let out = shape.pieces[0]
    for (let k = 0; k < shape.holes.length; k++) {
      const hole = shape.holes[k]
      let value: string
      switch (hole) {
        case HOLE.time: value = `"${time.toISOString().replace(/\.\d{3}Z$/, 'Z')}"`; break
        case HOLE.id: value = `"${uuid(r)}"`; break
        case HOLE.requestId: value = `"${r() < 0.5 ? uuid(r) : upper(r, 16)}"`; break
        case HOLE.region: value = `"${region}"`; break
        case HOLE.account: value = `"${account}"`; break
        case HOLE.ip: value = session ? `"${session.ip}"` : '"AWS Internal"'; break
        case HOLE.agent: value = session ? session.agent : '"AWS Internal"'; break
        case HOLE.identity: value = session ? session.identity : '{}'; break
        case HOLE.error: {
          // Many of the real shapes are failed calls (attack detonations, examples of denials):
          // a quarter keep their error, and 5% of the others get one of the real families.
          if (shape.ownError) value = r() < 0.25 ? shape.ownError : ''
          else if (r() >= 0.05) value = ''
          else {
            const family = pick(r, this.shapes.errors)
            value = `,"errorCode":${JSON.stringify(family.code)},"errorMessage":${JSON.stringify(family.message)}`
          }
          break
        }
        default: value = this.param(shape.params[hole - FIXED_HOLES])
      }
      out += value + shape.pieces[k + 1]
    }
    return out
  }
}
