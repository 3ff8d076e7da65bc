// Under the list while more than one event is selected (Ctrl/Cmd-click, Shift-click, Ctrl/Cmd-A):
// how many, how many of them the current filter hides (they stay selected), Copy, Export, Clear.
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { copySelection, openExportDialog, useExport } from '../state/export-store'
import { useT } from '../state/language-store'
import { collapseSelection, selectionSize, useSelection } from '../state/selection'

export function SelectionStatus() {
  const t = useT()
  const ids = useSelection((s) => s.ids)
  const all = useSelection((s) => s.all)
  const counts = useExport((s) => s.counts)
  if (!all && ids.length < 2) return null
  const selected = counts?.selected ?? selectionSize()
  const hidden = counts?.hidden ?? 0
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
