// Facets added for any field: the list's other columns (access key, event type...) and every
// field seen in the loaded set (userAgent, requestParameters.bucketName...). Each shows its top
// values like the built-in facets, "show all" opens it in full; the user can remove it.
import { useEffect, useId, useState } from 'react'
import { fieldClause } from '../../common/query/facet-query'
import { isFieldPath } from '../list/columns'
import { loadCatalogue, useFieldValues } from '../state/field-values'
import { MAX_EXTRA_FACETS, useFacetPrefs } from '../state/facet-prefs'
import { useT } from '../state/language-store'
import { useFacetValues } from './FacetAll'
import { FACET_SHOWN, FacetCard } from './FacetCard'

/** Row columns with a dictionary in main (counted exactly) and the query name that filters them. */
const COLUMN_FIELDS: Readonly<Record<string, string>> = { accessKey: 'accessKey', eventType: 'eventType', resourceType: 'resourceType' }

const queryFieldOf = (field: string): string => COLUMN_FIELDS[field] ?? field

function ExtraFacet({ field, total }: { field: string; total: number }) {
  const t = useT()
  const removeFacet = useFacetPrefs((s) => s.removeFacet)
  const [more, setMore] = useState(false)
  const top = useFacetValues(field, '', 'count', FACET_SHOWN, !more)
  const title = (
    <>
      <span className="facet__path" title={field}>
        {field}
      </span>
      <button type="button" className="facet__remove" title={t.facetRemove} aria-label={`${t.facetRemove}: ${field}`} data-testid="facet-remove" onClick={() => removeFacet(field)}>
        ×
      </button>
    </>
  )
  return (
    <FacetCard
      field={field}
      label={field}
      title={title}
      titleClass="facet__title--extra"
      distinct={top ? top.distinct : null}
      values={top?.values ?? []}
      total={total}
      clause={(value, exclude) => fieldClause(queryFieldOf(field), value ?? '', exclude)}
      more={more}
      setMore={setMore}
    />
  )
}

function AddFacet() {
  const t = useT()
  const id = useId()
  const addFacet = useFacetPrefs((s) => s.addFacet)
  const count = useFacetPrefs((s) => s.extra.length)
  const catalogue = useFieldValues((s) => s.catalogue)
  const [text, setText] = useState('')
  useEffect(() => {
    void loadCatalogue()
  }, [])
  if (count >= MAX_EXTRA_FACETS) return null
  const options = [...Object.keys(COLUMN_FIELDS), ...(catalogue?.fields ?? []).map((f) => f.path)]
  const submit = (): void => {
    const field = text.trim()
    if (!isFieldPath(field)) return
    addFacet(field)
    setText('')
  }
  return (
    <form
      className="facet-add"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <input
        className="facet-all__search"
        list={`${id}-fields`}
        placeholder={t.facetAdd}
        aria-label={t.facetAdd}
        value={text}
        data-testid="facet-add-input"
        onFocus={() => void loadCatalogue()}
        onChange={(e) => setText(e.target.value)}
      />
      <datalist id={`${id}-fields`}>
        {options.slice(0, 500).map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      <button type="submit" className="button button--small" data-testid="facet-add" disabled={!isFieldPath(text.trim())}>
        {t.facetAddButton}
      </button>
    </form>
  )
}

export function ExtraFacets({ total }: { total: number }) {
  const extra = useFacetPrefs((s) => s.extra)
  return (
    <>
      {extra.map((field) => (
        <ExtraFacet key={field} field={field} total={total} />
      ))}
      <AddFacet />
    </>
  )
}
