// Asked when files are dropped or picked onto a loaded set: add them to this investigation, or
// start a new one (the loaded events are forgotten first). A modal dialog: Tab moves between the
// choices, Enter takes the focused one ("Add" has focus first: nothing is lost by it), Escape
// drops the files and changes nothing.
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { useT } from '../state/language-store'
import { answerLoadChoice, useLoadChoice } from '../state/load-choice'
import { Modal } from './Modal'

export function LoadChoiceDialog() {
  const t = useT()
  const asking = useLoadChoice((s) => s.asking)
  const names = asking?.names.slice(0, 3).join(', ') ?? ''
  const more = asking && asking.names.length > 3 ? asking.names.length - 3 : 0
  return (
    <Modal open={asking !== null} onClose={() => void answerLoadChoice(null)} title={t.loadChoiceTitle} closeLabel={t.clearCancel} className="load-choice" testId="load-choice">
      <div className="modal__content">
        <p>{formatMessage(t.loadChoiceBody, { n: formatCount(asking?.names.length ?? 0), loaded: formatCount(asking?.loaded ?? 0) })}</p>
        <p className="muted load-choice__files" data-testid="load-choice-files">
          {names}
          {more > 0 ? ` ${formatMessage(t.loadChoiceMore, { n: formatCount(more) })}` : ''}
        </p>
      </div>
      <div className="modal__footer">
        <span className="modal__spacer" />
        <button type="button" className="button" onClick={() => void answerLoadChoice(null)} data-testid="load-choice-cancel">
          {t.clearCancel}
        </button>
        <button type="button" className="button" onClick={() => void answerLoadChoice('new')} data-testid="load-choice-new">
          {t.loadChoiceNew}
        </button>
        <button type="button" className="button button--primary" data-autofocus onClick={() => void answerLoadChoice('add')} data-testid="load-choice-add">
          {t.loadChoiceAdd}
        </button>
      </div>
    </Modal>
  )
}
