// The notes of an event as Monaco decorations: inline after the line (when notes are on), in
// full on hover, and error / warning lines marked in the gutter and the overview ruler.
import type { LineNote } from './annotate'
import { monaco } from './monaco-setup'

const NOTE_CLASS: Record<LineNote['kind'], string> = {
  field: 'json-note',
  warn: 'json-note json-note--warn',
  error: 'json-note json-note--error',
}

export function decorationsOf(model: monaco.editor.ITextModel, notes: LineNote[], inline: boolean): monaco.editor.IModelDeltaDecoration[] {
  const decorations: monaco.editor.IModelDeltaDecoration[] = []
  const lineCount = model.getLineCount()
  for (const note of notes) {
    if (note.line > lineCount) continue
    const end = model.getLineMaxColumn(note.line)
    decorations.push({
      range: new monaco.Range(note.line, 1, note.line, end),
      options: {
        hoverMessage: { value: note.hover, isTrusted: false, supportHtml: false },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        ...(inline && note.inline
          ? {
              after: {
                content: `   ${note.inline}`,
                inlineClassName: NOTE_CLASS[note.kind],
                cursorStops: monaco.editor.InjectedTextCursorStops.None,
              },
            }
          : {}),
      },
    })
    if (note.kind === 'error' && (note.path === 'errorCode' || note.path === 'errorMessage')) {
      decorations.push({
        range: new monaco.Range(note.line, 1, note.line, 1),
        options: {
          isWholeLine: true,
          className: 'json-line--error',
          linesDecorationsClassName: 'json-gutter--error',
          overviewRuler: { color: '#e5534b', position: monaco.editor.OverviewRulerLane.Full },
        },
      })
    } else if (note.kind === 'warn') {
      decorations.push({
        range: new monaco.Range(note.line, 1, note.line, 1),
        options: {
          linesDecorationsClassName: 'json-gutter--warn',
          overviewRuler: { color: '#d4a72c', position: monaco.editor.OverviewRulerLane.Right },
        },
      })
    }
  }
  return decorations
}
