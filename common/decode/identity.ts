// Who made the call, in one line: the chain from the identity that signed the request back to
// where its credentials came from ("role Admin ▸ session alice ▸ source identity x", "Identity
// Center user … ▸ identity store d-…"). Works on a getter of JSON paths to string values so it
// runs on the viewer's path map and on parsed events alike.
import { assumedRoleParts, parseArn } from './arn'

/** Reads a scalar at a JSON path (userIdentity.type...) as text; null when absent or not a scalar. */
export type FieldGetter = (path: string) => string | null

export type ChainStepKind =
  | 'root'
  | 'iamUser'
  | 'role'
  | 'permissionSet' // an IAM Identity Center permission set (role AWSReservedSSO_<set>_<hash>)
  | 'session'
  | 'ec2Instance' // the session of an EC2 instance profile role (session name i-…)
  | 'sourceIdentity'
  | 'federatedUser'
  | 'issuedBy' // the user or root that called GetFederationToken
  | 'identityCenterUser'
  | 'identityStore'
  | 'samlUser'
  | 'webIdentityUser'
  | 'provider'
  | 'awsService'
  | 'awsAccount'
  | 'directory'
  | 'via' // invokedBy: a service acting for the caller
  | 'unknown'

export interface ChainStep {
  kind: ChainStepKind
  value: string
}

/** The known userIdentity.type values. */
export const IDENTITY_TYPES = [
  'Root',
  'IAMUser',
  'AssumedRole',
  'Role',
  'FederatedUser',
  'Directory',
  'AWSAccount',
  'AWSService',
  'IdentityCenterUser',
  'SAMLUser',
  'WebIdentityUser',
  'Unknown',
] as const

export type IdentityType = (typeof IDENTITY_TYPES)[number]

export function isIdentityType(value: string): value is IdentityType {
  return (IDENTITY_TYPES as readonly string[]).includes(value)
}

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/

function lastPart(arn: string | null): string | null {
  if (!arn) return null
  const parsed = parseArn(arn)
  if (!parsed) return null
  const slash = parsed.resourceId.lastIndexOf('/')
  return slash >= 0 ? parsed.resourceId.slice(slash + 1) : parsed.resourceId
}

function roleSteps(get: FieldGetter, steps: ChainStep[]): void {
  const arn = get('userIdentity.arn')
  const parsed = arn ? parseArn(arn) : null
  const parts = parsed ? assumedRoleParts(parsed) : null
  const principal = get('userIdentity.principalId')
  const role = get('userIdentity.sessionContext.sessionIssuer.userName') || (parts ? parts.role.split('/').pop()! : null)
  const session = parts?.session ?? (principal && principal.includes(':') ? principal.slice(principal.indexOf(':') + 1) : null)
  const sso = role ? SSO_ROLE.exec(role) : null
  if (sso) steps.push({ kind: 'permissionSet', value: sso[1] })
  else if (role) steps.push({ kind: 'role', value: role })
  if (session) steps.push({ kind: /^i-[0-9a-f]{8,17}$/.test(session) || get('userIdentity.sessionContext.ec2RoleDelivery') ? 'ec2Instance' : 'session', value: session })
}

/** The identity chain of an event's userIdentity; empty when the event has none. */
export function identityChain(get: FieldGetter): ChainStep[] {
  const steps: ChainStep[] = []
  const type = get('userIdentity.type')
  const invokedBy = get('userIdentity.invokedBy')
  const account = get('userIdentity.accountId')
  switch (type) {
    case 'Root':
      steps.push({ kind: 'root', value: account ?? lastPart(get('userIdentity.arn')) ?? '' })
      break
    case 'IAMUser':
      steps.push({ kind: 'iamUser', value: get('userIdentity.userName') ?? lastPart(get('userIdentity.arn')) ?? get('userIdentity.principalId') ?? '' })
      break
    case 'AssumedRole':
    case 'Role':
      roleSteps(get, steps)
      break
    case 'FederatedUser': {
      const name = lastPart(get('userIdentity.arn')) ?? get('userIdentity.principalId')?.split(':').pop() ?? ''
      steps.push({ kind: 'federatedUser', value: name })
      const issuer = get('userIdentity.sessionContext.sessionIssuer.userName') ?? lastPart(get('userIdentity.sessionContext.sessionIssuer.arn'))
      if (issuer) steps.push({ kind: 'issuedBy', value: issuer })
      break
    }
    case 'IdentityCenterUser': {
      steps.push({ kind: 'identityCenterUser', value: get('userIdentity.onBehalfOf.userId') ?? get('userIdentity.userName') ?? '' })
      const store = get('userIdentity.onBehalfOf.identityStoreArn')
      if (store) steps.push({ kind: 'identityStore', value: lastPart(store) ?? store })
      break
    }
    case 'SAMLUser':
    case 'WebIdentityUser': {
      steps.push({ kind: type === 'SAMLUser' ? 'samlUser' : 'webIdentityUser', value: get('userIdentity.userName') ?? get('userIdentity.principalId') ?? '' })
      const provider = get('userIdentity.identityProvider')
      if (provider) steps.push({ kind: 'provider', value: provider })
      break
    }
    case 'AWSService':
      steps.push({ kind: 'awsService', value: invokedBy ?? get('userIdentity.principalId') ?? '' })
      break
    case 'AWSAccount':
      steps.push({ kind: 'awsAccount', value: account ?? get('userIdentity.principalId') ?? '' })
      break
    case 'Directory':
      steps.push({ kind: 'directory', value: get('userIdentity.userName') ?? get('userIdentity.principalId') ?? '' })
      break
    case null:
      // Service events often carry only invokedBy (or nothing at all).
      if (invokedBy) steps.push({ kind: 'awsService', value: invokedBy })
      return steps
    default: {
      // Unknown, and types newer than this list: say what the ARN says.
      const arn = get('userIdentity.arn')
      const parsed = arn ? parseArn(arn) : null
      if (parsed && assumedRoleParts(parsed)) roleSteps(get, steps)
      else steps.push({ kind: 'unknown', value: lastPart(arn) ?? get('userIdentity.principalId') ?? type })
    }
  }
  const source = get('userIdentity.sessionContext.sourceIdentity')
  if (source) steps.push({ kind: 'sourceIdentity', value: source })
  if (invokedBy && type !== 'AWSService') steps.push({ kind: 'via', value: invokedBy })
  return steps.filter((step) => step.value !== '' || step.kind === 'root')
}
