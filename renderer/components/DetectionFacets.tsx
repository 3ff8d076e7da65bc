// The `level` and `detection` facets: how many events of the current result matched rules of
// each level, and each rule (by title). Shown once detection has found something; counted in
// main from detection's side tables (main/detect/detection-facets.ts), and counted again when
// the view changes or detection catches up with the load. A click filters like any facet.
import { useEffect, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import type { FacetValuesResult } from '../../common/ipc-contract'
import type { DetectionLevel } from '../../common/detections'
import { fieldClause } from '../../common/query/facet-query'
import { formatCount } from '../format/format'
import { useDetections } from '../state/detections-store'
import { fetchFacetValues } from '../state/insights-store'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { FacetAll, FacetValueRow } from './FacetAll'
import { levelLabel } from './DetectionMark'

const SHOWN = 5

type DetectionFacetField = 'level' | 'detection'

/** The facet's values in the current view, asked for again when the view or the detections change. */
function useDetectionFacet(field: DetectionFacetField): FacetValuesResult | null {
  const viewId = useSessionState((s) => s.info?.viewId ?? -1)
  const summary = useDetections((s) => s.summary)
  const [result, setResult] = useState<FacetValuesResult | null>(null)
  useEffect(() => {
    if (viewId < 0) return
    let live = true
    fetchFacetValues({ viewId, field, order: 'count', limit: 50 })
      .then((r) => live && setResult(r))
      .catch(() => undefined) // an expired view: the next one asks again
    return () => {
      live = false
    }
  }, [viewId, field, summary])
  return result
}

function DetectionFacet({ field, total }: { field: DetectionFacetField; total: number }) {
  const t = useT()
  const [more, setMore] = useState(false)
  const result = useDetectionFacet(field)
  if (!result || (result.values.length === 0 && result.missing === total)) return null
  const label = field === 'level' ? t.facetDetectionLevel : t.facetDetection
  const shown = result.values.slice(0, SHOWN)
  const hidden = result.distinct - shown.length
  const clause = (value: string | null, exclude: boolean): string => fieldClause(field, value, exclude)
  const text = (value: string): string => (field === 'level' ? levelLabel(t, value as DetectionLevel) : value)
  return (
    <section className="facet" data-testid="facet" data-field={field} aria-label={label}>
      <h3 className="facet__title">
        <span>{label}</span>
        <span className="facet__distinct" title={formatMessage(t.facetDistinct, { n: formatCount(result.distinct) })}>
          {formatCount(result.distinct)}
        </span>
      </h3>
      {more ? (
        <FacetAll field={field} label={label} total={total} clause={(value, exclude) => clause(value, exclude)} />
      ) : (
        <ul className="facet__values">
          {shown.map((v) => (
            <FacetValueRow key={v.value} field={field} value={v.value} label={text(v.value)} count={v.count} total={total} clause={(exclude) => clause(v.value, exclude)} />
          ))}
          {result.missing > 0 && result.values.length > 0 ? (
            <FacetValueRow field={field} value="" missing label={t.facetNoDetection} count={result.missing} total={total} clause={(exclude) => clause(null, exclude)} />
          ) : null}
        </ul>
      )}
      {hidden > 0 || more ? (
        <button type="button" className="facet__more" aria-expanded={more} data-testid="facet-more" onClick={() => setMore(!more)}>
          {more ? t.facetShowFewer : formatMessage(t.facetShowAll, { n: formatCount(result.distinct) })}
        </button>
      ) : null}
    </section>
  )
}

/** Both facets, once detection has found anything in the loaded set. */
export function DetectionFacets({ total }: { total: number }) {
  const found = useDetections((s) => (s.summary?.rules.length ?? 0) > 0)
  if (!found) return null
  return (
    <>
      <DetectionFacet field="level" total={total} />
      <DetectionFacet field="detection" total={total} />
    </>
  )
}
