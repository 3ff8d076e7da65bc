// A centred message for an empty list or viewer.
import { useViewSession } from '../session/session-react'
import { pickAndLoad } from '../state/actions'
import { useT } from '../state/language-store'
import { Logo } from './Logo'

interface Props {
  title: string
  body: string
  hint?: string
  showOpen?: boolean
  loading?: boolean
  testId?: string
}

export function EmptyState({ title, body, hint, showOpen, loading, testId }: Props) {
  const t = useT()
  const session = useViewSession()
  return (
    <div className={showOpen ? 'empty empty--drop' : 'empty'} data-testid={testId}>
      {loading ? <div className="spinner" aria-hidden="true" /> : showOpen ? <Logo size={44} /> : null}
      <div className="empty__title">{title}</div>
      {body ? <div className="empty__body">{body}</div> : null}
      {showOpen ? (
        <button type="button" className="button button--primary" onClick={() => pickAndLoad(session)}>
          {t.open}
        </button>
      ) : null}
      {hint ? <div className="empty__hint">{hint}</div> : null}
    </div>
  )
}
