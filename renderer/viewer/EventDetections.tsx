// The viewer's section on the rules the event matched: title, level, description, AUTHOR (the
// DRL 1.1 asks for it with every match), references and known false positives. References to
// the AWS documentation open on request through the app's link path (open-link.ts); any other
// address is shown as text to copy, never opened by the app.
import { useEffect, useState } from 'react'
import type { RuleDetail } from '../../common/detections'
import { isDocsUrl } from '../../common/decode/doc-links'
import { formatMessage } from '../../common/i18n'
import { getApi } from '../api/get-api'
import { useT } from '../state/language-store'
import { showRuleEvents, useDetections } from '../state/detections-store'
import { LevelBadge } from '../components/DetectionMark'
import { linksOpenInShell, openDocLink } from './open-link'

function Reference({ url }: { url: string }) {
  const t = useT()
  if (!isDocsUrl(url)) {
    return (
      <li>
        <span className="event-detections__url" data-testid="detection-reference">
          {url}
        </span>{' '}
        <button type="button" className="button button--small button--quiet" onClick={() => void navigator.clipboard?.writeText(url).catch(() => undefined)}>
          {t.detectionCopyLink}
        </button>
      </li>
    )
  }
  return (
    <li>
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="detection-reference"
        onClick={(e) => {
          if (!linksOpenInShell()) return // the browser opens it in a new tab
          e.preventDefault()
          openDocLink(url)
        }}
      >
        {url}
      </a>
    </li>
  )
}

/** One line per rule (level, title, author: always in view); the rest unfolds on request. */
function RuleCard({ rule }: { rule: RuleDetail }) {
  const t = useT()
  return (
    <li className="event-detections__rule" data-testid="event-detection" data-rule-id={rule.ruleId}>
      <details>
        <summary className="event-detections__head">
          <LevelBadge level={rule.level} />
          <span className="event-detections__title-text">{rule.title}</span>
          <span className="event-detections__author" data-testid="event-detection-author">
            {formatMessage(t.detectionsAuthor, { author: rule.author || '—' })}
          </span>
        </summary>
        <div className="event-detections__more">
          <div className="muted">
            {rule.source === 'builtin' ? t.detectionBuiltin : rule.source}{' '}
            <button type="button" className="button button--small button--quiet" title={formatMessage(t.detectionsShowEvents, { rule: rule.title })} onClick={() => showRuleEvents(rule.ruleId)}>
              {t.detectionShowAll}
            </button>
          </div>
          {rule.description ? <p className="event-detections__description">{rule.description}</p> : null}
          {rule.falsePositives.length > 0 ? (
            <div>
              <span className="muted">{t.detectionFalsePositives}</span>
              <ul>
                {rule.falsePositives.map((fp, i) => (
                  <li key={i}>{fp}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {rule.references.length > 0 ? (
            <div>
              <span className="muted">{t.detectionReferences}</span>
              <ul>
                {rule.references.map((url, i) => (
                  <Reference key={i} url={url} />
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </details>
    </li>
  )
}

export function EventDetections({ eventId }: { eventId: number | null }) {
  const t = useT()
  // A new summary means detection went further: the event may have matched more rules.
  const summary = useDetections((s) => s.summary)
  const [shown, setShown] = useState<{ id: number; rules: RuleDetail[] } | null>(null)
  useEffect(() => {
    if (eventId === null) return
    let live = true
    getApi()
      .eventDetections(eventId)
      .then((rules) => live && setShown({ id: eventId, rules }))
      .catch(() => live && setShown({ id: eventId, rules: [] }))
    return () => {
      live = false
    }
  }, [eventId, summary])
  if (eventId === null || shown === null || shown.id !== eventId || shown.rules.length === 0) return null
  return (
    <section className="event-detections" aria-label={formatMessage(t.detectionViewerTitle, { n: shown.rules.length })} data-testid="event-detections">
      <ul className="event-detections__list">
        {shown.rules.map((rule) => (
          <RuleCard key={rule.ruleId} rule={rule} />
        ))}
      </ul>
    </section>
  )
}
