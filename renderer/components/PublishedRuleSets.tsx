// The published rule sets (SigmaHQ, Suzaku) "Update rules" downloaded into the app's data
// folder: each with where it came from, when, how many rule files and its licence (the DRL 1.1
// asks that shared copies keep the authors, a link to the set and the licence), and the button
// that downloads them again with its progress and, when it fails, why (the previous sets stay).
// Web mode has no such button: a server's rules are the folders its command line names.
import type { DownloadedRuleSet } from '../../common/contract/detections'
import { formatMessage } from '../../common/i18n'
import { formatInstant } from '../../common/time'
import { useLanguage, useT } from '../state/language-store'
import { useRuleFolders } from '../state/rule-folders'
import { updateRules, useRulesUpdate } from '../state/rules-update'
import { useTimeZone } from '../state/time-zone'

function RuleSetLine({ set }: { set: DownloadedRuleSet }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  const fetched = Date.parse(set.fetchedAt)
  const time = Number.isNaN(fetched) ? set.fetchedAt : formatInstant(fetched, zone, language)
  return (
    <li data-testid="rule-set" data-set={set.id}>
      {formatMessage(t.rulesUpdateSet, { name: set.name, files: set.files, time }, language)}
      <br />
      <span className="muted">
        <code title={set.url}>{set.home}</code> · {formatMessage(t.rulesUpdateLicence, { licence: set.licence })}
      </span>
    </li>
  )
}

export function PublishedRuleSets() {
  const t = useT()
  const info = useRuleFolders((s) => s.info)
  const { updating, progress, error, done } = useRulesUpdate()
  if (!info?.canUpdateRules) return null
  const sets = info.downloaded
  return (
    <section className="rule-sets" data-testid="rule-sets" aria-label={t.rulesUpdateTitle}>
      <h3>{t.rulesUpdateTitle}</h3>
      <p className="muted">{t.rulesUpdateHint}</p>
      {sets.length === 0 ? <p className="muted">{t.rulesUpdateNone}</p> : null}
      <ul>
        {sets.map((set) => (
          <RuleSetLine key={set.id} set={set} />
        ))}
      </ul>
      <button type="button" className="button" disabled={updating} aria-busy={updating} onClick={() => void updateRules()} data-testid="rules-update">
        {t.rulesUpdateButton}
      </button>
      {updating ? (
        <p className="muted" role="status" data-testid="rules-update-progress">
          {progress?.phase === 'downloading' ? formatMessage(t.rulesUpdateDownloading, { source: progress.source, kb: Math.round(progress.bytes / 1024) }) : t.ruleFoldersReloading}
        </p>
      ) : null}
      {done && !updating ? (
        <p className="muted" role="status">
          {t.rulesUpdateDone}
        </p>
      ) : null}
      {error ? (
        <p className="integrity__error" role="alert" data-testid="rules-update-error">
          {error}
        </p>
      ) : null}
    </section>
  )
}
