// The `level` and `detection` facets: how many events of the current result matched rules of
// each level, and each rule (by title). Shown once detection has found something; counted in
// main from detection's side tables (main/detect/detection-facets.ts), and counted again when
// the view changes or detection catches up with the load. A click filters like any facet.
import { useEffect, useState } from 'react'
import type { FacetValuesResult } from '../../common/ipc-contract'
import type { DetectionLevel } from '../../common/detections'
import { fieldClause } from '../../common/query/facet-query'
import { useDetections } from '../state/detections-store'
import { fetchFacetValues } from '../state/insights-store'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'
import { FacetCard } from './FacetCard'
import { levelLabel } from './DetectionMark'

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
  return (
    <FacetCard
      field={field}
      label={field === 'level' ? t.facetDetectionLevel : t.facetDetection}
      distinct={result.distinct}
      values={result.values}
      missing={{ count: result.missing, label: t.facetNoDetection }}
      total={total}
      clause={(value, exclude) => fieldClause(field, value, exclude)}
      text={field === 'level' ? (value) => levelLabel(t, value as DetectionLevel) : undefined}
      more={more}
      setMore={setMore}
    />
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
