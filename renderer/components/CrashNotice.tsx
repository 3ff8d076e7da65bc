// "The window stopped unexpectedly and was reloaded": shown once after main reloaded a crashed
// renderer (the loaded events live in main and are all still there).
import { useState } from 'react'
import { crashReasonText, formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { takeCrashNotice } from '../state/crash-notice'

/** Taken at start-up, before anything could change the address. */
const reasonAtLoad = takeCrashNotice(window.location, window.history)

export function CrashNotice() {
  const t = useT()
  const [reason, setReason] = useState(reasonAtLoad)
  if (reason === null) return null
  return (
    <div className="export-notice export-notice--error" role="alert" data-testid="crash-notice">
      <span className="export-notice__text">{formatMessage(t.rendererCrashed, { reason: crashReasonText(reason, t) })}</span>
      <button type="button" className="icon-button" aria-label={t.noticeDismiss} title={t.noticeDismiss} onClick={() => setReason(null)}>
        ×
      </button>
    </div>
  )
}
