// Clear, asked first: the loaded events are the investigation, and dropping them cannot be undone
// (the files would have to be read again). Enter or "Clear" confirms; Escape or a press outside cancels.
import { useCallback, useEffect, useRef, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { useViewSession } from '../session/session-react'
import { clearAll } from '../state/actions'
import { useT } from '../state/language-store'
import { useDismiss } from './use-dismiss'

export function ClearButton({ total }: { total: number }) {
  const t = useT()
  const session = useViewSession()
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement | null>(null)
  const button = useRef<HTMLButtonElement | null>(null)
  const confirm = useRef<HTMLButtonElement | null>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(box, open, close, button)
  useEffect(() => {
    if (open) confirm.current?.focus()
  }, [open])
  return (
    <div className="popover-anchor" ref={box}>
      <button ref={button} type="button" className="button" title={t.clearTitle} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="clear-button">
        {t.clear}
      </button>
      {open ? (
        <div className="popover clear-confirm" role="alertdialog" aria-label={t.clear} data-testid="clear-popover">
          <p className="clear-confirm__text">{formatMessage(t.clearConfirm, { n: formatCount(total) })}</p>
          <div className="clear-confirm__buttons">
            <button
              ref={confirm}
              type="button"
              className="button button--danger"
              data-testid="clear-confirm"
              onClick={() => {
                setOpen(false)
                void clearAll(session)
              }}
            >
              {t.clear}
            </button>
            <button type="button" className="button" data-testid="clear-cancel" onClick={close}>
              {t.clearCancel}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
