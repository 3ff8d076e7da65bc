// Under the list while more than one event is selected (Ctrl/Cmd-click, Shift-click, Ctrl/Cmd-A):
// how many, how many of them the current filter hides (they stay selected), Copy, Export, Clear.
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { useSessionState, useViewSession } from '../session/session-react'
import { isMultiSelection, selectionSize } from '../session/session-state'
import { useT } from '../state/language-store'

export function SelectionStatus() {
  const t = useT()
  const { copySelection, openExportDialog, collapseSelection } = useViewSession()
  const multi = useSessionState(isMultiSelection)
  // countHidden's exact figures once they arrive; what the renderer knows until then.
  const selected = useSessionState((s) => s.counts?.selected ?? selectionSize(s))
  const hidden = useSessionState((s) => s.counts?.hidden ?? 0)
  if (!multi) return null
  return (
    <div className="selection-status" role="status" data-testid="selection-status">
      <span className="selection-status__count" data-testid="selection-count">
        {formatMessage(t.selectionCount, { n: formatCount(selected) })}
      </span>
      {hidden > 0 ? (
        <span className="selection-status__hidden" data-testid="selection-hidden">
          {formatMessage(t.selectionHidden, { n: formatCount(hidden) })}
        </span>
      ) : null}
      <span className="selection-status__spacer" />
      <button type="button" className="button button--small" title={t.copyButtonTitle} onClick={() => void copySelection()} data-testid="copy-selection">
        {t.copyButton}
      </button>
      <button type="button" className="button button--small" title={t.exportButtonTitle} onClick={openExportDialog} data-testid="export-selection">
        {t.exportButton}
      </button>
      <button type="button" className="button button--small button--quiet" onClick={collapseSelection} data-testid="selection-status-clear">
        {t.selectionClear}
      </button>
    </div>
  )
}
