// The Detections panel: the rules that matched the loaded set, by level then count, each with
// its author (the DRL 1.1 asks for it with every match), ATT&CK tactics and techniques, and first
// and last time; a click shows the rule's events in the list. Rules that could not be evaluated
// are listed with why, folded. A Modal opened from the top bar: Escape closes it.
import type { DetectionsSummary, RuleHits } from '../../common/detections'
import { formatInstant } from '../../common/time'
import { formatMessage } from '../../common/i18n'
import { useLanguage, useT } from '../state/language-store'
import { closeDetections, openDetections, showRuleEvents, useDetections } from '../state/detections-store'
import { useTimeZone } from '../state/time-zone'
import { LevelBadge } from './DetectionMark'
import { RuleFolders } from './RuleFolders'
import { Modal } from './Modal'

function RuleRow({ rule }: { rule: RuleHits }) {
  const t = useT()
  const zone = useTimeZone()
  const language = useLanguage((s) => s.language)
  const time = (ms: number | null) => (ms === null ? '—' : formatInstant(ms, zone, language))
  return (
    <tr className="detections__rule" data-testid="detection-rule" data-rule-id={rule.ruleId} data-level={rule.level} data-events={rule.events}>
      <td>
        <LevelBadge level={rule.level} />
      </td>
      <td>
        <button type="button" className="detections__title" title={formatMessage(t.detectionsShowEvents, { rule: rule.title })} onClick={() => showRuleEvents(rule.ruleId)} data-testid="detection-rule-open">
          {rule.title}
        </button>
        <div className="muted detections__author">{formatMessage(t.detectionsAuthor, { author: rule.author || '—' })}</div>
      </td>
      <td className="detections__count" data-testid="detection-rule-count">
        {rule.count}
        {rule.correlation ? <span className="muted"> {t.detectionsCorrelation}</span> : null}
      </td>
      <td className="detections__time">
        {time(rule.firstTime)}
        <br />
        {time(rule.lastTime)}
      </td>
      <td className="detections__attack">
        {[...rule.tactics, ...rule.techniques].map((tag) => (
          <span key={tag} className="detections__tag">
            {tag}
          </span>
        ))}
      </td>
    </tr>
  )
}

function Body({ summary }: { summary: DetectionsSummary | null }) {
  const t = useT()
  const error = useDetections((s) => s.error)
  return (
    <div className="detections__body">
      {error ? (
        <p className="integrity__error" role="alert">
          {error}
        </p>
      ) : null}
      {summary ? (
        <p className="muted" data-testid="detections-status">
          {formatMessage(t.detectionsStatus, { rules: summary.rulesRun, events: summary.eventsChecked, ms: summary.detectMs })}
        </p>
      ) : null}
      {summary && summary.rules.length === 0 ? <p className="muted" data-testid="detections-none">{t.detectionsNone}</p> : null}
      {summary && summary.rules.length > 0 ? (
        <table className="detections__table">
          <thead>
            <tr>
              <th>{t.detectionsLevel}</th>
              <th>{t.detectionsRule}</th>
              <th>{t.detectionsCount}</th>
              <th>{t.detectionsFirstLast}</th>
              <th>{t.detectionsAttack}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rules.map((rule) => (
              <RuleRow key={rule.ruleId} rule={rule} />
            ))}
          </tbody>
        </table>
      ) : null}
      {summary && summary.unsupported.length > 0 ? (
        <details className="detections__unsupported" data-testid="detections-unsupported">
          <summary>{formatMessage(t.detectionsUnsupported, { n: summary.unsupported.length })}</summary>
          <ul>
            {summary.unsupported.map((u, i) => (
              <li key={`${u.source}:${i}`}>
                <strong>{u.title || u.source}</strong> <span className="muted">{u.source}</span>: {u.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

function DetectionsDialog() {
  const t = useT()
  const open = useDetections((s) => s.open)
  const summary = useDetections((s) => s.summary)
  return (
    <Modal open={open} onClose={closeDetections} title={t.detectionsTitle} closeLabel={t.detectionsClose} closeTestId="detections-close" className="detections" testId="detections-panel">
      <Body summary={summary} />
      <RuleFolders />
    </Modal>
  )
}

/** The top bar's button (with the number of rules that matched), and the panel it opens. */
export function DetectionsButton() {
  const t = useT()
  const hits = useDetections((s) => s.summary?.rules.length ?? 0)
  return (
    <>
      <button type="button" className="button" title={t.detectionsButtonTitle} onClick={openDetections} data-testid="detections-button">
        {t.detectionsButton}
        {hits > 0 ? <span className="detections__button-count" data-testid="detections-button-count">{hits}</span> : null}
      </button>
      <DetectionsDialog />
    </>
  )
}
