// One facet in full: every value of the field in the result (up to 5,000; the count of those not
// displayed is said), a search box, and most-frequent or rarest-first order, since the long tail
// is where an attacker's one PutUserPolicy hides. Also the body of facets added for any field.
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { formatMessage } from '../../common/i18n'
import type { FacetValuesResult } from '../../common/ipc-contract'
import { formatCount } from '../format/format'
import { addClause } from '../state/find-store'
import { fetchFacetValues } from '../state/insights-store'
import { useT } from '../state/language-store'
import { useSessionState } from '../session/session-react'

/** Values rendered at once (the rest are counted; the search box narrows them). */
const RENDERED = 300

export type FacetOrder = 'count' | 'rarest'

/**
 * The values of a field in the current view, fetched again when the view, search or order change,
 * or `refresh` does (the detection facets pass detection's summary: it counts on as rules run).
 */
export function useFacetValues(field: string, search: string, order: FacetOrder, limit: number, enabled = true, refresh?: unknown): FacetValuesResult | null {
  const viewId = useSessionState((s) => s.info?.viewId ?? -1)
  const [result, setResult] = useState<FacetValuesResult | null>(null)
  useEffect(() => {
    if (!enabled || viewId < 0) return
    let live = true
    const timer = setTimeout(
      () => {
        fetchFacetValues({ viewId, field, search: search.trim(), order, limit })
          .then((r) => live && setResult(r))
          .catch(() => undefined) // an expired view: the next one asks again
      },
      search ? 150 : 0,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [viewId, field, search, order, limit, enabled, refresh])
  return result
}

interface ValueRowProps {
  field: string
  label: string
  count: number
  total: number
  clause: (exclude: boolean) => string
  /** The value as the tests and the filter know it, when the label differs (default: the label). */
  value?: string
  /** The field is absent in these events (the label says so). */
  missing?: boolean
}

/** One value of a facet, with its count: a click filters by it, Alt-click, ⊖ or "-" excludes it. */
export function FacetValueRow({ field, label, count, total, clause, value = label, missing = false }: ValueRowProps) {
  const t = useT()
  const share = total > 0 ? Math.round((count / total) * 100) : 0
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === '-' || (e.key === 'Enter' && e.altKey)) {
      e.preventDefault()
      addClause(clause(true))
    }
  }
  return (
    <li className={missing ? 'facet-value facet-value--missing' : 'facet-value'} data-testid="facet-value" data-field={field} data-value={value}>
      <button
        type="button"
        className="facet-value__main"
        title={`${formatMessage(t.facetValueTitle, { value: label })} · ${share}%`}
        onClick={(e: MouseEvent) => addClause(clause(e.altKey))}
        onKeyDown={onKeyDown}
      >
        <span className="facet-value__text">{label}</span>
        <span className="facet-value__count" data-testid="facet-count">
          {formatCount(count)}
        </span>
      </button>
      <button
        type="button"
        className="facet-value__exclude"
        tabIndex={-1}
        aria-label={formatMessage(t.facetExclude, { value: label })}
        title={formatMessage(t.facetExclude, { value: label })}
        data-testid="facet-exclude"
        onClick={() => addClause(clause(true))}
      >
        ⊖
      </button>
    </li>
  )
}

interface FacetAllProps {
  field: string
  label: string
  total: number
  clause: (value: string, exclude: boolean) => string
}

/** The expanded facet: search, order, every value, and how many are not displayed. */
export function FacetAll({ field, label, total, clause }: FacetAllProps) {
  const t = useT()
  const [search, setSearch] = useState('')
  const [order, setOrder] = useState<FacetOrder>('count')
  const result = useFacetValues(field, search, order, 5_000)
  const values = result?.values ?? []
  const rendered = values.slice(0, RENDERED)
  const notShown = (result?.matching ?? 0) - rendered.length
  return (
    <div className="facet-all" data-testid="facet-all">
      <div className="facet-all__tools">
        <input
          type="search"
          className="facet-all__search"
          placeholder={formatMessage(t.facetSearch, { facet: label })}
          aria-label={formatMessage(t.facetSearch, { facet: label })}
          value={search}
          data-testid="facet-search"
          onChange={(e) => setSearch(e.target.value)}
        />
        <button
          type="button"
          className="facet__more facet-all__order"
          aria-pressed={order === 'rarest'}
          data-testid="facet-order"
          onClick={() => setOrder(order === 'rarest' ? 'count' : 'rarest')}
        >
          {order === 'rarest' ? t.facetMostFirst : t.facetRarestFirst}
        </button>
      </div>
      <ul className="facet__values facet-all__values">
        {rendered.map((v) => (
          <FacetValueRow key={v.value} field={field} label={v.value} count={v.count} total={total} clause={(exclude) => clause(v.value, exclude)} />
        ))}
      </ul>
      {result && result.matching === 0 ? <div className="facet-all__note">{t.facetNoMatch}</div> : null}
      {notShown > 0 ? (
        <div className="facet-all__note" data-testid="facet-not-shown">
          {formatMessage(t.facetNotShown, { n: formatCount(notShown) })}
        </div>
      ) : null}
      {result && result.scanned < result.total ? (
        <div className="facet-all__note">{formatMessage(t.facetScanned, { scanned: formatCount(result.scanned), total: formatCount(result.total) })}</div>
      ) : null}
    </div>
  )
}
