// Rule files (YAML text, several documents per file allowed) compiled into one rule set:
// detection rules, correlation rules resolved to the rules they name, and every rule that
// cannot run listed with its reason. A rule's index in `rules` is its number in a Detection.

import { loadAll } from 'js-yaml'
import { compileDocument, metaOf, type CorrelationRule, type DetectionRule, type LeafCache } from './compile-rule'
import type { UnsupportedRule } from './rule-model'

export interface RuleText {
  text: string
  /** 'builtin' or the file's path. */
  source: string
}

export interface RuleSet {
  rules: (DetectionRule | CorrelationRule)[]
  unsupported: UnsupportedRule[]
  /** Per rule: whether its own matches are reported (false for a base rule of a correlation without generate). */
  reported: boolean[]
  /** Per correlation rule: the indexes of the rules it names, in its order. */
  bases: number[][]
  /** Per detection rule: the fields its matches carry for correlations (group-by, value_count field). */
  carried: string[][]
}

/** YAML documents of one file; a file that does not parse is one unsupported entry. */
function documentsOf(file: RuleText, unsupported: UnsupportedRule[]): unknown[] {
  try {
    // `json: true`: duplicate keys keep the last, as JSON.parse does, rather than failing the file.
    return loadAll(file.text, null, { json: true, filename: file.source }).filter((d) => d !== null && d !== undefined)
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]
    unsupported.push({ meta: metaOf({ title: file.source }, file.source, 0), reason: `YAML does not parse: ${message}` })
    return []
  }
}

export function compileRuleSet(files: readonly RuleText[]): RuleSet {
  const unsupported: UnsupportedRule[] = []
  const rules: (DetectionRule | CorrelationRule)[] = []
  const leaves: LeafCache = new Map()
  for (const file of files) {
    documentsOf(file, unsupported).forEach((doc, index) => {
      const compiled = compileDocument(doc, file.source, index, leaves)
      if (compiled.kind === 'unsupported') unsupported.push({ meta: compiled.meta, reason: compiled.reason })
      else rules.push(compiled)
    })
  }

  // Correlations name rules by `name`, `id` or (as Suzaku writes them) `title`; a name in the
  // same file wins over one elsewhere.
  const find = (ref: string, source: string): number => {
    let best = -1
    rules.forEach((r, i) => {
      if (r.meta.name !== ref && r.meta.id !== ref && r.meta.title !== ref) return
      if (best < 0 || (r.meta.source === source && rules[best].meta.source !== source)) best = i
    })
    return best
  }
  const bases: number[][] = rules.map(() => [])
  const broken = new Map<number, string>()
  rules.forEach((rule, i) => {
    if (rule.kind !== 'correlation') return
    for (const ref of rule.spec.ruleRefs) {
      const base = find(ref, rule.meta.source)
      if (base < 0) broken.set(i, `correlation names "${ref}", which is not among the loaded rules (or cannot be evaluated)`)
      else if (rules[base].kind === 'correlation') broken.set(i, `correlation of a correlation ("${ref}") is not supported`)
      else bases[i].push(base)
    }
  })
  // Drop broken correlations, renumbering the rest.
  const kept = rules.map((_, i) => i).filter((i) => !broken.has(i))
  for (const [i, reason] of broken) unsupported.push({ meta: rules[i].meta, reason })
  const renumber = new Map(kept.map((old, now) => [old, now]))
  const finalRules = kept.map((i) => rules[i])
  const finalBases = kept.map((i) => bases[i].map((b) => renumber.get(b)!))
  const reported = finalRules.map(() => true)
  const carried: string[][] = finalRules.map(() => [])
  const generated = new Set<number>()
  finalRules.forEach((rule, i) => {
    if (rule.kind !== 'correlation') return
    const fields = [...rule.spec.groupBy, ...(rule.spec.condition?.field ? [rule.spec.condition.field] : [])]
    for (const b of finalBases[i]) {
      if (rule.spec.generate) generated.add(b)
      else reported[b] = false
      for (const f of fields) if (!carried[b].includes(f)) carried[b].push(f)
    }
  })
  for (const b of generated) reported[b] = true
  return { rules: finalRules, unsupported, reported, bases: finalBases, carried }
}
