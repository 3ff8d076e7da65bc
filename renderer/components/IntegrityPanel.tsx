// The Integrity panel: the loaded log files checked against the loaded digest files, per
// account and region (digests and their chain, every file's status, why), the coverage map,
// and the public key files for signatures. A Modal: Escape closes it.
import { useMemo, useState } from 'react'
import type { IntegrityEntryInfo, IntegrityInfo } from '../../common/ipc-contract'
import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'
import { addKeyFiles, closeIntegrity, fetchKeys, openIntegrity, useIntegrity } from '../state/integrity-store'
import { loadFiles, opensByPath } from '../state/actions'
import { CoverageMap } from './CoverageMap'
import { integrityStatusLabel } from './integrity-labels'
import { Modal } from './Modal'

function groups(entries: IntegrityEntryInfo[]): [string, IntegrityEntryInfo[]][] {
  const out = new Map<string, IntegrityEntryInfo[]>()
  for (const e of entries) {
    const id = `${e.account || '?'} / ${e.region || '?'}`
    out.set(id, [...(out.get(id) ?? []), e])
  }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1))
}

const baseName = (p: string): string => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1)

function Summary({ info }: { info: IntegrityInfo }) {
  const t = useT()
  const s = info.summary
  const counts = Object.entries(s.counts).filter(([key]) => !key.endsWith(':valid'))
  return (
    <div className="integrity__summary" data-testid="integrity-summary" data-failed={s.failed ? 'true' : 'false'}>
      <strong>{formatMessage(t.integritySummary, { dv: s.digestsValid, d: s.digests, lv: s.logsValid, l: s.logs })}</strong>
      {counts.map(([key, n]) => (
        <span key={key} className={`integrity-badge integrity-badge--${key.split(':')[1]}`} data-testid={`integrity-count-${key.replace(':', '-')}`}>
          {key.startsWith('digest') ? t.integrityDigestFiles : t.integrityLogFiles}: {integrityStatusLabel(t, key.split(':')[1])} {n}
        </span>
      ))}
      <span className="muted">{formatMessage(t.integrityKeysKnown, { n: info.keys })}</span>
    </div>
  )
}

function Entries({ entries }: { entries: IntegrityEntryInfo[] }) {
  const t = useT()
  return (
    <>
      {groups(entries).map(([group, list]) => (
        <section key={group} className="integrity__group" data-testid="integrity-group" data-group={group}>
          <h3>{group}</h3>
          <table className="integrity__table">
            <tbody>
              {list.map((e) => (
                <tr key={`${e.kind}:${e.path}`} data-testid="integrity-entry" data-kind={e.kind} data-status={e.status} data-path={e.path}>
                  <td>{e.kind === 'digest' ? t.integrityDigest : t.integrityLog}</td>
                  <td>
                    <span className={`integrity-badge integrity-badge--${e.status}`}>{integrityStatusLabel(t, e.status)}</span>
                  </td>
                  <td className="integrity__path" title={e.path}>
                    {baseName(e.path)}
                  </td>
                  <td className="integrity__detail">{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  )
}

function Body() {
  const t = useT()
  const info = useIntegrity((s) => s.info)
  const busy = useIntegrity((s) => s.busy)
  const error = useIntegrity((s) => s.error)
  const [problemsOnly, setProblemsOnly] = useState(true)
  const [profile, setProfile] = useState('')
  const shown = useMemo(() => (info ? info.entries.filter((e) => !problemsOnly || e.status !== 'valid') : []), [info, problemsOnly])
  return (
    <div className="integrity__body">
      <div className="integrity__controls">
        <label className="button button--small">
          {t.integrityKeysButton}
          <input type="file" accept=".json,application/json" multiple hidden data-testid="integrity-keys-input" onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? [])
            e.currentTarget.value = ''
            void addKeyFiles(files)
          }} />
        </label>
        {opensByPath() ? null : (
          <label className="button button--small" title={t.integrityFolderTitle}>
            {t.integrityFolderButton}
            <input type="file" hidden data-testid="integrity-folder-input" {...{ webkitdirectory: '' }} onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? [])
              e.currentTarget.value = ''
              loadFiles(files)
            }} />
          </label>
        )}
        <form
          className="integrity__fetch"
          onSubmit={(e) => {
            e.preventDefault()
            void fetchKeys(profile)
          }}
        >
          <input type="text" value={profile} placeholder={t.integrityProfilePlaceholder} aria-label={t.integrityProfilePlaceholder} onChange={(e) => setProfile(e.currentTarget.value)} data-testid="integrity-profile" />
          <button type="submit" className="button button--small" title={t.integrityFetchTitle} disabled={busy || !info || info.digests === 0} data-testid="integrity-fetch-keys">
            {t.integrityFetchKeys}
          </button>
        </form>
        <label>
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.currentTarget.checked)} data-testid="integrity-problems-only" /> {t.integrityProblemsOnly}
        </label>
        {busy ? <span className="muted">{t.integrityChecking}</span> : null}
      </div>
      {error ? (
        <p className="integrity__error" role="alert" data-testid="integrity-error">
          {error}
        </p>
      ) : null}
      {info && info.digests === 0 ? <p className="muted" data-testid="integrity-no-digests">{t.integrityNoDigests}</p> : null}
      {info ? (
        <>
          <Summary info={info} />
          <h3>{t.coverageTitle}</h3>
          <CoverageMap coverage={info.coverage} />
          <Entries entries={shown} />
          {info.entriesTotal > info.entries.length ? <p className="muted">{formatMessage(t.integrityMore, { n: info.entriesTotal - info.entries.length })}</p> : null}
        </>
      ) : null}
    </div>
  )
}

export function IntegrityPanel() {
  const t = useT()
  const open = useIntegrity((s) => s.open)
  return (
    <Modal open={open} onClose={closeIntegrity} title={t.integrityTitle} closeLabel={t.integrityClose} closeTestId="integrity-close" className="integrity" testId="integrity-panel">
      <Body />
    </Modal>
  )
}

/** The top bar's button. */
export function IntegrityButton() {
  const t = useT()
  return (
    <button type="button" className="button" title={t.integrityButtonTitle} onClick={openIntegrity} data-testid="integrity-button">
      {t.integrityButton}
    </button>
  )
}
