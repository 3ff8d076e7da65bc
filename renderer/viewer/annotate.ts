// Which lines of a pretty-printed event get a note, and what it says. Pure: the editor turns
// these into Monaco decorations.
import { annotationFor } from '../../common/annotations'
import type { Language } from '../../common/i18n'
import { describeAge, describeUtc, parseIsoTime } from '../format/format'
import { stringValue, type PrettyJson } from './pretty-json'

export interface LineNote {
  /** 1-based line of the field's key. */
  line: number
  path: string
  /** Shown muted after the line. */
  inline: string
  /** Shown on hover (markdown, from the catalogue and computed text only). */
  hover: string
  /** 'error' lines are flagged (errorCode, errorMessage); 'field' lines are only noted. */
  kind: 'field' | 'error'
}

/** Escapes text for Monaco's markdown hovers. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`)
}

export function noteLines(pretty: PrettyJson, language: Language, now: number = Date.now()): LineNote[] {
  const notes: LineNote[] = []
  if (!pretty.ok) return notes
  for (const [path, line] of pretty.lines) {
    const annotation = annotationFor(path, language)
    if (!annotation) continue
    let inline = annotation.short
    let hover = `**${escapeMarkdown(path)}** — ${escapeMarkdown(annotation.short)}\n\n${escapeMarkdown(annotation.long)}`
    const kind: LineNote['kind'] = path === 'errorCode' || path === 'errorMessage' ? 'error' : 'field'
    if (path === 'eventTime' || path.endsWith('.creationDate')) {
      const text = stringValue(pretty.values.get(path))
      const ms = text === null ? null : parseIsoTime(text)
      if (ms !== null) {
        const utc = describeUtc(ms, language)
        inline = `${inline} · ${utc}`
        hover += `\n\n${escapeMarkdown(utc)} · ${escapeMarkdown(describeAge(ms, now, language))}`
      }
    }
    if (kind === 'error' && path === 'errorCode') inline = `⚠ ${inline}`
    notes.push({ line, path, inline, hover, kind })
  }
  return notes.sort((a, b) => a.line - b.line)
}
