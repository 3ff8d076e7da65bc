// Risky grants in IAM-style policies (identity policies, trust policies, bucket and key
// policies), found wherever a policy sits in a value: an event's requestParameters.bucketPolicy
// object, or the JSON decoded from a policyDocument string (common/embedded-json.ts). What an
// incident responder looks for first in a PutUserPolicy or a PutBucketPolicy:
//   - allActions:        Allow "Action": "*" on "Resource": "*" (administrator, as the attacker
//                         who grants himself *:* does)
//   - passRoleAnywhere:  Allow iam:PassRole (or iam:*, iam:Pass*) on "Resource": "*"
//   - openToWorld:       Allow to Principal "*" (or {"AWS": "*"}) with no Condition: anyone,
//                         any account or anonymous (a bucket opened to the world)
//   - anyPrincipal:      the same, narrowed by a Condition (worth reading, not always wrong)
// Pure and iterative: a hostile value nested 100,000 deep or holding a million statements is
// walked no deeper than MAX_JSON_DEPTH and no further than MAX_NODES / MAX_RISKS.
import { compileGlob, type GlobPart } from './glob-match'
import { MAX_JSON_DEPTH } from './json-depth'
import { childPath } from './json-walk'

export type PolicyRiskKind = 'allActions' | 'passRoleAnywhere' | 'openToWorld' | 'anyPrincipal'

export interface PolicyRisk {
  kind: PolicyRiskKind
  /** The policy object's path in the value walked (pretty-json's form: a.b[0].c; '' for the root). */
  path: string
  /** The statement's index in the policy (0 for a single statement object). */
  statement: number
  /** The statement's Sid, when it has one. */
  sid: string | null
  /** The statement is about S3 buckets (its Resource names one, or the policy is a bucketPolicy). */
  bucket: boolean
}

/** Containers visited before the walk stops (a real event has a few hundred). */
export const MAX_NODES = 100_000
/** Risks reported at most (the note names the first few anyway). */
export const MAX_RISKS = 100

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/** A policy element as a list of strings ("*" or ["a", "b"]); anything else is no strings. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

/** IAM's wildcards (* and ?) as glob parts. */
function globOf(pattern: string): GlobPart[] {
  const parts: GlobPart[] = []
  for (const piece of pattern.split(/([*?])/)) {
    if (piece === '*') parts.push({ kind: 'any' })
    else if (piece === '?') parts.push({ kind: 'one' })
    else if (piece !== '') parts.push({ kind: 'text', text: piece })
  }
  return parts
}

const grantsAll = (actions: string[]): boolean => actions.some((a) => a.trim() === '*' || a.trim() === '*:*')
const grantsPassRole = (actions: string[]): boolean => actions.some((a) => compileGlob(globOf(a.trim()), { foldCase: true })('iam:passrole'))
const onAnyResource = (resources: string[]): boolean => resources.some((r) => r.trim() === '*')

/** Principal "*", {"AWS": "*"} or {"AWS": [..., "*"]}: anyone. */
function anyPrincipal(principal: unknown): boolean {
  if (typeof principal === 'string') return principal.trim() === '*'
  if (!isObject(principal)) return false
  return strings(principal.AWS).some((p) => p.trim() === '*')
}

/** A Condition with at least one test in it ({} or {"StringEquals": {}} restricts nothing). */
function restricts(condition: unknown): boolean {
  if (!isObject(condition)) return false
  return Object.values(condition).some((tests) => isObject(tests) && Object.keys(tests).length > 0)
}

function statementRisks(statement: Json, path: string, index: number, bucketPolicy: boolean, out: PolicyRisk[]): void {
  if (typeof statement.Effect !== 'string' || statement.Effect.trim().toLowerCase() !== 'allow') return
  const actions = strings(statement.Action)
  const resources = strings(statement.Resource)
  const sid = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : null
  const bucket = bucketPolicy || resources.some((r) => r.trim().toLowerCase().startsWith('arn:aws:s3:::'))
  const add = (kind: PolicyRiskKind): void => void out.push({ kind, path, statement: index, sid, bucket })
  if (grantsAll(actions) && onAnyResource(resources)) add('allActions')
  else if (grantsPassRole(actions) && onAnyResource(resources)) add('passRoleAnywhere')
  if (anyPrincipal(statement.Principal)) add(restricts(statement.Condition) ? 'anyPrincipal' : 'openToWorld')
}

/** The risky grants of every policy inside `value` (an event, or a decoded policy document). */
export function policyRisks(value: unknown): PolicyRisk[] {
  const out: PolicyRisk[] = []
  const stack: [unknown, string, number][] = [[value, '', 0]]
  let nodes = 0
  while (stack.length > 0 && nodes < MAX_NODES && out.length < MAX_RISKS) {
    const [node, path, depth] = stack.pop()!
    if (node === null || typeof node !== 'object' || depth > MAX_JSON_DEPTH) continue
    nodes++
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], childPath(path, i), depth + 1])
      continue
    }
    const object = node as Json
    if ('Statement' in object) {
      const bucketPolicy = /(^|\.)bucketPolicy$/i.test(path)
      const statements = Array.isArray(object.Statement) ? object.Statement : [object.Statement]
      for (let i = 0; i < statements.length && i < MAX_NODES && out.length < MAX_RISKS; i++) {
        const statement = statements[i]
        if (isObject(statement)) statementRisks(statement, path, i, bucketPolicy, out)
      }
      continue // a policy's statements hold no further policies
    }
    const keys = Object.keys(object)
    for (let i = keys.length - 1; i >= 0; i--) stack.push([object[keys[i]], childPath(path, keys[i]), depth + 1])
  }
  return out.slice(0, MAX_RISKS)
}
