// Which lines of a pretty-printed event get a note, and what it says: the field's meaning from the
// catalogue (common/annotations) and what its value decodes to (common/decode: times in the
// chosen zone, identities, addresses, user agents, error explanations, documentation links).
// Pure: the editor turns these into Monaco decorations.
import { annotationFor, sinceVersion } from '../../common/annotations'
import { DECODE_TEXT, describeField, type DecodeContext, type DocLink, type FieldGetter } from '../../common/decode'
import { formatMessage, type Language } from '../../common/i18n'
import { scalarText, type PrettyJson } from './pretty-json'

export interface LineNote {
  /** 1-based line of the field's key. */
  line: number
  path: string
  /** Shown muted after the line; null: nothing inline (the hover still has it). */
  inline: string | null
  /** Shown on hover (markdown, from the catalogue and computed text only, escaped). */
  hover: string
  /** Documentation links the hover offers. */
  links: DocLink[]
  /** 'error' lines are flagged (errorCode, errorMessage); 'warn' lines are marked (no MFA, IMDSv1, root…). */
  kind: 'field' | 'warn' | 'error'
}

/** Escapes text for Monaco's markdown hovers. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`)
}

/** A markdown link; the URL is one of ours (common/decode/doc-links), so only ')' and spaces need care. */
function markdownLink(link: DocLink): string {
  return `[${escapeMarkdown(link.label)}](${link.url.replace(/[ )]/g, (c) => encodeURIComponent(c))})`
}

/** Reads the event's scalar values from the pretty printer's map. */
export function getterOf(pretty: PrettyJson): FieldGetter {
  return (path) => scalarText(pretty.values.get(path))
}

function contextOf(language: Language | Partial<DecodeContext>, now: number | undefined): DecodeContext {
  const given = typeof language === 'string' ? { language } : language
  return {
    language: given.language ?? 'en',
    timeZone: given.timeZone ?? 'UTC',
    newest: given.newest ?? null,
    now: now ?? given.now ?? Date.now(),
    aliases: given.aliases ?? {},
  }
}

/**
 * The notes of an event, one per line that has something to say, in line order. `context` is a
 * language, or the full decoding context (language, time zone, newest event, account names).
 */
export function noteLines(pretty: PrettyJson, context: Language | Partial<DecodeContext>, now?: number): LineNote[] {
  const notes: LineNote[] = []
  if (!pretty.ok) return notes
  const ctx = contextOf(context, now)
  const get = getterOf(pretty)
  const text = DECODE_TEXT[ctx.language]
  for (const [path, line] of pretty.lines) {
    const annotation = annotationFor(path, ctx.language)
    const decoded = describeField(path, get, ctx)
    if (!annotation && !decoded) continue
    const sections: string[] = []
    const inlineParts: string[] = []
    if (annotation) {
      inlineParts.push(annotation.short)
      const since = sinceVersion(path)
      sections.push(
        `**${escapeMarkdown(path)}** — ${escapeMarkdown(annotation.short)}\n\n${escapeMarkdown(annotation.long)}` +
          (since ? `\n\n_${escapeMarkdown(formatMessage(text.since, { version: since }))}_` : ''),
      )
    }
    if (decoded) {
      // Fields the catalogue does not know get no inline note: what their value decodes to
      // (an ARN's parts, an account's name...) is on hover only.
      if (decoded.inline && annotation) inlineParts.push(decoded.inline)
      const details = decoded.details.map(escapeMarkdown)
      if (!annotation) details.unshift(`**${escapeMarkdown(path)}**`)
      if (decoded.links.length > 0) details.push(decoded.links.map(markdownLink).join(' · '))
      if (details.length > 0) sections.push(details.join('\n\n'))
    }
    const error = path === 'errorCode' || path === 'errorMessage' || decoded?.level === 'error'
    const kind: LineNote['kind'] = error ? 'error' : decoded?.level === 'warn' ? 'warn' : 'field'
    let inline = inlineParts.length > 0 ? inlineParts.join(' · ') : null
    if (inline && path === 'errorCode') inline = `⚠ ${inline}`
    else if (inline && kind === 'warn') inline = `△ ${inline}`
    notes.push({ line, path, inline, hover: sections.join('\n\n---\n\n'), links: decoded?.links ?? [], kind })
  }
  return notes.sort((a, b) => a.line - b.line)
}
