// Credential chains, dossiers and the credential graph as they cross from main to the renderer
// and the CLI (main/identity/ computes them). Plain data: the renderer words them per language.

/** What a hop of a chain is. */
export type HopKind =
  | 'iamUser'
  | 'root'
  | 'roleSession' // an assumed role's session (role chaining, cross-account, instance profiles...)
  | 'federatedUser' // GetFederationToken
  | 'sessionToken' // GetSessionToken: the same user, with temporary keys
  | 'samlUser'
  | 'webIdentityUser'
  | 'identityCenterUser'
  | 'awsService'
  | 'unknown'

/**
 * Where a hop's credentials came from when that is not another hop of the loaded data: the
 * chain says so instead of guessing.
 */
export type HopOrigin =
  | 'longTerm' // an IAM user's or root's own access key: the chain starts here
  | 'issued' // issued by `issuedBy`, an event in the loaded data
  | 'beforeRange' // temporary credentials whose issuing call is not in the loaded data
  | 'awsService' // issued by an AWS service for the caller (instance profile, Lambda, service-linked role)
  | 'identityCenter' // issued by IAM Identity Center for one of its users
  | 'console' // the console's own session credentials
  | 'noKey' // the event carries no access key (AWS service events, sign-ins)
  | 'masked' // the access key is masked in the log (AKIA****): it links nothing
  | 'issuedAfterUse' // an event issued this key after it was first used: not linked (clock or data problem)

/** The event that issued a hop's key. */
export interface HopIssue {
  eventId: number
  eventName: string
  /** ms since the epoch; null when the event has no readable time. */
  time: number | null
  sourceIp: string
  /** recipientAccountId of the issuing event (the caller's account for cross-account AssumeRole). */
  account: string
}

export interface ChainHop {
  kind: HopKind
  /** User name, role name, session name, service name: what the hop is called. */
  name: string
  /** Role of a role session ('' otherwise). */
  role: string
  arn: string
  account: string
  /** The access key this hop's credentials carry ('' for a hop without one, such as a SAML user). */
  accessKey: string
  origin: HopOrigin
  issuedBy: HopIssue | null
  /** AWS service that issued or holds the credentials (ec2.amazonaws.com, lambda.amazonaws.com). */
  service: string
  /** EC2 instance of an instance-profile session. */
  instanceId: string
  /** userIdentity.sessionContext.sourceIdentity (propagated along role chains). */
  sourceIdentity: string
  /** Identity Center user behind an AWSReservedSSO role session or onBehalfOf. */
  identityCenterUser: string
  /** sessionCredentialFromConsole: the credentials are a console session's. */
  console: boolean
  /** First and last use of this hop's key in the loaded data (null when unknown). */
  firstUse: number | null
  lastUse: number | null
  /** Events made with this hop's key. */
  events: number
  /** Source IPs of the events made with this hop's key (a few, most used first). */
  sourceIps: string[]
}

export interface CredentialChain {
  /** The event asked about. */
  eventId: number
  /** Origin first, the credentials that signed the event last. */
  hops: ChainHop[]
  /** True when MAX_CHAIN_HOPS cut the chain (a loop is impossible, a very long chain is not). */
  truncated: boolean
}

export type PrincipalKind = 'iamUser' | 'role' | 'roleSession' | 'identityCenterUser' | 'accessKey' | 'sourceIp' | 'name'

export interface PrincipalRef {
  kind: PrincipalKind
  /** A user name or ARN, a role name or ARN, a session ARN, a key, an address. */
  id: string
}

export interface DossierApi {
  name: string
  source: string
  count: number
  errors: number
}

export interface FirstUse {
  value: string
  count: number
  /** ISO time of the first use. */
  firstSeen: string | null
}

export type DossierFlagKind = 'newApi' | 'keyManyIps' | 'instanceCredentialsElsewhere' | 'accessDeniedBurst'

export interface DossierFlag {
  kind: DossierFlagKind
  /** The API, key or time the flag is about. */
  subject: string
  /** Counts or values that back it (IPs, errors in the burst). */
  detail: string[]
  /** ISO time it starts. */
  at: string | null
}

export interface Dossier {
  principal: PrincipalRef & { label: string }
  firstSeen: string | null
  lastSeen: string | null
  events: number
  errors: number
  apis: DossierApi[]
  sourceIps: FirstUse[]
  userAgents: FirstUse[]
  /** Events whose user agent was read (no column holds it): all of them, unless more than the limit (main/identity/dossier.ts). */
  userAgentEvents: number
  regions: FirstUse[]
  accounts: FirstUse[]
  accessKeys: FirstUse[]
  /** Roles this principal's credentials assumed (role ARN, with the issuing calls counted). */
  assumedRoles: FirstUse[]
  /** Principals whose credentials assumed this one (for roles and role sessions). */
  assumedBy: FirstUse[]
  flags: DossierFlag[]
}

export type GraphNodeKind = 'user' | 'role' | 'session' | 'key' | 'account' | 'service' | 'federated'

export interface GraphNode {
  id: string
  kind: GraphNodeKind
  label: string
  /** Events in the current filter attributed to this node. */
  events: number
  /** What opening its dossier asks for. */
  principal: PrincipalRef | null
}

export interface GraphEdge {
  source: string
  target: string
  kind: 'assumed' | 'issued' | 'uses' | 'inAccount'
  count: number
}

export interface CredentialGraph {
  nodes: GraphNode[]
  edges: GraphEdge[]
  /** Nodes left out past the limit (most active kept). */
  omittedNodes: number
}
