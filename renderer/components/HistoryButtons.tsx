// Back and Forward over the views the list showed (queries, time ranges, quick views: see
// state/query-history.ts), beside the filter bar, and Alt+← / Alt+→ anywhere in the window.
// In a browser Alt+← would leave the page (the browser's own Back): it is taken here instead.
import { useEffect } from 'react'
import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { canGoBack, canGoForward, goHistory, useQueryHistory } from '../state/query-history'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')
}

function useHistoryKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
      // On macOS Option+← moves the caret by a word in a text field: left to it there.
      if (isMac && isTextField(e.target)) return
      e.preventDefault()
      goHistory(e.key === 'ArrowLeft' ? -1 : 1)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

export function HistoryButtons() {
  const t = useT()
  const history = useQueryHistory((s) => s.history)
  useHistoryKeys()
  const back = canGoBack(history) ? history.steps[history.index - 1] : null
  const forward = canGoForward(history) ? history.steps[history.index + 1] : null
  const describe = (query: string | undefined): string => (query ? query : t.historyAllEvents)
  return (
    <div className="history-buttons" role="group" aria-label={t.historyLabel}>
      <button
        type="button"
        className="button history-buttons__button"
        disabled={!back}
        aria-label={t.historyBack}
        title={back ? formatMessage(t.historyBackTitle, { query: describe(back.query) }) : t.historyBack}
        data-testid="history-back"
        onClick={() => goHistory(-1)}
      >
        ←
      </button>
      <button
        type="button"
        className="button history-buttons__button"
        disabled={!forward}
        aria-label={t.historyForward}
        title={forward ? formatMessage(t.historyForwardTitle, { query: describe(forward.query) }) : t.historyForward}
        data-testid="history-forward"
        onClick={() => goHistory(1)}
      >
        →
      </button>
    </div>
  )
}
