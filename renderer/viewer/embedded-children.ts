// What the viewer shows below a string that holds JSON (a policyDocument, URL-encoded as the IAM
// API writes it; a base64 x-amz-* blob): the decoded JSON, re-indented, and a note on every
// risky grant of the policies in the event (common/policy-risks.ts), on the line of the string
// or of the policy object (requestParameters.bucketPolicy). Display only: the editor's model,
// "Copy JSON" and exports keep the event's own text. Pure, tested under Node.
import { escapeControls } from '../../common/control-chars'
import { embeddedJson, type EmbeddedEncoding } from '../../common/embedded-json'
import { formatMessage, MESSAGES, type Language } from '../../common/i18n'
import { policyRisks, type PolicyRisk } from '../../common/policy-risks'
import { escapeMarkdown, type LineNote } from './annotate'
import { lineOfPath, prettyJson, stringValue, type PrettyJson } from './pretty-json'

/** Strings decoded per event at most (a real event has one or two). */
export const MAX_CHILDREN = 50
/** Lines of one decoded child shown at most (the rest is counted). */
export const MAX_CHILD_LINES = 400
/** Characters of a statement's Sid shown in a note at most (the caller chose it; the rest is cut). */
export const MAX_SID_CHARS = 80

export interface EmbeddedChild {
  /** The 1-based line of the string in the pretty-printed event. */
  line: number
  path: string
  encoding: EmbeddedEncoding
  /** The decoded JSON, re-indented (at most MAX_CHILD_LINES lines). */
  text: string
  /** Lines left out after MAX_CHILD_LINES. */
  hiddenLines: number
}

export interface EmbeddedView {
  children: EmbeddedChild[]
  /** One note per line with risky grants (kind 'warn'). */
  riskNotes: LineNote[]
}

/** A risky grant and the line its note goes on. */
export interface LocatedRisk {
  line: number
  path: string
  risk: PolicyRisk
}

export interface EmbeddedParts {
  children: EmbeddedChild[]
  risks: LocatedRisk[]
}

const EMPTY: EmbeddedParts = { children: [], risks: [] }

/** The decoded strings of a pretty-printed event and the notes on its risky grants (both steps). */
export function embeddedView(pretty: PrettyJson | null, language: Language): EmbeddedView {
  const { children, risks } = embeddedParts(pretty)
  return { children, riskNotes: riskNotes(risks, language) }
}

/**
 * The decoded strings and the risky grants of a pretty-printed event: the costly step, which does
 * not depend on the language (the viewer keeps it across EN/JA and words the notes apart).
 */
export function embeddedParts(pretty: PrettyJson | null): EmbeddedParts {
  if (!pretty?.ok) return EMPTY
  const children: EmbeddedChild[] = []
  const risks: LocatedRisk[] = []
  let objectPolicy = false
  for (const [path, token] of pretty.values) {
    objectPolicy ||= path.includes('Statement')
    if (children.length >= MAX_CHILDREN) continue
    // A string token long enough to hold {} (quotes included) and on a line of its own.
    if (token.length < 4 || token[0] !== '"') continue
    const line = lineOfPath(pretty, path)
    const text = line === null ? null : stringValue(token)
    const found = text === null ? null : embeddedJson(text)
    if (!found || line === null) continue
    const shown = prettyJson(found.text)
    // Decoding can bring back what the event's text had escaped (%E2%80%AE, \u202e): a real
    // right-to-left override in the block would reorder what the analyst reads.
    const all = escapeControls(shown.text, '\n').split('\n')
    children.push({
      line,
      path,
      encoding: found.encoding,
      text: all.slice(0, MAX_CHILD_LINES).join('\n'),
      hiddenLines: Math.max(0, all.length - MAX_CHILD_LINES),
    })
    for (const risk of policyRisks(found.value)) risks.push({ line, path, risk })
  }
  // Policies written as objects (PutBucketPolicy's bucketPolicy): their key's line. The event is
  // parsed a second time only when a path says it holds a policy statement (few events do).
  for (const risk of objectPolicy ? policyRisks(parsedOrNull(pretty.text)) : []) {
    const line = lineOfPath(pretty, risk.path)
    if (line !== null) risks.push({ line, path: risk.path, risk })
  }
  return { children, risks }
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null // pretty.ok says it parses; kept safe all the same
  }
}

/** The words for one risky grant. */
export function riskText(risk: PolicyRisk, language: Language): string {
  const t = MESSAGES[language]
  const what = {
    allActions: t.policyRiskAllActions,
    passRoleAnywhere: t.policyRiskPassRole,
    openToWorld: risk.bucket ? t.policyRiskOpenBucket : t.policyRiskOpenToWorld,
    anyPrincipal: t.policyRiskAnyPrincipal,
  }[risk.kind]
  // The Sid is the caller's text: its controls escaped (a bidi override would reorder the note)
  // and clipped, so a 10 000-character Sid cannot fill the line.
  const where = formatMessage(risk.sid ? t.policyRiskStatementSid : t.policyRiskStatement, { n: risk.statement + 1, sid: shownSid(risk.sid ?? '') })
  return `${what} (${where})`
}

function shownSid(sid: string): string {
  const chars = [...escapeControls(sid)] // by code point: a cut never splits a surrogate pair
  return chars.length > MAX_SID_CHARS ? `${chars.slice(0, MAX_SID_CHARS).join('')}…` : chars.join('')
}

/** One note per line with risky grants, in the language shown. */
export function riskNotes(risks: readonly LocatedRisk[], language: Language): LineNote[] {
  const byLine = new Map<number, { path: string; texts: string[] }>()
  for (const { line, path, risk } of risks) {
    const entry = byLine.get(line) ?? { path, texts: [] }
    const text = riskText(risk, language)
    if (!entry.texts.includes(text)) entry.texts.push(text)
    byLine.set(line, entry)
  }
  return [...byLine].map(([line, { path, texts }]) => ({
    line,
    path,
    inline: `△ ${texts.slice(0, 2).join(' · ')}${texts.length > 2 ? ` · +${texts.length - 2}` : ''}`,
    hover: texts.map((text) => `△ ${escapeMarkdown(text)}`).join('\n\n'),
    links: [],
    kind: 'warn' as const,
  }))
}


/** The field notes with the risk notes added: a line that has both gets one note, risk first. */
export function withRiskNotes(notes: LineNote[], riskNotes: LineNote[]): LineNote[] {
  if (riskNotes.length === 0) return notes
  const risky = new Map(riskNotes.map((note) => [note.line, note]))
  const merged = notes.map((note) => {
    const risk = risky.get(note.line)
    if (!risk) return note
    risky.delete(note.line)
    return {
      ...note,
      kind: note.kind === 'error' ? note.kind : ('warn' as const),
      inline: note.inline ? `${risk.inline} · ${note.inline.replace(/^△ /, '')}` : risk.inline,
      hover: `${risk.hover}\n\n---\n\n${note.hover}`,
    }
  })
  return [...merged, ...risky.values()].sort((a, b) => a.line - b.line)
}
