// Fills a UI template. Two forms, a subset of ICU MessageFormat so translators meet a syntax
// they know:
//   {name}                                        the value, as given
//   {n, plural, one {# event} other {# events}}   a form chosen by Intl.PluralRules for the
//                                                 template's language; # is the value as given
// `=0 {…}` picks an exact number before the categories; `other` is required and is what any
// category missing from the template falls back to (Japanese needs nothing else).
// Values arrive already formatted ("1,234", "12+"), so the number for the choice is read back
// from the digits; anything unreadable takes `other`.

export type MessageValues = Record<string, string | number>

// A placeholder inside a plural form's text may itself be {name}: one level of nesting.
const FORM_TEXT = String.raw`(?:[^{}]|\{\w+\})*`
const PLURAL = new RegExp(String.raw`\{(\w+),\s*plural,((?:\s*=?\w+\s*\{${FORM_TEXT}\})+)\s*\}`, 'g')
const FORM = new RegExp(String.raw`(=?\w+)\s*\{(${FORM_TEXT})\}`, 'g')
const SIMPLE = /\{(\w+)\}/g

const rulesCache = new Map<string, Intl.PluralRules>()
function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesCache.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    rulesCache.set(locale, rules)
  }
  return rules
}

/** The number a formatted count stands for: 1,234 -> 1234, "12+" -> 12; NaN when there is none. */
export function countValue(value: string | number | undefined): number {
  if (typeof value === 'number') return value
  if (value === undefined) return Number.NaN
  const digits = value.replace(/[,\s\u00a0\u202f+]/g, '')
  return /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN
}

function pickForm(forms: Map<string, string>, value: number, locale: string): string | undefined {
  if (Number.isFinite(value)) {
    const exact = forms.get(`=${value}`)
    if (exact !== undefined) return exact
    const category = forms.get(pluralRules(locale).select(value))
    if (category !== undefined) return category
  }
  return forms.get('other')
}

function fillSimple(template: string, values: MessageValues): string {
  return template.replace(SIMPLE, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole))
}

/** Fills `{name}` placeholders and plural forms; unknown names are left as they are. */
export function formatWith(locale: string, template: string, values: MessageValues): string {
  const plurals = template.replace(PLURAL, (whole, name: string, body: string) => {
    if (!Object.hasOwn(values, name)) return whole
    const forms = new Map([...body.matchAll(FORM)].map((m) => [m[1], m[2]] as const))
    const form = pickForm(forms, countValue(values[name]), locale)
    return form === undefined ? whole : form.replaceAll('#', String(values[name]))
  })
  return fillSimple(plurals, values)
}

/** The value names a template uses (plain and plural), sorted and unique (for the parity test). */
export function placeholders(template: string): string[] {
  const names = new Set<string>()
  const rest = template.replace(PLURAL, (_whole, name: string, body: string) => {
    names.add(name)
    for (const m of body.matchAll(FORM)) for (const inner of m[2].matchAll(SIMPLE)) names.add(inner[1])
    return ''
  })
  for (const m of rest.matchAll(SIMPLE)) names.add(m[1])
  return [...names].sort()
}
