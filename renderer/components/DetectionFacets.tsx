// The `level` and `detection` facets: how many events of the current result matched rules of
// each level, and each rule (by title). Shown once detection has found something; counted in
// main from detection's side tables (main/detect/detection-facets.ts), and counted again when
// the view changes or detection catches up with the load. A click filters like any facet.
import { useState } from 'react'
import type { DetectionLevel } from '../../common/detections'
import { fieldClause } from '../../common/query/facet-query'
import { useDetections } from '../state/detections-store'
import { useT } from '../state/language-store'
import { useFacetValues } from './FacetAll'
import { FACET_SHOWN, FacetCard } from './FacetCard'
import { levelLabel } from './DetectionMark'

type DetectionFacetField = 'level' | 'detection'

function DetectionFacet({ field, total }: { field: DetectionFacetField; total: number }) {
  const t = useT()
  const [more, setMore] = useState(false)
  // Asked for again when detection catches up; not while "show all" is open (it asks for itself).
  const summary = useDetections((s) => s.summary)
  const result = useFacetValues(field, '', 'count', FACET_SHOWN, !more, summary)
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
