// What to open from the discovered trail: its organizations, the accounts and regions to read,
// Insights and digest files, and the UTC date range (typed or from a preset), checked as typed.
import { formatMessage, type Messages } from '../../common/i18n'
import { formatCount, formatUtc } from '../format/format'
import { useT } from '../state/language-store'
import { checkRange, RANGE_PRESETS, type RangePreset } from '../state/s3-range'
import { applyPreset, setIncludeDigests, setIncludeInsight, toggleAccount, toggleRegion, useS3 } from '../state/s3-store'
import { Field, TextInput } from './S3Fields'

const PRESET_LABEL: Record<RangePreset, keyof Messages> = { today: 's3PresetToday', last24h: 's3Preset24h', last7d: 's3Preset7d' }

export function LayoutView() {
  const t = useT()
  const layout = useS3((s) => s.layout)
  const accounts = useS3((s) => s.accounts)
  const regions = useS3((s) => s.regions)
  const includeInsight = useS3((s) => s.includeInsight)
  const includeDigests = useS3((s) => s.includeDigests)
  if (!layout) return null
  return (
    <section className="s3-layout" data-testid="s3-layout" aria-label={t.s3LayoutTitle}>
      {layout.orgIds.length > 0 ? (
        <div className="s3-layout__row">
          <span className="s3-layout__label">{t.s3Organizations}</span>
          <span className="s3-layout__value" data-testid="s3-org-ids">
            {layout.orgIds.join(', ')}
          </span>
        </div>
      ) : null}
      <fieldset className="s3-checks">
        <legend>{formatMessage(t.s3Accounts, { n: formatCount(layout.accounts.length) })}</legend>
        {layout.accounts.map((a) => (
          <label key={a} className="s3-check">
            <input type="checkbox" checked={accounts.includes(a)} onChange={(e) => toggleAccount(a, e.currentTarget.checked)} data-testid={`s3-account-${a}`} />
            <span className="mono">{a}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="s3-checks">
        <legend>{formatMessage(t.s3Regions, { n: formatCount(layout.regions.length) })}</legend>
        {layout.regions.map((r) => (
          <label key={r} className="s3-check">
            <input type="checkbox" checked={regions.includes(r)} onChange={(e) => toggleRegion(r, e.currentTarget.checked)} data-testid={`s3-region-${r}`} />
            <span className="mono">{r}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="s3-checks">
        <legend>{t.s3Kinds}</legend>
        <label className="s3-check">
          <input type="checkbox" checked disabled />
          <span>{t.s3Management}</span>
        </label>
        <label className={layout.hasInsight ? 's3-check' : 's3-check s3-check--absent'}>
          <input type="checkbox" checked={layout.hasInsight && includeInsight} disabled={!layout.hasInsight} onChange={(e) => setIncludeInsight(e.currentTarget.checked)} data-testid="s3-insight" />
          <span>{layout.hasInsight ? t.s3Insight : t.s3InsightAbsent}</span>
        </label>
        <label className={layout.hasDigest ? 's3-check' : 's3-check s3-check--absent'} title={t.s3DigestTitle}>
          <input type="checkbox" checked={layout.hasDigest && includeDigests} disabled={!layout.hasDigest} onChange={(e) => setIncludeDigests(e.currentTarget.checked)} data-testid="s3-digest" />
          <span>{layout.hasDigest ? t.s3Digest : t.s3DigestAbsent}</span>
        </label>
      </fieldset>
      {accounts.length === 0 || regions.length === 0 ? <p className="s3-field-error">{t.s3PickSome}</p> : null}
    </section>
  )
}

export function RangeView({ ids }: { ids: { from: string; to: string; concurrency: string } }) {
  const t = useT()
  const from = useS3((s) => s.form.from)
  const to = useS3((s) => s.form.to)
  const check = checkRange(from, to)
  return (
    <div className="s3-range">
      <div className="s3-range__inputs">
        <Field label={t.s3From} htmlFor={ids.from}>
          <TextInput id={ids.from} field="from" testId="s3-from" placeholder="2024-03-10" />
        </Field>
        <Field label={t.s3To} htmlFor={ids.to}>
          <TextInput id={ids.to} field="to" testId="s3-to" placeholder="2024-03-11T12:00Z" />
        </Field>
        <Field label={t.s3Concurrency} htmlFor={ids.concurrency}>
          <TextInput id={ids.concurrency} field="concurrency" testId="s3-concurrency" type="number" />
        </Field>
      </div>
      <div className="s3-range__presets" role="group" aria-label={t.s3Presets}>
        {RANGE_PRESETS.map((preset) => (
          <button key={preset} type="button" className="button button--small" onClick={() => applyPreset(preset)} data-testid={`s3-preset-${preset}`}>
            {t[PRESET_LABEL[preset]]}
          </button>
        ))}
        <span className={check.ok ? 's3-range__shown muted' : 's3-range__shown s3-field-error'} data-testid="s3-range">
          {check.ok
            ? formatMessage(t.s3RangeShown, { from: formatUtc(check.from), to: formatUtc(check.to) })
            : check.field === 'range'
              ? t.s3BadRange
              : formatMessage(t.s3BadTime, { field: check.field === 'from' ? t.s3From : t.s3To })}
        </span>
      </div>
      <div className="s3-field__hint">{t.s3TimeHint}</div>
    </div>
  )
}
