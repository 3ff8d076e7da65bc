// The row under the filter bar: quick views (toggle chips and-ed with the filter), the time range,
// pivots from the selected event, and the time zone.
import type { MessageKey } from '../../common/i18n'
import { toggleQuickView, useFind } from '../state/find-store'
import { useT } from '../state/language-store'
import { QUICK_VIEW_CLAUSES, QUICK_VIEWS, type QuickViewId } from '../state/view-spec'
import { PivotButton } from './PivotMenu'
import { TimeRangePicker } from './TimeRangePicker'
import { TimeZonePicker } from './TimeZonePicker'

const QUICK_LABELS: Readonly<Record<QuickViewId, MessageKey>> = {
  changes: 'quickChanges',
  errors: 'quickErrors',
  denied: 'quickDenied',
}

function QuickViews() {
  const t = useT()
  const quick = useFind((s) => s.quick)
  return (
    <div className="chips" role="group" aria-label={t.quickLabel}>
      {QUICK_VIEWS.map((id) => {
        const on = quick.includes(id)
        return (
          <button
            key={id}
            type="button"
            className={on ? `chip chip--${id} is-on` : `chip chip--${id}`}
            aria-pressed={on}
            title={QUICK_VIEW_CLAUSES[id]}
            data-testid={`quick-${id}`}
            onClick={() => toggleQuickView(id)}
          >
            <span className="chip__dot" aria-hidden="true" />
            {t[QUICK_LABELS[id]]}
          </button>
        )
      })}
    </div>
  )
}

export function FindToolbar() {
  return (
    <div className="findbar">
      <QuickViews />
      <span className="findbar__sep" aria-hidden="true" />
      <TimeRangePicker />
      <span className="findbar__sep" aria-hidden="true" />
      <PivotButton />
      <div className="findbar__spacer" />
      <TimeZonePicker />
    </div>
  )
}
