// Compare 2 to 5 events side by side in Monaco's diff editor (read-only). The events are in time
// order, whatever order they were selected in: the oldest is the base, on the left, so a diff
// reads as "what changed since"; with more than two, tabs pick which later event it is compared
// with. The shared Modal frame (focus inside, Escape, one look); closing gives focus back to the
// list.
import { useEffect, useMemo, useRef, useState } from 'react'
import { formatInstant, parseZonedInstant } from '../../common/time'
import { formatMessage } from '../../common/i18n'
import { getApi } from '../api/get-api'
import { focusList } from '../state/focus'
import { useLanguage, useT } from '../state/language-store'
import { useTimeZone } from '../state/time-zone'
import { Modal } from '../components/Modal'
import { closeCompare, useCompare } from './compare-store'
import { currentTheme, monaco } from './monaco-setup'
import { prettyJson, stringValue } from './pretty-json'

interface Loaded {
  id: number
  text: string
  name: string
  time: number | null
}

function loadedOf(id: number, json: string): Loaded {
  const pretty = prettyJson(json)
  const timeText = stringValue(pretty.values.get('eventTime'))
  return { id, text: pretty.text, name: stringValue(pretty.values.get('eventName')) ?? `#${id}`, time: timeText ? parseZonedInstant(timeText) : null }
}

/** Oldest first; events without a readable time go last, in selection order (the sort is stable). */
function byTime(events: readonly Loaded[]): Loaded[] {
  return [...events].sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity))
}

function DiffPane({ base, other, hideUnchanged, inline }: { base: Loaded; other: Loaded; hideUnchanged: boolean; inline: boolean }) {
  const host = useRef<HTMLDivElement | null>(null)
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null)

  useEffect(() => {
    const element = host.current
    if (!element) return
    const editor = monaco.editor.createDiffEditor(element, {
      theme: currentTheme(),
      readOnly: true,
      originalEditable: false,
      domReadOnly: true,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      lineHeight: 20,
      wordWrap: 'on',
      diffWordWrap: 'on',
      renderOverviewRuler: true,
      contextmenu: false,
      ignoreTrimWhitespace: false,
      tabFocusMode: true,
    })
    editorRef.current = editor
    return () => {
      const model = editor.getModel()
      editor.dispose()
      disposeLater(model)
      editorRef.current = null
    }
  }, [])

  useEffect(() => {
    editorRef.current?.updateOptions({ hideUnchangedRegions: { enabled: hideUnchanged, contextLineCount: 2, minimumLineCount: 4 }, renderSideBySide: !inline })
  }, [hideUnchanged, inline])

  useEffect(() => {
    const editor = editorRef.current
    if (!editor) return
    const previous = editor.getModel()
    editor.setModel({ original: monaco.editor.createModel(base.text, 'json'), modified: monaco.editor.createModel(other.text, 'json') })
    disposeLater(previous)
  }, [base, other])

  return <div ref={host} className="compare__editor" data-testid="diff-editor" />
}

/**
 * Disposes a diff's models once a diff the editor may still be computing for them has answered:
 * disposed at once, the worker finds no models and Monaco rejects with "no diff result available"
 * as an uncaught page error (closing the dialog right after opening it did).
 */
function disposeLater(model: monaco.editor.IDiffEditorModel | null): void {
  if (!model) return
  setTimeout(() => {
    model.original.dispose()
    model.modified.dispose()
  }, MODEL_DISPOSE_DELAY_MS)
}

const MODEL_DISPOSE_DELAY_MS = 5_000

function CompareDialog({ ids }: { ids: number[] }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  const [events, setEvents] = useState<Loaded[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tab, setTab] = useState(1)
  const [hideUnchanged, setHideUnchanged] = useState(true)
  const [inline, setInline] = useState(false)

  useEffect(() => {
    let live = true
    Promise.all(ids.map((id) => getApi().getEvent(id).then((detail) => loadedOf(id, detail.json)))).then(
      (loaded) => live && setEvents(byTime(loaded)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [ids])

  // Escape closes even from inside the diff editor, which keeps Escape keys for itself (the
  // dialog's own `cancel` does not come then).
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      closeCompare()
    }
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [])

  const label = (e: Loaded, letter: string): string => `${letter} · ${e.name}${e.time !== null ? ` · ${formatInstant(e.time, zone, language)}` : ''}`
  const letters = 'ABCDE'
  const pairs = useMemo(() => (events ? events.slice(1).map((other, i) => ({ index: i + 1, other })) : []), [events])
  const current = events && events[Math.min(tab, events.length - 1)]

  return (
    <Modal open onClose={closeCompare} title={t.compareTitle} closeLabel={t.compareClose} closeTestId="compare-close" className="compare" testId="compare-dialog" restoreFocus={focusList}>
      <div className="compare__header">
        {pairs.length > 1 ? (
          <div className="compare__tabs" role="tablist" aria-label={t.compareBase}>
            {pairs.map(({ index }) => (
              <button
                key={index}
                type="button"
                role="tab"
                aria-selected={tab === index}
                className={tab === index ? 'compare__tab is-active' : 'compare__tab'}
                data-testid="compare-tab"
                onClick={() => setTab(index)}
              >
                {formatMessage(t.comparePair, { a: 'A', b: letters[index] })}
              </button>
            ))}
          </div>
        ) : null}
        <span className="modal__spacer" />
        <label className="toggle">
          <input type="checkbox" checked={hideUnchanged} onChange={(e) => setHideUnchanged(e.target.checked)} />
          <span>{t.compareHideUnchanged}</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} />
          <span>{t.compareInline}</span>
        </label>
      </div>
      {events && current ? (
        <>
          <div className="compare__sides">
            <span className="compare__side" data-testid="compare-base" data-time={events[0].time ?? undefined}>
              {label(events[0], 'A')}
            </span>
            <span className="compare__side" data-testid="compare-other" data-time={current.time ?? undefined}>
              {label(current, letters[events.indexOf(current)])}
            </span>
          </div>
          <DiffPane base={events[0]} other={current} hideUnchanged={hideUnchanged} inline={inline} />
        </>
      ) : (
        <div className="compare__status">{error ? formatMessage(t.compareError, { message: error }) : t.compareLoading}</div>
      )}
    </Modal>
  )
}

/** Renders the compare dialog when it is open (once, in App). */
export function CompareHost() {
  const ids = useCompare((s) => s.ids)
  return ids ? <CompareDialog key={ids.join(',')} ids={ids} /> : null
}
