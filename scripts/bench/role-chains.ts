// The credential chains of the realistic corpus, as a real trail holds them: a role session's
// temporary key was issued by an AssumeRole call made a little earlier by another principal (an
// IAM user with its long-term key, or another role session: role chaining), whose response
// carries that key, and whose request names the role and session. Most new role sessions are
// linked so; the rest stay unlinked, as sessions issued before the trail's range or by AWS
// services do. The issuing events are written in the shape of the real AssumeRole events of
// ../shared/data. Seeded: the same random sequence makes the same chains.

import type { Session } from '../../tests/support/callers'
import { pick, upper, uuid, type Random } from '../../tests/support/seeded-random'
import type { Json } from './real-shapes'

/** Share of new role sessions whose issuing AssumeRole is in the trail. */
const LINKED = 0.8
/** Share of the linked ones assumed from another account's principal. */
const CROSS_ACCOUNT = 0.1
/** Recently opened sessions of an account kept as candidate issuers. */
const CANDIDATES = 400
/** Files cover 5 minutes: an issuing event at its file's start precedes every use of the key. */
const FILE_MS = 300_000

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')
/** STS's own expiration format in CloudTrail, as the real events write it: "Jul 10, 2023, 12:09:47 PM". */
function stsExpiration(ms: number): string {
  const d = new Date(ms)
  const h = d.getUTCHours()
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 || 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export class RoleChains {
  private seen = new WeakSet<Session>()
  private recent = new Map<string, Session[]>()
  /** When each linked session's key was issued (unlinked sessions and users: absent, always usable). */
  private issuedAt = new WeakMap<Session, number>()

  constructor(
    private readonly random: Random,
    private readonly templates: readonly Json[],
  ) {}

  /**
   * Called with the session making the next call of `account`; when it is a role session seen
   * for the first time and linked, returns the AssumeRole event that issued its key, to write
   * in that call's place (the session keeps its calls). Sessions of one account must be asked
   * for in time order of their files (make-corpus writes an account's files slot by slot).
   */
  issuing(session: Session, account: string, region: string, time: Date): string | null {
    if (this.seen.has(session)) return null
    this.seen.add(session)
    let recent = this.recent.get(account)
    if (!recent) this.recent.set(account, (recent = []))
    recent.push(session)
    if (recent.length > CANDIDATES) recent.shift()
    const r = this.random
    if (this.templates.length === 0 || session.identity.type !== 'AssumedRole' || r() >= LINKED) return null
    const issued = Math.floor(time.getTime() / FILE_MS) * FILE_MS
    const others = [...this.recent.keys()].filter((a) => a !== account)
    const issuerAccount = others.length > 0 && r() < CROSS_ACCOUNT ? pick(r, others) : account
    const issuer = this.issuer(this.recent.get(issuerAccount)!, session, issued, r() < 0.5 ? 'IAMUser' : 'AssumedRole')
    if (!issuer) return null
    this.issuedAt.set(session, issued)
    const identity = session.identity as { sessionContext: { attributes: Json } }
    identity.sessionContext.attributes.creationDate = isoSeconds(issued)
    session.identityJson = JSON.stringify(session.identity)
    session.left++
    return this.event(issuer, session, account, region, issued)
  }

  /** A still-open session of the list that may sign at `at`, of `wanted` type if one is there. */
  private issuer(candidates: Session[], session: Session, at: number, wanted: string): Session | null {
    let fallback: Session | null = null
    const start = Math.floor(this.random() * candidates.length)
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[(start + i) % candidates.length]
      const type = candidate.identity.type
      const key = String(candidate.identity.accessKeyId)
      // Long-term user keys (a user's console ASIA key is not the usual AssumeRole caller), and
      // role sessions whose own key exists by then.
      const usable = candidate !== session && candidate.left > 0 && (type === 'IAMUser' ? key.startsWith('AKIA') : type === 'AssumedRole' && (this.issuedAt.get(candidate) ?? -Infinity) <= at)
      if (!usable) continue
      if (type === wanted) return candidate
      fallback ??= candidate
    }
    return fallback
  }

  private event(issuer: Session, session: Session, account: string, region: string, at: number): string {
    const r = this.random
    const event = structuredClone(pick(r, this.templates))
    const identity = session.identity as { principalId: string; arn: string; accessKeyId: string; sessionContext: { sessionIssuer: { arn: string } } }
    const roleArn = identity.sessionContext.sessionIssuer.arn
    const sessionName = identity.principalId.slice(identity.principalId.indexOf(':') + 1)
    const request = (event.requestParameters ?? {}) as Json
    const duration = typeof request.durationSeconds === 'number' ? request.durationSeconds : 3600
    delete event.errorCode
    delete event.errorMessage
    event.userIdentity = issuer.identity
    event.eventTime = isoSeconds(at)
    event.awsRegion = region
    event.sourceIPAddress = issuer.ip
    event.userAgent = issuer.agent
    event.requestParameters = { roleArn, roleSessionName: sessionName, durationSeconds: duration }
    event.responseElements = {
      credentials: { accessKeyId: identity.accessKeyId, sessionToken: `IQoJb3JpZ2luX2Vj${upper(r, 200)}`, expiration: stsExpiration(at + duration * 1000) },
      assumedRoleUser: { assumedRoleId: identity.principalId, arn: identity.arn },
    }
    event.requestID = uuid(r)
    event.eventID = uuid(r)
    if (Array.isArray(event.resources)) event.resources = [{ accountId: account, type: 'AWS::IAM::Role', ARN: roleArn }]
    event.recipientAccountId = account
    const tls = event.tlsDetails as Json | undefined
    if (tls && typeof tls.clientProvidedHostHeader === 'string') tls.clientProvidedHostHeader = `sts.${region}.amazonaws.com`
    return JSON.stringify(event)
  }
}
