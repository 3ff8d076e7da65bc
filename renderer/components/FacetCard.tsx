// One facet's card, whatever counts it: the title with its number of distinct values, the top
// values (and the events without one), and "show all", which opens FacetAll in place. The
// built-in facets, the detection facets and the facets added for any field all draw it.
import type { ReactNode } from 'react'
import { formatMessage } from '../../common/i18n'
import type { FacetValue } from '../../common/ipc-contract'
import { formatCount } from '../format/format'
import { useT } from '../state/language-store'
import { FacetAll, FacetValueRow } from './FacetAll'

/** Values shown per facet before "show all". */
export const FACET_SHOWN = 5

interface FacetCardProps {
  /** The facet's field, as FacetAll and the tests name it. */
  field: string
  label: string
  /** The title's content when it is more than the label (a path, a remove button). */
  title?: ReactNode
  titleClass?: string
  /** Distinct values in the result, null while unknown. */
  distinct: number | null
  values: readonly FacetValue[]
  /** Events of the result without a value, and what to call them (shown only beside values). */
  missing?: { count: number; label: string }
  total: number
  /** The filter clause for a value (null: the events without one). */
  clause: (value: string | null, exclude: boolean) => string
  /** How a value is shown (a level's name), when not as it is. */
  text?: (value: string) => string
  more: boolean
  setMore: (more: boolean) => void
}

export function FacetCard({ field, label, title, titleClass, distinct, values, missing, total, clause, text, more, setMore }: FacetCardProps) {
  const t = useT()
  const shown = values.slice(0, FACET_SHOWN)
  // Every distinct value not on screen, not only those fetched with the top ones.
  const hidden = (distinct ?? 0) - shown.length
  return (
    <section className="facet" data-testid="facet" data-field={field} aria-label={label}>
      <h3 className={titleClass ? `facet__title ${titleClass}` : 'facet__title'}>
        {title ?? <span>{label}</span>}
        <span className="facet__distinct" title={distinct === null ? undefined : formatMessage(t.facetDistinct, { n: formatCount(distinct) })}>
          {distinct === null ? '' : formatCount(distinct)}
        </span>
      </h3>
      {more ? (
        <FacetAll field={field} label={label} total={total} clause={(value, exclude) => clause(value, exclude)} />
      ) : values.length === 0 && !missing?.count ? null : (
        <ul className="facet__values">
          {shown.map((v) => (
            <FacetValueRow key={v.value} field={field} value={v.value} label={text ? text(v.value) : v.value} count={v.count} total={total} clause={(exclude) => clause(v.value, exclude)} />
          ))}
          {missing && missing.count > 0 && values.length > 0 ? (
            <FacetValueRow field={field} value="" missing label={missing.label} count={missing.count} total={total} clause={(exclude) => clause(null, exclude)} />
          ) : null}
        </ul>
      )}
      {hidden > 0 || more ? (
        <button type="button" className="facet__more" aria-expanded={more} data-testid="facet-more" onClick={() => setMore(!more)}>
          {more ? t.facetShowFewer : formatMessage(t.facetShowAll, { n: formatCount(distinct ?? 0) })}
        </button>
      ) : null}
    </section>
  )
}
