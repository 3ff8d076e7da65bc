// The filter bar's completions as you type: field names (the short names, then every path seen
// in the loaded set) and, after `field:`, the field's values in the events shown, most frequent
// first (getFacetValues over the view shown when the value was begun: the typing pauses run the
// half-typed query, whose view may well be empty; a view of its own would supersede the list's).
// ↑/↓ choose, Tab or Enter take the chosen one (Tab
// the first when none is), Escape closes; a click takes one. The logic is completion-logic.ts.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useSessionState } from '../session/session-react'
import { applyChoice, completionContext, fieldSuggestions, valueField, valueSuggestions, type CompletionContext } from '../state/completion-logic'
import { loadCatalogue } from '../state/field-values'
import { editQuery } from '../state/find-store'
import { fetchFacetValues } from '../state/insights-store'

/** Typing pauses this long before values are asked from main. */
const VALUE_DELAY_MS = 120
/** Values asked for (the most frequent; those starting with the text come first). */
const VALUES_ASKED = 50

interface Open {
  context: CompletionContext
  items: string[]
}

export interface FilterCompletion {
  /** The filter text or caret changed (typing, a click in the text). */
  update(text: string, caret: number): void
  /** A key in the filter bar: true when the completions took it. */
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): boolean
  close(): void
  list: React.ReactNode
  /** For the input's aria-activedescendant / aria-expanded. */
  activeId: string | undefined
  expanded: boolean
}

export function useFilterCompletion(input: RefObject<HTMLInputElement | null>): FilterCompletion {
  const viewId = useSessionState((s) => s.info?.viewId)
  const [open, setOpen] = useState<Open | null>(null)
  const [active, setActive] = useState(-1)
  const asked = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const caretAfter = useRef<number | null>(null)
  // The view values are asked over, per value being typed ("field@offset").
  const base = useRef<{ key: string; viewId: number } | null>(null)

  const close = useCallback(() => {
    asked.current++
    clearTimeout(timer.current)
    setOpen(null)
    setActive(-1)
  }, [])

  const show = (request: number, context: CompletionContext, items: string[]): void => {
    if (request !== asked.current) return // a newer keystroke asked since
    setOpen(items.length > 0 ? { context, items } : null)
    setActive(-1)
  }

  const update = (text: string, caret: number): void => {
    const request = ++asked.current
    clearTimeout(timer.current)
    const context = completionContext(text, caret)
    if (!context) {
      setOpen(null)
      setActive(-1)
      return
    }
    if (context.kind === 'field') {
      void loadCatalogue().then((catalogue) => show(request, context, fieldSuggestions(context.prefix, catalogue?.fields.map((f) => f.path) ?? [])))
      return
    }
    const field = valueField(context.field)
    if (field === null || viewId === undefined) {
      show(request, context, [])
      return
    }
    const key = `${context.field}@${context.start}`
    if (base.current?.key !== key) base.current = { key, viewId }
    const ask = (over: number) => fetchFacetValues({ viewId: over, field, search: context.prefix, limit: VALUES_ASKED })
    const begun = base.current.viewId
    timer.current = setTimeout(() => {
      // The view the value was begun over may have been forgotten (main keeps a few): the one shown then.
      ask(begun)
        .catch(() => ask(viewId))
        .then(
          (result) => show(request, context, valueSuggestions(context.prefix, result.values.map((v) => v.value))),
          () => show(request, context, []), // an unknown field: nothing to offer
        )
    }, VALUE_DELAY_MS)
  }

  const take = (choice: string): void => {
    const element = input.current
    if (!open || !element) return
    const next = applyChoice(element.value, open.context, choice)
    caretAfter.current = next.caret
    editQuery(next.text)
    close()
    // A field chosen: its values come next.
    if (open.context.kind === 'field') update(next.text, next.caret)
  }

  // The caret goes after what was put in, once React has written the new text.
  useEffect(() => {
    const element = input.current
    if (caretAfter.current === null || !element) return
    element.setSelectionRange(caretAfter.current, caretAfter.current)
    caretAfter.current = null
  })

  useEffect(() => () => clearTimeout(timer.current), [])

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    if (!open) return false
    const n = open.items.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1))
      return true
    }
    if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault()
      take(open.items[Math.max(0, active)])
      return true
    }
    if (e.key === 'Enter' && active >= 0) {
      e.preventDefault()
      take(open.items[active])
      return true
    }
    if (e.key === 'Escape') {
      e.preventDefault()
      close()
      return true
    }
    return false
  }

  const list = open ? (
    <ul className="completions" role="listbox" id="filter-completions" data-testid="completions">
      {open.items.map((item, i) => (
        <li
          key={item}
          id={`filter-completion-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'completions__item is-active' : 'completions__item'}
          data-testid="completion"
          // mousedown, not click: the input keeps the focus (a click would blur it and close the list).
          onMouseDown={(e) => {
            e.preventDefault()
            take(item)
          }}
          onMouseEnter={() => setActive(i)}
        >
          {open.context.kind === 'field' ? `${item}:` : item}
        </li>
      ))}
    </ul>
  ) : null

  return { update, onKeyDown, close, list, activeId: open && active >= 0 ? `filter-completion-${active}` : undefined, expanded: open !== null }
}
