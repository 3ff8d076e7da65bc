// The level marker on an event that matched a detection rule (list rows), and the level badge
// the panel and the viewer share. Renders nothing for events no rule matched.
import { useEffect } from 'react'
import type { DetectionLevel } from '../../common/detections'
import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { useDetections, wantLevel } from '../state/detections-store'
import type { Messages } from '../../common/i18n'

export function levelLabel(t: Messages, level: DetectionLevel): string {
  const labels: Record<DetectionLevel, string> = {
    informational: t.levelInformational,
    low: t.levelLow,
    medium: t.levelMedium,
    high: t.levelHigh,
    critical: t.levelCritical,
  }
  return labels[level]
}

export function LevelBadge({ level }: { level: DetectionLevel }) {
  const t = useT()
  return (
    <span className={`level-badge level-badge--${level}`} data-testid="level-badge" data-level={level}>
      {levelLabel(t, level)}
    </span>
  )
}

export function DetectionMark({ id }: { id: number | undefined }) {
  const t = useT()
  const level = useDetections((s) => (id === undefined ? undefined : s.marks.get(id)))
  useEffect(() => {
    if (id !== undefined && level === undefined) wantLevel(id)
  }, [id, level])
  if (id === undefined || level === undefined || level === 'none') return null
  const title = formatMessage(t.detectionMarkTitle, { level: levelLabel(t, level) })
  // The letter is drawn by CSS (data-short): the row's cell text stays the value it shows (copy, find, tests).
  return <span className={`detection-mark level-badge--${level}`} role="img" aria-label={title} title={title} data-short={levelLabel(t, level)[0]} data-testid="detection-mark" data-level={level} />
}
