// A principal's dossier (principalDossier): first and last seen, counts, APIs with successes and
// failures, addresses, user agents, regions, accounts, keys, roles assumed and by whom, and what
// stands out. Every number is a link: it replaces the filter with the principal's events
// narrowed to that line (principalClause + the line's field).
import { useEffect, useState } from 'react'
import { formatInstant, parseZonedInstant } from '../../common/time'
import type { Dossier, DossierFlag, FirstUse, PrincipalRef } from '../../common/identity'
import { formatMessage, type MessageKey, type Messages } from '../../common/i18n'
import { fieldClause } from '../../common/query/facet-query'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { formatCount } from '../format/format'
import { useLanguage, useT } from '../state/language-store'
import { useTimeZone } from '../state/time-zone'
import { Modal } from '../components/Modal'
import { closeDossier, openDossier, principalClause, showEvents, useIdentity } from './identity-store'

type Loaded = { dossier: Dossier } | { error: string } | null

function CountLink({ count, clause, t, testId }: { count: number; clause: string; t: Messages; testId?: string }) {
  return (
    <button
      type="button"
      className="dossier__count"
      title={formatMessage(t.dossierFilterTitle, { clause })}
      data-testid={testId}
      onClick={() => {
        showEvents(clause)
        closeDossier()
      }}
    >
      {count.toLocaleString()}
    </button>
  )
}

function useTime(): (iso: string | null) => string {
  const language = useLanguage((s) => s.language)
  const zone = useTimeZone()
  return (iso) => {
    const ms = iso ? parseZonedInstant(iso) : null
    return ms === null ? '—' : formatInstant(ms, zone, language)
  }
}

function UseList({ title, items, field, base, t, open }: { title: string; items: FirstUse[]; field: string | null; base: string; t: Messages; open?: (value: string) => PrincipalRef }) {
  const time = useTime()
  return (
    <section className="dossier__section">
      <h3 className="dossier__heading">{title}</h3>
      {items.length === 0 ? <div className="muted">{t.dossierNone}</div> : null}
      <ul className="dossier__list">
        {items.slice(0, 50).map((item) => (
          <li key={item.value} className="dossier__row">
            {open ? (
              <button type="button" className="dossier__value dossier__value--link" title={item.value} onClick={() => openDossier(open(item.value))}>
                {item.value}
              </button>
            ) : (
              <span className="dossier__value" title={item.value}>
                {item.value}
              </span>
            )}
            {field ? <CountLink count={item.count} clause={`${base} ${fieldClause(field, item.value)}`} t={t} /> : <span className="dossier__plain">{item.count.toLocaleString()}</span>}
            <span className="dossier__first">{formatMessage(t.dossierFirstUse, { time: time(item.firstSeen) })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

const FLAG_TEXT: Record<DossierFlag['kind'], MessageKey> = {
  newApi: 'flagNewApi',
  keyManyIps: 'flagKeyManyIps',
  instanceCredentialsElsewhere: 'flagInstanceCredentialsElsewhere',
  accessDeniedBurst: 'flagAccessDeniedBurst',
}

function DossierBody({ dossier, t }: { dossier: Dossier; t: Messages }) {
  const time = useTime()
  const base = principalClause(dossier.principal)
  return (
    <div className="dossier__body">
      <dl className="dossier__summary">
        <dt>{t.dossierFirstSeen}</dt>
        <dd data-testid="dossier-first-seen">{time(dossier.firstSeen)}</dd>
        <dt>{t.dossierLastSeen}</dt>
        <dd>{time(dossier.lastSeen)}</dd>
        <dt>{t.dossierEvents}</dt>
        <dd>
          <CountLink count={dossier.events} clause={base} t={t} testId="dossier-events" />
        </dd>
        <dt>{t.dossierErrors}</dt>
        <dd>
          <CountLink count={dossier.errors} clause={`${base} error:*`} t={t} testId="dossier-errors" />
        </dd>
      </dl>
      {dossier.flags.length > 0 ? (
        <section className="dossier__section dossier__flags" data-testid="dossier-flags">
          <h3 className="dossier__heading">{t.dossierFlags}</h3>
          <ul className="dossier__list">
            {dossier.flags.map((flag, i) => (
              <li key={i} className="dossier__flag" data-kind={flag.kind}>
                {formatMessage(t[FLAG_TEXT[flag.kind]], { subject: flag.subject, n: flag.kind === 'accessDeniedBurst' ? flag.detail[0] : flag.detail.length })}
                {flag.kind === 'keyManyIps' || flag.kind === 'instanceCredentialsElsewhere' ? <span className="muted"> ({flag.detail.join(', ')})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="dossier__section">
        <h3 className="dossier__heading">{t.dossierApis}</h3>
        <table className="dossier__apis" data-testid="dossier-apis">
          <tbody>
            {dossier.apis.slice(0, 200).map((api) => {
              const clause = `${base} ${fieldClause('event', api.name)} ${fieldClause('source', api.source)}`
              return (
                <tr key={`${api.source} ${api.name}`} data-testid="dossier-api">
                  <td className="dossier__api-name" title={api.source}>
                    {api.name} <span className="muted">{api.source.replace('.amazonaws.com', '')}</span>
                  </td>
                  <td>
                    <CountLink count={api.count} clause={clause} t={t} testId="dossier-api-count" /> <span className="muted">{t.dossierApiCount}</span>
                  </td>
                  <td>{api.errors > 0 ? <><CountLink count={api.errors} clause={`${clause} error:*`} t={t} /> <span className="muted">{t.dossierApiErrors}</span></> : null}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
      <UseList title={t.dossierSourceIps} items={dossier.sourceIps} field="ip" base={base} t={t} open={(value) => ({ kind: 'sourceIp', id: value })} />
      <UseList title={t.dossierUserAgents} items={dossier.userAgents} field="userAgent" base={base} t={t} />
      {dossier.userAgentEvents < dossier.events ? (
        <p className="muted" data-testid="dossier-user-agents-limit">
          {formatMessage(t.dossierUserAgentsLimit, { read: formatCount(dossier.userAgentEvents), events: formatCount(dossier.events) })}
        </p>
      ) : null}
      <UseList title={t.dossierRegions} items={dossier.regions} field="region" base={base} t={t} />
      <UseList title={t.dossierAccounts} items={dossier.accounts} field="account" base={base} t={t} />
      <UseList title={t.dossierAccessKeys} items={dossier.accessKeys} field="accessKey" base={base} t={t} open={(value) => ({ kind: 'accessKey', id: value })} />
      <UseList title={t.dossierAssumedRoles} items={dossier.assumedRoles} field="requestParameters.roleArn" base={base} t={t} open={(value) => ({ kind: 'role', id: value })} />
      <UseList title={t.dossierAssumedBy} items={dossier.assumedBy} field={null} base={base} t={t} open={(value) => (value.startsWith('arn:') && value.includes(':user/') ? { kind: 'iamUser', id: value } : { kind: 'name', id: value })} />
    </div>
  )
}

function DossierDialog({ principal }: { principal: PrincipalRef }) {
  const t = useT()
  const [loaded, setLoaded] = useState<Loaded>(null)
  useEffect(() => {
    let live = true
    setLoaded(null)
    getApi()
      .principalDossier(principal)
      .then(
        (dossier) => live && setLoaded({ dossier }),
        (error: unknown) => live && setLoaded({ error: errorText(error) }),
      )
    return () => {
      live = false
    }
  }, [principal])
  const name = loaded && 'dossier' in loaded ? loaded.dossier.principal.label : principal.id
  // The shared Modal frame: focus inside, Escape, a press on the backdrop closes too.
  return (
    <Modal open onClose={closeDossier} title={formatMessage(t.dossierTitle, { name })} closeLabel={t.dossierClose} closeTestId="dossier-close" className="dossier" testId="dossier" closeOnBackdrop>
      {loaded && 'dossier' in loaded ? (
        <DossierBody dossier={loaded.dossier} t={t} />
      ) : (
        <div className="dossier__status">{loaded && 'error' in loaded ? formatMessage(t.dossierError, { message: loaded.error }) : t.dossierLoading}</div>
      )}
    </Modal>
  )
}

/** The dossier dialog when one is open (mounted once, in App). */
export function DossierHost() {
  const principal = useIdentity((s) => s.dossier)
  return principal ? <DossierDialog key={`${principal.kind}:${principal.id}`} principal={principal} /> : null
}
