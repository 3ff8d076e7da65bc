// Where the JSON was scrolled to, per kind of event (eventSource + eventName), as a field path:
// reading one failed PutObject after another, the viewer opens each at the field the previous
// one was scrolled to (requestParameters.key at the top), not at line 1. A path is kept rather
// than a line because events of one kind differ in length (a longer userAgent wraps, an optional
// field is absent); when the path is not in the next event, its nearest ancestor that is counts.
// Pure, tested under Node; the editor applies it (JsonEditor.tsx).
import { parentPath } from '../../common/json-walk'
import { lineOfPath, pathAtLine, stringValue, type PrettyJson } from './pretty-json'

/** Kinds remembered at most (the oldest is forgotten first). */
export const MAX_KINDS = 200

export interface ScrollPlace {
  /** The path shown on the top line. */
  path: string
  /** Pixels scrolled past the top of that path's line. */
  offset: number
}

/** The kind of an event: its service and action ("s3.amazonaws.com PutObject"), or null. */
export function eventKind(pretty: PrettyJson | null): string | null {
  if (!pretty?.ok) return null
  const source = stringValue(pretty.values.get('eventSource'))
  const name = stringValue(pretty.values.get('eventName'))
  return source !== null && name !== null ? `${source} ${name}` : null
}

/** The line that shows the path in this event, else its nearest ancestor's; null if none. */
export function lineOfNearest(pretty: PrettyJson, path: string): number | null {
  for (let p: string | null = path; p !== null; p = parentPath(p)) {
    const line = lineOfPath(pretty, p)
    if (line !== null) return line
  }
  return null
}

/** The place to remember for a top line (the path it shows). */
export function placeAt(pretty: PrettyJson, topLine: number, offset: number): ScrollPlace | null {
  const path = pathAtLine(pretty, topLine)
  return path === null ? null : { path, offset: Math.max(0, offset) }
}

/** The places by kind. */
export class ScrollMemory {
  private readonly places = new Map<string, ScrollPlace>()

  remember(kind: string, place: ScrollPlace | null): void {
    this.places.delete(kind) // re-inserted last: the most recent
    if (place === null) return
    this.places.set(kind, place)
    if (this.places.size > MAX_KINDS) this.places.delete(this.places.keys().next().value!)
  }

  /** Where to open an event of this kind: its line and offset, or null for the top. */
  recall(kind: string | null, pretty: PrettyJson): { line: number; offset: number } | null {
    const place = kind === null ? undefined : this.places.get(kind)
    if (!place) return null
    const line = lineOfNearest(pretty, place.path)
    if (line === null) return null
    // The same field keeps its offset; an ancestor shown instead starts at its line.
    return { line, offset: pretty.lines.get(place.path) === line || pathAtLine(pretty, line) === place.path ? place.offset : 0 }
  }
}
