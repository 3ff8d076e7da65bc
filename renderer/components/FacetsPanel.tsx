// Facets: the most frequent values of the current result per field, with counts. A click adds
// `field:value` to the filter; Alt/Option-click, the ⊖ button, or "-" on a focused value adds
// `not field:value`. Collapsible to a narrow rail (kept across sessions).
import { useState } from 'react'
import { formatMessage, type MessageKey } from '../../common/i18n'
import type { Facet, FacetField } from '../../common/ipc-contract'
import { facetClause } from '../../common/query/facet-query'
import { formatCount } from '../format/format'
import { useFindPrefs } from '../state/find-prefs'
import { useInsights } from '../state/insights-store'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { FacetAll, FacetValueRow } from './FacetAll'
import { ExtraFacets } from './ExtraFacets'
import { DetectionFacets } from './DetectionFacets'

/** Values shown per facet before "more". */
const SHOWN = 5

const FACET_LABELS: Readonly<Record<FacetField, MessageKey>> = {
  eventName: 'colEventName',
  eventSource: 'colEventSource',
  user: 'colUser',
  identityType: 'colIdentityType',
  sourceIp: 'colSourceIp',
  region: 'colRegion',
  account: 'colAccount',
  errorCode: 'colErrorCode',
  readOnly: 'colReadOnly',
}

interface ValueProps {
  facet: FacetField
  value: string | null
  label: string
  count: number
  total: number
}

function FacetValue({ facet, value, label, count, total }: ValueProps) {
  return <FacetValueRow field={facet} value={value ?? ''} missing={value === null} label={label} count={count} total={total} clause={(exclude) => facetClause(facet, value, exclude)} />
}

function FacetSection({ facet, total }: { facet: Facet; total: number }) {
  const t = useT()
  const [more, setMore] = useState(false)
  const label = t[FACET_LABELS[facet.field]]
  const shown = facet.values.slice(0, SHOWN)
  // Every distinct value not on screen, not only those fetched with the top ones.
  const hidden = facet.distinct - shown.length
  const noValue = facet.field === 'errorCode' ? t.facetNoError : t.facetMissing
  return (
    <section className="facet" data-testid="facet" data-field={facet.field} aria-label={label}>
      <h3 className="facet__title">
        <span>{label}</span>
        <span className="facet__distinct" title={formatMessage(t.facetDistinct, { n: formatCount(facet.distinct) })}>
          {formatCount(facet.distinct)}
        </span>
      </h3>
      {more ? (
        <FacetAll field={facet.field} label={label} total={total} clause={(value, exclude) => facetClause(facet.field, value, exclude)} />
      ) : facet.values.length === 0 && facet.missing === 0 ? null : (
        <ul className="facet__values">
          {shown.map((v) => (
            <FacetValue key={v.value} facet={facet.field} value={v.value} label={v.value} count={v.count} total={total} />
          ))}
          {facet.missing > 0 && facet.values.length > 0 ? (
            <FacetValue facet={facet.field} value={null} label={noValue} count={facet.missing} total={total} />
          ) : null}
        </ul>
      )}
      {hidden > 0 || more ? (
        <button type="button" className="facet__more" aria-expanded={more} data-testid="facet-more" onClick={() => setMore(!more)}>
          {more ? t.facetShowFewer : formatMessage(t.facetShowAll, { n: formatCount(facet.distinct) })}
        </button>
      ) : null}
    </section>
  )
}

export function FacetsPanel() {
  const t = useT()
  const open = useFindPrefs((s) => s.facetsOpen)
  const setOpen = useFindPrefs((s) => s.setFacetsOpen)
  const facets = useInsights((s) => s.facets)
  const total = useSessionState((s) => s.info?.matched ?? 0)
  if (!open) {
    return (
      <aside className="facets facets--closed" aria-label={t.facetsTitle}>
        <button type="button" className="facets__rail" aria-expanded={false} title={t.facetsShow} data-testid="facets-toggle" onClick={() => setOpen(true)}>
          <span aria-hidden="true">▸</span>
          <span className="facets__rail-label">{t.facetsTitle}</span>
        </button>
      </aside>
    )
  }
  return (
    <aside className="facets" aria-label={t.facetsTitle} data-testid="facets">
      <div className="facets__header">
        <span className="facets__title">{t.facetsTitle}</span>
        <span className="facets__hint" title={t.facetsHint}>
          ?
        </span>
        <button type="button" className="icon-button facets__collapse" aria-expanded={true} title={t.facetsHide} aria-label={t.facetsHide} data-testid="facets-toggle" onClick={() => setOpen(false)}>
          ◂
        </button>
      </div>
      <div className="facets__body">
        {facets === null || total === 0 ? (
          <div className="facets__empty">{t.facetsEmpty}</div>
        ) : (
          facets.map((facet) => <FacetSection key={facet.field} facet={facet} total={total} />)
        )}
        {facets !== null && total > 0 ? <DetectionFacets total={total} /> : null}
        {facets !== null && total > 0 ? <ExtraFacets total={total} /> : null}
      </div>
    </aside>
  )
}
