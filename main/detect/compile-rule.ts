// One YAML document of a Sigma rule file compiled: the metadata, and a detection tree over
// compiled field tests, or a correlation specification; or the reason it cannot run.

import { LEVELS, type CorrelationSpec, type CountCondition, type Level, type RuleMeta } from './rule-model'
import { compileLeaf, type Leaf } from './value-matchers'
import { parseCondition, ConditionError, type Expr } from './condition'

export type Node =
  | { t: 'leaf'; leaf: Leaf }
  | { t: 'and' | 'or'; items: Node[] }
  | { t: 'not'; item: Node }
  | { t: 'of'; n: number; items: Node[] }

export interface DetectionRule {
  kind: 'detection'
  meta: RuleMeta
  root: Node
  leaves: Leaf[]
}

export interface CorrelationRule {
  kind: 'correlation'
  meta: RuleMeta
  spec: CorrelationSpec
}

export type CompiledDocument = DetectionRule | CorrelationRule | { kind: 'unsupported'; meta: RuleMeta; reason: string }

type Json = Record<string, unknown>
const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v))
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : typeof v === 'string' && v ? [v] : [])

export function metaOf(doc: Json, source: string, index: number): RuleMeta {
  const level = str(doc.level).toLowerCase()
  return {
    id: str(doc.id) || `${source}#${index + 1}`,
    title: str(doc.title) || '(untitled rule)',
    name: str(doc.name) || undefined,
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : 'informational',
    status: str(doc.status),
    author: str(doc.author),
    description: str(doc.description).trim(),
    references: strings(doc.references),
    falsePositives: strings(doc.falsepositives),
    tags: strings(doc.tags),
    source,
  }
}

class RuleError extends Error {}

/**
 * Field tests compiled so far in a rule set, by field spec and values: a rule set repeats the
 * same tests (3,376 field tests in SigmaHQ + Suzaku + the built-in pack, 549 distinct:
 * `errorCode|exists`, `eventSource: iam.amazonaws.com`, one rule in two packs), so each is
 * compiled once, and rules share the Leaf: its remembered results by code and by value, and the
 * matcher's result for the event at hand (event-matcher.ts), serve every rule that has it.
 */
export type LeafCache = Map<string, Leaf | string>

/** Whether a value may be told apart by its JSON text (NaN and -0 may not: JSON writes them as null and 0). */
const keyable = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0))

/** compileLeaf, through the cache when the values are scalars that JSON tells apart (not a YAML date). */
function cachedLeaf(field: string | null, value: unknown, cache: LeafCache | undefined): Leaf | string {
  if (!cache || !(Array.isArray(value) ? value.every(keyable) : keyable(value))) return compileLeaf(field, value)
  const key = `${field === null ? 'k' : `f${field}`}\u0000${JSON.stringify(value)}`
  let compiled = cache.get(key)
  if (compiled === undefined) cache.set(key, (compiled = compileLeaf(field, value)))
  return compiled
}

function selectionNode(name: string, body: unknown, leaves: Leaf[], cache: LeafCache | undefined): Node {
  const leaf = (field: string | null, value: unknown): Node => {
    const compiled = cachedLeaf(field, value, cache)
    if (typeof compiled === 'string') throw new RuleError(`selection "${name}": ${compiled}`)
    if (!leaves.includes(compiled)) leaves.push(compiled)
    return { t: 'leaf', leaf: compiled }
  }
  const map = (m: Json): Node => {
    const entries = Object.entries(m)
    if (entries.length === 0) throw new RuleError(`selection "${name}" is empty`)
    const items = entries.map(([field, value]) => leaf(field, value))
    return items.length === 1 ? items[0] : { t: 'and', items }
  }
  if (isMap(body)) return map(body)
  if (Array.isArray(body)) {
    if (body.length === 0) throw new RuleError(`selection "${name}" is an empty list`)
    if (body.every(isMap)) return body.length === 1 ? map(body[0]) : { t: 'or', items: body.map(map) }
    if (body.every((v) => !isMap(v) && !Array.isArray(v))) return leaf(null, body)
    throw new RuleError(`selection "${name}" mixes maps and keywords`)
  }
  if (typeof body === 'string' || typeof body === 'number') return leaf(null, [body])
  throw new RuleError(`selection "${name}" is neither a map nor a list`)
}

function compileDetection(detection: Json, meta: RuleMeta, cache: LeafCache | undefined): DetectionRule {
  const { condition, timeframe: _timeframe, ...selections } = detection
  const leaves: Leaf[] = []
  const nodes = new Map<string, Node>()
  for (const [name, body] of Object.entries(selections)) nodes.set(name, selectionNode(name, body, leaves, cache))
  const conditions = Array.isArray(condition) ? condition.map(str) : [str(condition)]
  if (conditions.length === 0 || conditions.some((c) => c.trim() === '')) throw new RuleError('detection has no condition')
  const names = [...nodes.keys()]
  const resolve = (e: Expr): Node => {
    switch (e.t) {
      case 'sel': return nodes.get(e.name)!
      case 'not': return { t: 'not', item: resolve(e.item) }
      case 'and': case 'or': return { t: e.t, items: e.items.map(resolve) }
      case 'of': return { t: 'of', n: e.n, items: e.items.map(resolve) }
    }
  }
  let trees: Node[]
  try {
    trees = conditions.map((c) => resolve(parseCondition(c, names)))
  } catch (error) {
    if (error instanceof ConditionError) throw new RuleError(`condition: ${error.message}`)
    throw error
  }
  return { kind: 'detection', meta, root: trees.length === 1 ? trees[0] : { t: 'or', items: trees }, leaves }
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

export function parseTimespan(text: string): number | null {
  const m = /^\s*(\d+)\s*([smhd])\s*$/i.exec(text)
  return m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : null
}

function compileCorrelation(c: Json): CorrelationSpec {
  const type = str(c.type)
  if (!['event_count', 'value_count', 'temporal', 'temporal_ordered'].includes(type)) throw new RuleError(`correlation type "${type}" is not supported`)
  if (c.aliases !== undefined) throw new RuleError('correlation aliases (fields named differently per rule) are not supported')
  const ruleRefs = strings(c.rules)
  if (ruleRefs.length === 0) throw new RuleError('correlation names no rules')
  const timespanText = str(c.timespan ?? c.timeframe)
  const timespanMs = parseTimespan(timespanText)
  if (timespanMs === null) throw new RuleError(`correlation timespan "${timespanText}" is not a duration such as 10m`)
  let condition: CountCondition | undefined
  if (isMap(c.condition)) {
    const ops = (['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const).filter((op) => c.condition && (c.condition as Json)[op] !== undefined)
    if (ops.length !== 1) throw new RuleError('correlation condition needs exactly one of gt, gte, lt, lte, eq, neq')
    const value = Number((c.condition as Json)[ops[0]])
    if (!Number.isFinite(value)) throw new RuleError('correlation condition is not a number')
    const field = str((c.condition as Json).field) || undefined
    condition = { op: ops[0], value, field }
  } else if (c.condition !== undefined) {
    throw new RuleError('correlation condition is not a map such as {gte: 10}')
  }
  if ((type === 'event_count' || type === 'value_count') && !condition) throw new RuleError(`${type} needs a condition`)
  if (type === 'value_count' && !condition?.field) throw new RuleError('value_count needs condition.field')
  return { type: type as CorrelationSpec['type'], ruleRefs, groupBy: strings(c['group-by']), timespanMs, condition, generate: c.generate === true }
}

export function compileDocument(doc: unknown, source: string, index: number, cache?: LeafCache): CompiledDocument {
  const meta = metaOf(isMap(doc) ? doc : {}, source, index)
  try {
    if (!isMap(doc)) throw new RuleError('the YAML document is not a map')
    if (isMap(doc.correlation)) return { kind: 'correlation', meta, spec: compileCorrelation(doc.correlation) }
    const logsource = isMap(doc.logsource) ? doc.logsource : {}
    const product = str(logsource.product).toLowerCase()
    const service = str(logsource.service).toLowerCase()
    if (product !== 'aws' || service !== 'cloudtrail') throw new RuleError(`logsource is ${product || '?'}/${service || '?'}, not aws/cloudtrail`)
    if (doc.filter !== undefined && doc.detection === undefined) throw new RuleError('Sigma filter (meta) rules are not applied')
    if (!isMap(doc.detection)) throw new RuleError('no detection section')
    return compileDetection(doc.detection, meta, cache)
  } catch (error) {
    if (error instanceof RuleError) return { kind: 'unsupported', meta, reason: error.message }
    throw error
  }
}
