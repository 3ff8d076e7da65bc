// The event in one look, above its JSON: the result first (it must never scroll out of a short
// card): success, or the error code AND its message in full with what the code means; then who,
// when (in the chosen zone), which service and action, from where (address, user agent). The same
// rows in the same place for every event, so moving through failed events the eye does not move.
import { EXPLAIN, chainText, classifyUserAgent, errorKey, identityChain, type DecodeContext } from '../../common/decode'
import { formatInstant, parseZonedInstant } from '../../common/time'
import type { Messages } from '../../common/i18n'
import { formatMessage } from '../../common/i18n'
import { stringValue, type PrettyJson } from './pretty-json'

/**
 * The card summarises; the JSON below holds every value whole. A log's strings are chosen by
 * whoever made the call, and laying out a 10 MB userAgent or errorMessage (in the card and its
 * tooltip) freezes the page, so a value longer than this is shown cut, saying how much is left.
 */
export const CARD_TEXT_LIMIT = 2000

function clip(text: string, t: Messages): string {
  if (text.length <= CARD_TEXT_LIMIT) return text
  return `${text.slice(0, CARD_TEXT_LIMIT)}${formatMessage(t.cardClipped, { n: (text.length - CARD_TEXT_LIMIT).toLocaleString('en') })}`
}

interface Props {
  pretty: PrettyJson
  ctx: DecodeContext
  t: Messages
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <>
      <dt className="event-card__label">{label}</dt>
      <dd className="event-card__value" data-testid={testId}>
        {children}
      </dd>
    </>
  )
}

export function EventCard({ pretty, ctx, t }: Props) {
  const get = (path: string): string | null => {
    const value = stringValue(pretty.values.get(path))
    return value === null ? null : clip(value, t)
  }
  const who = chainText(identityChain(get), ctx)
  const timeText = get('eventTime')
  const time = timeText ? parseZonedInstant(timeText) : null
  const service = (get('eventSource') ?? '').replace(/\.amazonaws\.com$/, '')
  const action = get('eventName') ?? '—'
  const ip = get('sourceIPAddress')
  const agent = get('userAgent')
  const agentKind = agent ? classifyUserAgent(agent) : null
  const errorCode = get('errorCode')
  const errorMessage = get('errorMessage')
  const key = errorCode ? errorKey(errorCode) : null
  const explanation = key ? EXPLAIN[ctx.language].errors[key] : null
  return (
    <dl className={`event-card${errorCode ? ' event-card--failed' : ''}`} aria-label={t.cardLabel} data-testid="event-card">
      <Row label={t.cardResult} testId="card-result">
        {errorCode ? (
          <span className="event-card__error">
            <strong className="event-card__code">{errorCode}</strong>
            {errorMessage ? <span className="event-card__message">{errorMessage}</span> : null}
            {explanation ? (
              <span className="event-card__why" title={`${explanation.cause} ${explanation.check}`}>
                {explanation.meaning}
              </span>
            ) : null}
          </span>
        ) : (
          <span className="event-card__ok">{t.cardSuccess}</span>
        )}
      </Row>
      <Row label={t.cardWho} testId="card-who">
        {who || '—'}
      </Row>
      <Row label={t.cardWhen} testId="card-when">
        {time !== null ? formatInstant(time, ctx.timeZone, ctx.language) : (timeText ?? '—')}
      </Row>
      <Row label={t.cardWhat} testId="card-what">
        <span className="event-card__service">{service || '—'}</span> · <strong>{action}</strong>
      </Row>
      <Row label={t.cardFrom} testId="card-from">
        <span className="event-card__ip">{ip ?? '—'}</span>
        {agent ? (
          <span className="event-card__agent" title={agent}>
            {' · '}
            {agentKind && agentKind.kind !== 'unknown' ? `${agentKind.product}${agentKind.version ? ` ${agentKind.version}` : ''}` : agent}
          </span>
        ) : null}
      </Row>
    </dl>
  )
}
