// Facets: the most frequent values of the current result per field, with counts. A click adds
// `field:value` to the filter; Alt/Option-click, the ⊖ button, or "-" on a focused value adds
// `not field:value`. Collapsible to a narrow rail (kept across sessions).
import { useState } from 'react'
import type { MessageKey } from '../../common/i18n'
import type { Facet, FacetField } from '../../common/ipc-contract'
import { facetClause } from '../../common/query/facet-query'
import { useFindPrefs } from '../state/find-prefs'
import { useInsights } from '../state/insights-store'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { FacetCard } from './FacetCard'
import { ExtraFacets } from './ExtraFacets'
import { DetectionFacets } from './DetectionFacets'

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

function FacetSection({ facet, total }: { facet: Facet; total: number }) {
  const t = useT()
  const [more, setMore] = useState(false)
  const missing = { count: facet.missing, label: facet.field === 'errorCode' ? t.facetNoError : t.facetMissing }
  return (
    <FacetCard
      field={facet.field}
      label={t[FACET_LABELS[facet.field]]}
      distinct={facet.distinct}
      values={facet.values}
      missing={missing}
      total={total}
      clause={(value, exclude) => facetClause(facet.field, value, exclude)}
      more={more}
      setMore={setMore}
    />
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
