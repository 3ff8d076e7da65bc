// The one Monaco editor of the viewer: read-only, created imperatively once when this component
// mounts and disposed when it unmounts (as Electron Fiddle does). Its model holds one
// pretty-printed event at a time; notes come in as decorations (inline after the line, in full on
// hover), and value actions (filter by / hide this value, copy value, path or event, name an
// account) are in its context menu (right-click, or Shift+F10 / the Menu key). Escape goes back
// to the list.
import { addColumnForPath } from '../state/column-actions'
import { useEffect, useRef } from 'react'
import { isDocsUrl } from '../../common/decode/doc-links'
import type { Messages } from '../../common/i18n'
import { focusList, registerViewerFocus } from '../state/focus'
import { currentTheme, monaco } from './monaco-setup'
import type { LineNote } from './annotate'
import type { EmbeddedChild } from './embedded-children'
import { showEmbeddedZones } from './embedded-zones'
import { openDocLink } from './open-link'
import type { PrettyJson } from './pretty-json'
import { accountIn, clauseFor, valueAtLine, type ValueAt } from './value-actions'

/** What the value actions do; the viewer supplies them. */
export interface ValueActions {
  filter(clause: string): void
  copy(text: string, what: 'value' | 'path' | 'event'): void
  nameAccount(account: string): void
  valueText(value: ValueAt): string
  eventText(): string
}

interface Props {
  text: string
  pretty: PrettyJson | null
  notes: LineNote[]
  /** Strings that hold JSON: shown decoded below their line (display only). */
  embedded: readonly EmbeddedChild[]
  /** Show the notes inline after each line (hovers are there either way). */
  inline: boolean
  ariaLabel: string
  t: Messages
  actions: ValueActions
  /** The value at the cursor changed (null: none). */
  onCursorValue(value: ValueAt | null): void
}

// Hover links (the API reference of the action...) open only through openDocLink.
monaco.editor.registerLinkOpener({
  open(resource) {
    const url = resource.toString(true)
    if (!/^https?:/i.test(url)) return false
    if (isDocsUrl(url)) openDocLink(url)
    return true // handled (anything else is not opened at all)
  },
})

const LINE_HEIGHT = 20

const NOTE_CLASS: Record<LineNote['kind'], string> = {
  field: 'json-note',
  warn: 'json-note json-note--warn',
  error: 'json-note json-note--error',
}

function decorationsOf(model: monaco.editor.ITextModel, notes: LineNote[], inline: boolean): monaco.editor.IModelDeltaDecoration[] {
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

export function JsonEditor({ text, pretty, notes, embedded, inline, ariaLabel, t, actions, onCursorValue }: Props) {
  const host = useRef<HTMLDivElement | null>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const decorationsRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null)
  // The latest props, for the editor's long-lived callbacks.
  const latest = useRef({ pretty, actions, onCursorValue })
  latest.current = { pretty, actions, onCursorValue }
  const hasValue = useRef<monaco.editor.IContextKey<boolean> | null>(null)
  const hasAccount = useRef<monaco.editor.IContextKey<boolean> | null>(null)

  const valueAtCursor = (): ValueAt | null => {
    const editor = editorRef.current
    const position = editor?.getPosition()
    const current = latest.current.pretty
    if (!editor || !position || !current) return null
    return valueAtLine(current, position.lineNumber)
  }

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
      lineHeight: LINE_HEIGHT,
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
      hover: { delay: 200, sticky: true },
      guides: { indentation: true },
      contextmenu: true,
      // Tab leaves the (read-only) editor, for keyboard use.
      tabFocusMode: true,
    })
    editorRef.current = editor
    decorationsRef.current = editor.createDecorationsCollection()
    hasValue.current = editor.createContextKey('ashiatoHasValue', false)
    hasAccount.current = editor.createContextKey('ashiatoHasAccount', false)
    registerViewerFocus(() => {
      editor.focus()
      if (!editor.getPosition()) editor.setPosition({ lineNumber: 1, column: 1 })
    })
    // Escape goes back to the list (unless Monaco's own find widget or a hover wants it).
    editor.addCommand(monaco.KeyCode.Escape, () => focusList(), '!findWidgetVisible && !editorHoverVisible')
    const cursor = editor.onDidChangeCursorPosition(() => {
      const value = valueAtCursor()
      hasValue.current?.set(value !== null)
      hasAccount.current?.set(value !== null && accountIn(value) !== null)
      latest.current.onCursorValue(value)
    })
    return () => {
      cursor.dispose()
      registerViewerFocus(null)
      decorationsRef.current = null
      editorRef.current = null
      editor.dispose()
      model.dispose()
    }
    // The editor is made once; later props are applied by the effects below.
  }, [])

  // The context menu's actions, in the UI's language (registered again when it changes).
  useEffect(() => {
    const editor = editorRef.current
    if (!editor) return
    const run = (f: (value: ValueAt) => void) => () => {
      const value = valueAtCursor()
      if (value) f(value)
    }
    const disposables = [
      editor.addAction({
        id: 'ashiato.filterValue',
        label: t.viewerActionFilter,
        contextMenuGroupId: '1_ashiato_filter',
        contextMenuOrder: 1,
        precondition: 'ashiatoHasValue',
        run: run((value) => {
          const clause = clauseFor(value, false)
          if (clause) latest.current.actions.filter(clause)
        }),
      }),
      editor.addAction({
        id: 'ashiato.excludeValue',
        label: t.viewerActionExclude,
        contextMenuGroupId: '1_ashiato_filter',
        contextMenuOrder: 2,
        precondition: 'ashiatoHasValue',
        run: run((value) => {
          const clause = clauseFor(value, true)
          if (clause) latest.current.actions.filter(clause)
        }),
      }),
      editor.addAction({
        id: 'ashiato.copyValue',
        label: t.viewerActionCopyValue,
        contextMenuGroupId: '2_ashiato_copy',
        contextMenuOrder: 1,
        precondition: 'ashiatoHasValue',
        run: run((value) => latest.current.actions.copy(latest.current.actions.valueText(value), 'value')),
      }),
      editor.addAction({
        id: 'ashiato.copyPath',
        label: t.viewerActionCopyPath,
        contextMenuGroupId: '2_ashiato_copy',
        contextMenuOrder: 2,
        precondition: 'ashiatoHasValue',
        run: run((value) => latest.current.actions.copy(value.path, 'path')),
      }),
      editor.addAction({
        id: 'ashiato.addColumn',
        label: t.addAsColumn,
        contextMenuGroupId: '2_ashiato_copy',
        contextMenuOrder: 4,
        precondition: 'ashiatoHasValue',
        run: run((value) => void addColumnForPath(value.path)),
      }),
      editor.addAction({
        id: 'ashiato.copyEvent',
        label: t.viewerActionCopyEvent,
        contextMenuGroupId: '2_ashiato_copy',
        contextMenuOrder: 3,
        run: () => latest.current.actions.copy(latest.current.actions.eventText(), 'event'),
      }),
      editor.addAction({
        id: 'ashiato.nameAccount',
        label: t.viewerActionNameAccount,
        contextMenuGroupId: '3_ashiato_account',
        contextMenuOrder: 1,
        precondition: 'ashiatoHasAccount',
        run: run((value) => {
          const account = accountIn(value)
          if (account) latest.current.actions.nameAccount(account)
        }),
      }),
    ]
    return () => disposables.forEach((d) => d.dispose())
  }, [t])

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel })
  }, [ariaLabel])

  useEffect(() => {
    const editor = editorRef.current
    const model = editor?.getModel()
    if (!editor || !model) return
    // Text the pretty printer gave up on (not JSON, or nested too deep) is plain text: the JSON
    // worker, folding and bracket matching would otherwise chew on 100,000 levels.
    const language = pretty && !pretty.ok ? 'plaintext' : 'json'
    if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language)
    if (model.getValue() !== text) {
      model.setValue(text)
      editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 })
      editor.setSelection(new monaco.Selection(1, 1, 1, 1))
    }
    decorationsRef.current?.set(decorationsOf(model, notes, inline))
  }, [text, notes, inline, pretty])

  useEffect(() => {
    const editor = editorRef.current
    if (editor) showEmbeddedZones(editor, embedded, t, LINE_HEIGHT)
  }, [embedded, t])

  return <div ref={host} className="json-editor" data-testid="json-editor" />
}
