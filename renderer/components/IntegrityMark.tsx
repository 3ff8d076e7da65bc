// The marker on an event whose file is not valid against the loaded digests (list rows and the
// viewer). Renders nothing for valid events, or when no digest is loaded.
import { useEffect } from 'react'
import { useT } from '../state/language-store'
import { useIntegrity, wantMark } from '../state/integrity-store'
import { integrityStatusLabel } from './integrity-labels'

export function IntegrityMark({ id, large = false }: { id: number | undefined; large?: boolean }) {
  const t = useT()
  const status = useIntegrity((s) => (id === undefined ? undefined : s.marks.get(id)))
  useEffect(() => {
    if (id !== undefined && status === undefined) wantMark(id)
  }, [id, status])
  if (id === undefined || status === undefined || status === 'ok') return null
  const label = integrityStatusLabel(t, status)
  return (
    <span className={`integrity-mark integrity-mark--${status}${large ? ' integrity-mark--large' : ''}`} title={`${t.integrityMarkTitle}: ${label}`} data-testid="integrity-mark" data-status={status}>
      {large ? label : '!'}
    </span>
  )
}
