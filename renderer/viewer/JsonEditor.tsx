// The one Monaco editor of the app: read-only, created imperatively once when this component
// mounts and disposed when it unmounts (as Electron Fiddle does). Its model holds one
// pretty-printed event at a time; notes come in as decorations.
import { useEffect, useRef } from 'react'
import { currentTheme, monaco } from './monaco-setup'
import type { LineNote } from './annotate'

interface Props {
  text: string
  notes: LineNote[]
  /** Show the notes inline after each line (hovers are there either way). */
  inline: boolean
  ariaLabel: string
}

function decorationsOf(model: monaco.editor.ITextModel, notes: LineNote[], inline: boolean): monaco.editor.IModelDeltaDecoration[] {
  const decorations: monaco.editor.IModelDeltaDecoration[] = []
  const lineCount = model.getLineCount()
  for (const note of notes) {
    if (note.line > lineCount) continue
    const end = model.getLineMaxColumn(note.line)
    const error = note.kind === 'error'
    decorations.push({
      range: new monaco.Range(note.line, 1, note.line, end),
      options: {
        hoverMessage: { value: note.hover, isTrusted: false, supportHtml: false },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        ...(inline
          ? {
              after: {
                content: `   ${note.inline}`,
                inlineClassName: error ? 'json-note json-note--error' : 'json-note',
                cursorStops: monaco.editor.InjectedTextCursorStops.None,
              },
            }
          : {}),
      },
    })
    if (error) {
      decorations.push({
        range: new monaco.Range(note.line, 1, note.line, 1),
        options: {
          isWholeLine: true,
          className: 'json-line--error',
          linesDecorationsClassName: 'json-gutter--error',
          overviewRuler: { color: '#e5534b', position: monaco.editor.OverviewRulerLane.Full },
        },
      })
    }
  }
  return decorations
}

export function JsonEditor({ text, notes, inline, ariaLabel }: Props) {
  const host = useRef<HTMLDivElement | null>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const decorationsRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null)

  useEffect(() => {
    const element = host.current
    if (!element) return
    const model = monaco.editor.createModel('', 'json')
    const editor = monaco.editor.create(element, {
      model,
      theme: currentTheme(),
      readOnly: true,
      domReadOnly: true,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      wrappingIndent: 'indent',
      fontSize: 12.5,
      lineHeight: 20,
      lineNumbersMinChars: 3,
      folding: true,
      showFoldingControls: 'mouseover',
      renderLineHighlight: 'none',
      unusualLineTerminators: 'off',
      padding: { top: 8, bottom: 8 },
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, useShadows: false },
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      fixedOverflowWidgets: true,
      hover: { delay: 200 },
      guides: { indentation: true },
      contextmenu: true,
    })
    editorRef.current = editor
    decorationsRef.current = editor.createDecorationsCollection()
    return () => {
      decorationsRef.current = null
      editorRef.current = null
      editor.dispose()
      model.dispose()
    }
    // The editor is made once; later props are applied by the effects below.
  }, [])

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel })
  }, [ariaLabel])

  useEffect(() => {
    const editor = editorRef.current
    const model = editor?.getModel()
    if (!editor || !model) return
    if (model.getValue() !== text) {
      model.setValue(text)
      editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 })
      editor.setSelection(new monaco.Selection(1, 1, 1, 1))
    }
    decorationsRef.current?.set(decorationsOf(model, notes, inline))
  }, [text, notes, inline])

  return <div ref={host} className="json-editor" data-testid="json-editor" />
}
