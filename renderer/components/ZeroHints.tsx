// Under "No events match": why, when the filter text says, with the suggested query one click away.
import { formatMessage } from '../../common/i18n'
import { replaceQuery } from '../state/find-store'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { zeroHints } from '../state/zero-hints'

export function ZeroHints() {
  const t = useT()
  const query = useSessionState((s) => s.query)
  const hints = zeroHints(query)
  if (hints.length === 0) return null
  return (
    <ul className="zero-hints" data-testid="zero-hints">
      {hints.map((hint) => (
        <li key={hint.kind} data-testid={`zero-hint-${hint.kind}`}>
          {hint.kind === 'useColon' ? formatMessage(t.zeroUseColon, { field: hint.field }) : formatMessage(t.zeroPrefix, { field: hint.field, value: hint.value })}{' '}
          <button type="button" className="link-button zero-hints__try" data-testid={`zero-try-${hint.kind}`} onClick={() => replaceQuery(hint.suggestion)}>
            <code>{hint.suggestion}</code>
          </button>
        </li>
      ))}
    </ul>
  )
}
