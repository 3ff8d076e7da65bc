// A small mark at the start of a list row for an event kept despite sharing its eventID and
// account with a different event, so the analyst sees the twin before trusting either.

import type { EventRow } from '../../common/event-row'
import { useT } from '../state/language-store'

export function RowMarker({ row }: { row: EventRow }) {
  const t = useT()
  if (!row.idCollision) return null
  return (
    <span className="row-marker row-marker--collision" title={t.idCollisionMarkerTitle} aria-label={t.idCollisionMarkerTitle} data-testid="row-id-collision">
      ≠
    </span>
  )
}
