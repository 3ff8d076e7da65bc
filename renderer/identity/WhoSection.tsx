// "Who" above the event's JSON: the credential chain from its origin to this call, e.g.
// IAM user alice (AKIA…) ▸ role Admin (ASIA…, 10:02) ▸ this call. Each issued hop links to the
// event that issued it; the time between hops and the addresses used are shown; "Same session"
// and "Whole chain" filter the list exactly (session: queries); every hop opens its dossier.
import { useEffect, useState } from 'react'
import { formatInstant } from '../../common/time'
import type { ChainHop, CredentialChain } from '../../common/identity'
import { formatMessage, type MessageKey, type Messages } from '../../common/i18n'
import { fieldClause } from '../../common/query/facet-query'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { useLanguage, useT } from '../state/language-store'
import { useTimeZone } from '../state/time-zone'
import { useViewSession } from '../session/session-react'
import { hopPrincipal, openDossier, openGraph, showEvents } from './identity-store'

const KIND_LABEL: Record<ChainHop['kind'], MessageKey> = {
  iamUser: 'hopIamUser',
  root: 'hopRoot',
  roleSession: 'hopRoleSession',
  federatedUser: 'hopFederatedUser',
  sessionToken: 'hopSessionToken',
  samlUser: 'hopSamlUser',
  webIdentityUser: 'hopWebIdentityUser',
  identityCenterUser: 'hopIdentityCenterUser',
  awsService: 'hopAwsService',
  unknown: 'hopUnknown',
}

/** AKIA…WXYZ: enough to tell keys apart at a glance; the whole key is in the title. */
const shortKey = (key: string): string => (key.length > 12 ? `${key.slice(0, 4)}…${key.slice(-4)}` : key)

/** A duration as a person reads it: 45 s, 3 min, 2 h 5 min, 3 d. */
export function formatGap(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.round(s / 60)
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`
  return `${Math.round(h / 24)} d`
}

function originNote(hop: ChainHop, t: Messages): string | null {
  switch (hop.origin) {
    case 'issued':
      return null
    case 'longTerm':
      return t.originLongTerm
    case 'beforeRange':
      return t.originBeforeRange
    case 'awsService':
      return hop.kind === 'awsService' ? null : formatMessage(t.originAwsService, { service: hop.service })
    case 'identityCenter':
      return hop.kind === 'identityCenterUser' ? null : formatMessage(t.originIdentityCenter, { user: hop.identityCenterUser })
    case 'console':
      return t.originConsole
    case 'noKey':
      return t.originNoKey
    case 'masked':
      return t.originMasked
    case 'issuedAfterUse':
      return t.originIssuedAfterUse
  }
}

function Hop({ hop, next, t }: { hop: ChainHop; next: number | null; t: Messages }) {
  const language = useLanguage((s) => s.language)
  const session = useViewSession()
  const zone = useTimeZone()
  const name = hop.kind === 'roleSession' && hop.role ? `${hop.role}` : hop.name
  const issued = hop.issuedBy
  const note = originNote(hop, t)
  const start = issued?.time ?? hop.firstUse
  const gap = start !== null && next !== null && next >= start ? formatGap(next - start) : null
  const details = [
    hop.kind === 'roleSession' && hop.role && hop.name ? hop.name : '',
    hop.account ? formatMessage(t.hopInAccount, { account: hop.account }) : '',
    hop.instanceId ? formatMessage(t.hopInstance, { instance: hop.instanceId }) : '',
    hop.sourceIdentity ? formatMessage(t.hopSourceIdentity, { value: hop.sourceIdentity }) : '',
  ].filter(Boolean)
  return (
    <li className="who__hop" data-testid="who-hop" data-kind={hop.kind}>
      <span className="who__kind">{t[KIND_LABEL[hop.kind]]}</span>{' '}
      <button type="button" className="who__name" title={formatMessage(t.whoDossierTitle, { name: hop.arn || hop.name })} data-testid="who-dossier" onClick={() => openDossier(hopPrincipal(hop))}>
        {name || '—'}
      </button>
      {hop.accessKey ? (
        <span className="who__key" title={hop.accessKey}>
          {' '}
          ({shortKey(hop.accessKey)}
          {issued && issued.time !== null ? `, ${formatInstant(issued.time, zone, language)}` : ''})
        </span>
      ) : null}
      {details.length > 0 ? <span className="who__details"> · {details.join(' · ')}</span> : null}
      {issued ? (
        <button
          type="button"
          className="who__issued"
          data-testid="who-issued-link"
          title={formatMessage(t.whoIssuedAt, { event: issued.eventName })}
          onClick={() => session.showEvent(issued.eventId)}
        >
          {issued.eventName}
        </button>
      ) : null}
      {note ? <span className="who__note" data-testid="who-origin">{note}</span> : null}
      {hop.sourceIps.length > 0 ? <span className="who__ips">{formatMessage(t.whoIps, { ips: hop.sourceIps.join(', ') })}</span> : null}
      {gap ? (
        <span className="who__gap" title={t.whoGapTitle}>
          {formatMessage(t.whoGap, { gap })}
        </span>
      ) : null}
    </li>
  )
}

export function WhoSection({ eventId, eventTime }: { eventId: number | null; eventTime: number | null }) {
  const t = useT()
  const [chain, setChain] = useState<{ id: number; chain: CredentialChain } | { id: number; error: string } | null>(null)
  useEffect(() => {
    if (eventId === null) return
    let live = true
    getApi()
      .credentialChain(eventId)
      .then(
        (result) => live && setChain({ id: eventId, chain: result }),
        (error: unknown) => live && setChain({ id: eventId, error: errorText(error) }),
      )
    return () => {
      live = false
    }
  }, [eventId])
  if (eventId === null) return null
  const current = chain && chain.id === eventId ? chain : null
  if (current && 'error' in current) return <div className="who who--muted" data-testid="who">{formatMessage(t.whoError, { message: current.error })}</div>
  if (!current) return <div className="who who--muted" data-testid="who">{t.whoLoading}</div>
  const hops = current.chain.hops
  if (hops.length === 0) return null
  const last = hops[hops.length - 1]
  const firstKey = hops.find((hop) => hop.accessKey)?.accessKey ?? ''
  const session = last.accessKey ? fieldClause('session', last.accessKey) : null
  const whole = firstKey ? fieldClause('session', firstKey) : hops[0].name ? fieldClause('origin', hops[0].name) : null
  return (
    <section className="who" aria-label={t.whoTitle} data-testid="who">
      <div className="who__head">
        <span className="who__title">{t.whoTitle}</span>
        {session ? (
          <button type="button" className="button button--small" data-testid="who-same-session" title={formatMessage(t.whoSameSessionTitle, { clause: session })} onClick={() => showEvents(session)}>
            {t.whoSameSession}
          </button>
        ) : null}
        {whole && hops.length > 1 ? (
          <button type="button" className="button button--small" data-testid="who-whole-chain" title={formatMessage(t.whoWholeChainTitle, { clause: whole })} onClick={() => showEvents(whole)}>
            {t.whoWholeChain}
          </button>
        ) : null}
        <button type="button" className="button button--small button--quiet" data-testid="who-graph" title={t.whoGraphTitle} onClick={openGraph}>
          {t.whoGraph}
        </button>
      </div>
      <ol className="who__chain" data-testid="who-chain">
        {hops.map((hop, i) => {
          const following = hops[i + 1]
          const next = following ? (following.issuedBy?.time ?? null) : eventTime
          return <Hop key={`${i}:${hop.accessKey}:${hop.name}`} hop={hop} next={next} t={t} />
        })}
        <li className="who__hop who__hop--call">{t.whoThisCall}</li>
      </ol>
      {current.chain.truncated ? <div className="who__note">{formatMessage(t.whoTruncated, { max: 32 })}</div> : null}
    </section>
  )
}
