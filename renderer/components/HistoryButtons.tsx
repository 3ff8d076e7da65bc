// Back and Forward over the views the list showed (queries, time ranges, quick views: see
// state/query-history.ts), beside the filter bar, and Alt+← / Alt+→ anywhere in the window.
// In a browser Alt+← would leave the page (the browser's own Back): it is taken here instead.
import { useEffect } from 'react'
import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { canGoBack, canGoForward, goHistory, useQueryHistory } from '../state/query-history'
import { isModalOpen, isTextField } from '../state/focus'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

function useHistoryKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
      // On macOS Option+← moves the caret by a word in a text field: left to it there.
      if (isMac && isTextField(e.target)) return
      e.preventDefault() // still taken in a dialog: the browser's Back would leave the page
      // Behind an open dialog the view stays: the Export dialog exports the set it was opened on.
      if (isModalOpen()) return
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
  const button = (step: typeof back, delta: -1 | 1) => {
    const [label, title, testId, arrow] = delta < 0 ? [t.historyBack, t.historyBackTitle, 'history-back', '←'] : [t.historyForward, t.historyForwardTitle, 'history-forward', '→']
    return (
      <button
        type="button"
        className="button history-buttons__button"
        disabled={!step}
        aria-label={label}
        title={step ? formatMessage(title, { query: describe(step.query) }) : label}
        data-testid={testId}
        onClick={() => goHistory(delta)}
      >
        {arrow}
      </button>
    )
  }
  return (
    <div className="history-buttons" role="group" aria-label={t.historyLabel}>
      {button(back, -1)}
      {button(forward, 1)}
    </div>
  )
}
