// The load summary's anomalies beside the counts: events kept although they share an eventID
// with a different event, and events without a valid time. Shown only when there are some.

import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { useLoad } from '../state/load-store'
import { formatCount } from '../format/format'

export function LoadAnomalies() {
  const t = useT()
  const idCollisions = useLoad((s) => s.progress?.idCollisions ?? 0)
  const noTime = useLoad((s) => s.progress?.noTime ?? 0)
  if (idCollisions === 0 && noTime === 0) return null
  return (
    <span className="load-anomalies" data-testid="load-anomalies">
      {idCollisions > 0 ? (
        <span className="load-anomalies__item" title={t.loadIdCollisionsTitle} data-testid="load-id-collisions">
          {formatMessage(t.loadIdCollisions, { n: formatCount(idCollisions) })}
        </span>
      ) : null}
      {noTime > 0 ? (
        <span className="load-anomalies__item" title={t.loadNoTimeTitle} data-testid="load-no-time">
          {formatMessage(t.loadNoTime, { n: formatCount(noTime) })}
        </span>
      ) : null}
    </span>
  )
}
