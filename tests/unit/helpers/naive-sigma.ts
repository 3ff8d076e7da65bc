// A deliberately naive Sigma evaluator for tests: one detection document against one parsed
// event, with plain regular expressions and recursion, sharing no code with main/detect. It
// trusts its input (test data), so it needs none of the engine's defences.

type Json = Record<string, unknown>

/** Every value at a dotted path; arrays are walked; a key may itself contain dots. */
function lookup(node: unknown, parts: string[]): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => lookup(item, parts))
  if (parts.length === 0) return [node]
  if (node === null || typeof node !== 'object') return []
  const out: unknown[] = []
  for (let take = parts.length; take >= 1; take--) {
    const key = parts.slice(0, take).join('.')
    if (key in (node as Json)) out.push(...lookup((node as Json)[key], parts.slice(take)))
  }
  return out
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v))

const compiled = new Map<string, RegExp>()

function wildcardRegex(pattern: string, flags: string): RegExp {
  const key = `${flags}\u0000${pattern}`
  let re = compiled.get(key)
  if (!re) compiled.set(key, (re = buildRegex(pattern, flags)))
  return re
}

function buildRegex(pattern: string, flags: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\' && '*?\\'.includes(pattern[i + 1] ?? '')) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    else if (c === '*') source += '.*'
    else if (c === '?') source += '.'
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, `s${flags}`)
}

const specs = new Map<string, { parts: string[]; mods: string[] }>()

function fieldMatches(spec: string, expected: unknown, event: Json): boolean {
  let parsed = specs.get(spec)
  if (!parsed) {
    const [field, ...mods] = spec.split('|')
    specs.set(spec, (parsed = { parts: field.split('.'), mods }))
  }
  const { mods } = parsed
  const values = lookup(event, parsed.parts)
  const patterns = Array.isArray(expected) ? expected : [expected]
  if (mods.includes('exists')) return values.some((v) => v !== null && v !== undefined) === (String(patterns[0]) === 'true')
  const texts = values.map(asText).filter((t): t is string => t !== null)
  const one = (p: unknown): boolean => {
    if (p === null) return values.length === 0 || values.some((v) => v === null)
    if (mods.includes('fieldref')) {
      const others = lookup(event, String(p).split('.')).map(asText).filter(Boolean).map((t) => t!.toLowerCase())
      return texts.some((t) => others.includes(t.toLowerCase()))
    }
    if (mods.includes('re')) return texts.some((t) => new RegExp(String(p), mods.includes('i') ? 'i' : '').test(t))
    if (mods.some((m) => ['gt', 'gte', 'lt', 'lte'].includes(m))) {
      const limit = Number(p)
      return texts.some((t) => {
        const n = t.trim() === '' ? NaN : Number(t)
        return mods.includes('gt') ? n > limit : mods.includes('gte') ? n >= limit : mods.includes('lt') ? n < limit : n <= limit
      })
    }
    let pattern = String(p)
    if (mods.includes('contains')) pattern = `*${pattern}*`
    else if (mods.includes('startswith')) pattern = `${pattern}*`
    else if (mods.includes('endswith')) pattern = `*${pattern}`
    const re = wildcardRegex(pattern, mods.includes('cased') ? '' : 'i')
    return texts.some((t) => re.test(t))
  }
  return mods.includes('all') ? patterns.every(one) : patterns.some(one)
}

function selectionMatches(body: unknown, event: Json): boolean {
  if (Array.isArray(body)) return body.some((item) => selectionMatches(item, event))
  return Object.entries(body as Json).every(([spec, value]) => fieldMatches(spec, value, event))
}

const tokenized = new WeakMap<Json, string[]>()

/** Whether the rule document's detection matches the event. */
export function naiveMatches(doc: Json, event: Json): boolean {
  const detection = doc.detection as Json
  const names = Object.keys(detection).filter((k) => k !== 'condition' && k !== 'timeframe')
  const tokens = tokenized.get(detection) ?? String(detection.condition).replace(/[()]/g, ' $& ').trim().split(/\s+/)
  tokenized.set(detection, tokens)
  let at = 0
  const sel = (name: string): boolean => selectionMatches(detection[name], event)
  const matching = (pattern: string): string[] => (pattern === 'them' ? names : names.filter((n) => wildcardRegex(pattern, '').test(n)))
  const primary = (): boolean => {
    const t = tokens[at++]
    if (t === '(') {
      const v = or()
      at++
      return v
    }
    if (t === 'not') return !primary()
    if (t === '1' || t === 'all') {
      at++ // "of"
      const group = matching(tokens[at++])
      return t === 'all' ? group.every(sel) : group.some(sel)
    }
    return sel(t)
  }
  const and = (): boolean => {
    let v = primary()
    while (tokens[at] === 'and') {
      at++
      v = primary() && v
    }
    return v
  }
  const or = (): boolean => {
    let v = and()
    while (tokens[at] === 'or') {
      at++
      v = and() || v
    }
    return v
  }
  return or()
}
