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
import { decorationsOf } from './json-decorations'
import { eventKind, placeAt, ScrollMemory } from './scroll-memory'
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

export function JsonEditor({ text, pretty, notes, embedded, inline, ariaLabel, t, actions, onCursorValue }: Props) {
  const host = useRef<HTMLDivElement | null>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const decorationsRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null)
  // The latest props, for the editor's long-lived callbacks.
  const latest = useRef({ pretty, actions, onCursorValue, embedded, t })
  latest.current = { pretty, actions, onCursorValue, embedded, t }
  // Where each kind of event was scrolled to; set while a new event is put in (its scrolls are ours).
  const memory = useRef(new ScrollMemory())
  const restoring = useRef(false)
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
    // The reader's scrolling is remembered for the event's kind, as the path on the top line.
    const scroll = editor.onDidScrollChange((e) => {
      const current = latest.current.pretty
      const kind = eventKind(current)
      if (restoring.current || !e.scrollTopChanged || !current || kind === null) return
      const top = editor.getVisibleRanges()[0]?.startLineNumber
      if (top === undefined) return
      memory.current.remember(kind, placeAt(current, top, e.scrollTop - editor.getTopForLineNumber(top)))
    })
    return () => {
      scroll.dispose()
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
    if (model.getValue() === text) {
      decorationsRef.current?.set(decorationsOf(model, notes, inline))
      return
    }
    restoring.current = true
    model.setValue(text)
    editor.setSelection(new monaco.Selection(1, 1, 1, 1))
    // Notes (which wrap) and decoded strings first: they move the lines below them.
    decorationsRef.current?.set(decorationsOf(model, notes, inline))
    showEmbeddedZones(editor, latest.current.embedded, latest.current.t, LINE_HEIGHT, true)
    // An event of a kind read before opens at the field that one was scrolled to.
    const place = pretty ? memory.current.recall(eventKind(pretty), pretty) : null
    const scrollTop = place ? editor.getTopForLineNumber(place.line) + place.offset : 0
    editor.setScrollPosition({ scrollTop, scrollLeft: 0 }, monaco.editor.ScrollType.Immediate)
    restoring.current = false
  }, [text, notes, inline, pretty])

  // The language changed, or the children of the event shown (not built again for a new event:
  // the effect above just did, before it restored the scroll they move).
  useEffect(() => {
    const editor = editorRef.current
    if (editor) showEmbeddedZones(editor, embedded, t, LINE_HEIGHT)
  }, [embedded, t])

  return <div ref={host} className="json-editor" data-testid="json-editor" />
}
