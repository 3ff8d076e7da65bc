// Monaco, bundled locally: the editor API, the JSON language and the few editor features a
// read-only viewer uses (not editor.main, which pulls in every language and feature), with its
// workers built by Vite from `?worker` imports. Nothing is fetched from a CDN, so the page's CSP
// can stay 'self'. (monaco-editor 0.57's package exports map `monaco-editor/X` to esm/vs/X.js.)
import * as monaco from 'monaco-editor/editor/editor.api'
import 'monaco-editor/language/json/monaco.contribution'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/unicodeHighlighter/register'
import 'monaco-editor/features/readOnlyMessage/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/features/smartSelect/register'
import 'monaco-editor/features/lineSelection/register'
import 'monaco-editor/features/cursorUndo/register'
// Services some editor contributions ask for (the diff editor's breadcrumbs, code lens, suggest
// memory, drag-and-drop) that no feature above registers: without them Monaco throws
// "depends on UNKNOWN service IOutlineModelService" (and the like) as uncaught page errors.
import 'monaco-editor/editor/contrib/documentSymbols/browser/outlineModel'
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache'
import 'monaco-editor/editor/contrib/suggest/browser/suggestMemory'
import 'monaco-editor/editor/common/services/treeViewsDndService'
// The editor's context menu keeps Ashiato's actions only.
import './monaco-menu'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment
  }
}

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  },
}

export const LIGHT_THEME = 'ashiato-light'
export const DARK_THEME = 'ashiato-dark'

monaco.editor.defineTheme(LIGHT_THEME, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#a0a7b4',
    'editorLineNumber.activeForeground': '#a0a7b4',
    'editorGutter.background': '#ffffff',
    'editor.lineHighlightBackground': '#f3f6fb',
    'editor.lineHighlightBorder': '#00000000',
  },
})
monaco.editor.defineTheme(DARK_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#181a1f',
    'editorLineNumber.foreground': '#5c6370',
    'editorLineNumber.activeForeground': '#5c6370',
    'editorGutter.background': '#181a1f',
    'editor.lineHighlightBackground': '#21252b',
    'editor.lineHighlightBorder': '#00000000',
  },
})

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)')

/** The Monaco theme for the OS's light or dark mode. */
export function currentTheme(): string {
  return darkQuery.matches ? DARK_THEME : LIGHT_THEME
}

// Monaco has one theme for all editors: follow the OS as it changes.
darkQuery.addEventListener('change', () => monaco.editor.setTheme(currentTheme()))

export { monaco }
