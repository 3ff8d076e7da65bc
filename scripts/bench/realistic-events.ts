// Fills the real shapes (real-shapes.ts) with the cardinality of a real trail: the callers of
// tests/support/callers.ts (sessions with their own keys and principals, thousands of source
// addresses; the same callers as every generated event), and identifier-like request
// parameters (instance IDs, keys, ARNs) varied in their own shape, and the AssumeRole calls that
// issued most role sessions' keys (role-chains.ts), so the trail holds credential chains. Seeded: every run makes the
// same bytes.

import { Callers } from '../../tests/support/callers'
import { pick, upper, uuid, type Random } from '../../tests/support/seeded-random'
import { FIXED_HOLES, HOLE, type RealShapes, type Shape } from './real-shapes'
import { RoleChains } from './role-chains'

/**
 * Share of S3 calls (shapes with a requestParameters.bucketName) made on a log bucket. A real
 * trail's S3 calls go to its log buckets often (deliveries of CloudTrail, access and load-balancer
 * logs, and the reads of whoever looks at them); without them the bench's JSON-path query
 * (`requestParameters.bucketName:logs-*`) found nothing, which is the cheapest case for the engine.
 */
const LOG_BUCKET_SHARE = 0.3

/** An account's log buckets: three named `logs-…`, one that only holds `logs-` inside its name (a near miss of `logs-*`). */
const logBuckets = (account: string, region: string): string[] => [`logs-cloudtrail-${account}`, `logs-s3-access-${account}`, `logs-alb-${account}-${region}`, `central-logs-${account}`]

export class RealisticTrail {
  private callers: Callers
  private chains: RoleChains

  constructor(
    private readonly random: Random,
    private readonly shapes: RealShapes,
    totalEvents: number,
  ) {
    // Thousands of addresses, more on bigger trails (a busy org sees tens of thousands).
    this.callers = new Callers(random, { addresses: Math.max(5000, Math.round(totalEvents / 200)) })
    this.chains = new RoleChains(random, shapes.assumeRoles)
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

  /**
   * One event of `account` in `region` at `time`, as CloudTrail writes it (compact JSON): an
   * account's events must be asked for file by file in time order (RoleChains.issuing).
   */
  event(account: string, region: string, time: Date): string {
    const r = this.random
    const shape: Shape = pick(r, this.shapes.shapes)
    const session = shape.serviceIdentity ? null : this.callers.session(account, time)
    // A new role session's first call is preceded by the AssumeRole that issued its key.
    const issuing = session ? this.chains.issuing(session, account, region, time) : null
    if (issuing) return issuing
    // The same bucket everywhere the event names it (bucketName, Host, the resources' ARNs).
    const bucket = shape.bucket !== null && r() < LOG_BUCKET_SHARE ? pick(r, logBuckets(account, region)) : null
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
        case HOLE.agent: value = session ? session.agentJson : '"AWS Internal"'; break
        case HOLE.identity: value = session ? session.identityJson : '{}'; break
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
        default: {
          const original = shape.params[hole - FIXED_HOLES]
          value = bucket !== null && original.includes(shape.bucket!) ? JSON.stringify(original.split(shape.bucket!).join(bucket)) : this.param(original)
        }
      }
      out += value + shape.pieces[k + 1]
    }
    return out
  }
}
