// Notices above the viewer's JSON for what the loader found odd about this event: another,
// different event with its eventID and account, or an eventTime that is not a zoned instant.

import type { EventDetail } from '../../common/event-row'
import { useT } from '../state/language-store'

export function EventNotices({ detail }: { detail: EventDetail }) {
  const t = useT()
  if (!detail.idCollision && !detail.noTime) return null
  return (
    <div className="viewer__notices" role="note">
      {detail.idCollision ? <p className="viewer__notice" data-testid="viewer-id-collision">{t.viewerIdCollision}</p> : null}
      {detail.noTime ? <p className="viewer__notice" data-testid="viewer-no-time">{t.viewerNoTime}</p> : null}
    </div>
  )
}
