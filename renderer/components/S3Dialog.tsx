// File ▸ Open from S3…: connection (profile, region, endpoint), bucket and prefix, Discover (the
// trail's organizations, accounts, regions, Insight and digest folders), a UTC date range, then
// Open with progress, Cancel and every problem named with its s3:// key. A native modal <dialog>:
// focus stays inside, Escape closes it, Enter discovers and then opens.
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react'
import { formatMessage, type Messages } from '../../common/i18n'
import type { S3OpenProgress } from '../../common/ipc-contract'
import { formatBytes, formatCount, formatUtc } from '../format/format'
import { useT } from '../state/language-store'
import { checkRange, RANGE_PRESETS, type RangePreset } from '../state/s3-range'
import { PlainHttpConsent } from './S3PlainHttpConsent'
import {
  applyPreset,
  cancelS3Open,
  clearS3Cache,
  closeS3Dialog,
  discover,
  listBuckets,
  openRequest,
  runFinished,
  setIncludeInsight,
  setIncludeDigests,
  setS3Field,
  startS3Open,
  toggleAccount,
  toggleRegion,
  useS3,
  type S3Form,
} from '../state/s3-store'

/** Text with `command` spans (the SSO hint: `aws sso login --profile x`) shown as code. */
function WithCode({ text }: { text: string }) {
  const parts = text.split('`')
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="s3-code">
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  )
}

function Field({ label, hint, children, htmlFor }: { label: string; hint?: ReactNode; children: ReactNode; htmlFor: string }) {
  return (
    <div className="s3-field">
      <label className="s3-field__label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="s3-field__control">{children}</div>
      {hint ? <div className="s3-field__hint">{hint}</div> : null}
    </div>
  )
}

function TextInput({ id, field, testId, placeholder, list, type = 'text' }: { id: string; field: keyof S3Form; testId: string; placeholder?: string; list?: string; type?: string }) {
  const value = useS3((s) => s.form[field])
  return (
    <input
      id={id}
      className="s3-input"
      type={type}
      value={value}
      placeholder={placeholder}
      list={list}
      spellCheck={false}
      autoComplete="off"
      data-testid={testId}
      onChange={(e) => setS3Field(field, e.currentTarget.value)}
    />
  )
}

const PRESET_LABEL: Record<RangePreset, keyof Messages> = { today: 's3PresetToday', last24h: 's3Preset24h', last7d: 's3Preset7d' }

function phaseText(t: Messages, p: S3OpenProgress | null): string {
  if (!p) return t.s3PhaseDiscovering
  if (p.done) return p.error ? t.s3FailedWhole : p.cancelled ? t.s3PhaseCancelled : t.s3PhaseDone
  return { discovering: t.s3PhaseDiscovering, listing: t.s3PhaseListing, downloading: t.s3PhaseDownloading, loading: t.s3PhaseLoading, done: t.s3PhaseDone }[p.phase]
}

function RunView() {
  const t = useT()
  const run = useS3((s) => s.run)
  if (!run) return null
  const p = run.progress
  const finished = runFinished(run)
  const fraction = p && p.objectsTotal > 0 ? (p.objectsDone + p.failed) / p.objectsTotal : null
  const fatal = run.error ?? p?.error ?? null
  const problems = run.problems.filter((r) => r.reason !== fatal)
  return (
    <section className="s3-run" data-testid="s3-progress" data-done={finished ? 'true' : 'false'} aria-live="polite">
      <div className="s3-run__head">
        <strong className="s3-run__phase" data-testid="s3-phase">
          {run.error ? t.s3FailedWhole : phaseText(t, p)}
        </strong>
        {!finished ? (
          <button type="button" className="button button--small" title={t.s3CancelTitle} onClick={cancelS3Open} data-testid="s3-cancel">
            {t.cancel}
          </button>
        ) : null}
      </div>
      {!finished ? (
        <div className="progress__bar s3-run__bar" aria-hidden="true">
          <div
            className={fraction === null ? 'progress__fill progress__fill--indeterminate' : 'progress__fill'}
            style={fraction === null ? undefined : { width: `${Math.round(Math.min(1, fraction) * 100)}%` }}
          />
        </div>
      ) : null}
      {p && !fatal ? (
        <div className="s3-run__stats">
          <span data-testid="s3-objects">{formatMessage(t.s3Objects, { done: formatCount(p.objectsDone), total: formatCount(p.objectsTotal) + (p.listingDone ? '' : '+') })}</span>
          <span>{formatMessage(t.s3Bytes, { done: formatBytes(p.bytesDone), total: formatBytes(p.bytesTotal) })}</span>
          <span data-testid="s3-events">{formatMessage(t.s3Events, { n: formatCount(p.events) })}</span>
          {p.fromCache > 0 ? <span className="muted">{formatMessage(t.s3FromCache, { n: formatCount(p.fromCache) })}</span> : null}
          {p.failed > 0 ? <span className="s3-run__failed">{formatMessage(t.s3Failed, { n: formatCount(p.failed) })}</span> : null}
        </div>
      ) : null}
      {p?.offline ? <p className="s3-note">{t.s3Offline}</p> : null}
      {p?.notice && !p.offline ? <p className="s3-note" data-testid="s3-notice">{p.notice}</p> : null}
      {fatal ? (
        <p className="s3-error" role="alert" data-testid="s3-error">
          <WithCode text={fatal} />
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="s3-problems">
          <div className="s3-problems__title">{formatMessage(t.s3Problems, { n: formatCount(Math.max(problems.length, p?.failed ?? 0)) })}</div>
          <ul className="s3-problems__list">
            {problems.map((r, i) => (
              <li key={`${r.file}\u0000${i}`} className="s3-problem" data-testid="s3-problem">
                <span className="s3-problem__file" title={r.file}>
                  {r.file}
                </span>
                <span className="s3-problem__reason">
                  <WithCode text={r.reason} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

function LayoutView() {
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

function RangeView({ ids }: { ids: { from: string; to: string; concurrency: string } }) {
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

function DialogBody() {
  const t = useT()
  const base = useId()
  const id = (name: string) => `${base}-${name}`
  const profiles = useS3((s) => s.profiles)
  const profilesError = useS3((s) => s.profilesError)
  const profile = useS3((s) => s.form.profile)
  const buckets = useS3((s) => s.buckets)
  const bucketsBusy = useS3((s) => s.bucketsBusy)
  const bucketsError = useS3((s) => s.bucketsError)
  const discoverBusy = useS3((s) => s.discoverBusy)
  const discoverError = useS3((s) => s.discoverError)
  const hasBucket = useS3((s) => s.form.bucket.trim() !== '')
  const layout = useS3((s) => s.layout)
  const run = useS3((s) => s.run)
  const cacheResult = useS3((s) => s.cacheResult)
  const cacheError = useS3((s) => s.cacheError)
  const complete = useS3((s) => openRequest(s) !== null)
  const running = !runFinished(run)
  const picked = useS3((s) => !s.layout || (s.accounts.length > 0 && s.regions.length > 0))
  const canOpen = complete && !running && picked
  const profileRegion = useMemo(() => profiles?.find((p) => p.name === profile)?.region, [profiles, profile])

  return (
    <form
      className="s3-dialog__form"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        // Enter in a text field: discover first, then open.
        if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLInputElement) || e.target.type === 'checkbox') return
        e.preventDefault()
        if (!layout && hasBucket && !discoverBusy) void discover()
        else if (layout && canOpen) void startS3Open()
      }}
    >
      <header className="s3-dialog__header">
        <h2 id={`${base}-title`} className="s3-dialog__title">
          {t.s3DialogTitle}
        </h2>
        <button type="button" className="icon-button" aria-label={t.s3Close} onClick={closeS3Dialog} data-testid="s3-close-x">
          ×
        </button>
      </header>
      <div className="s3-dialog__content">
        <div className="s3-grid">
          <Field label={t.s3Profile} htmlFor={id('profile')} hint={profilesError ? <span className="s3-field-error">{profilesError}</span> : undefined}>
            <select id={id('profile')} className="s3-input" value={profile} onChange={(e) => setS3Field('profile', e.currentTarget.value)} data-testid="s3-profile">
              <option value="">{t.s3DefaultChain}</option>
              {(profiles ?? []).map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                  {p.region ? ` · ${p.region}` : ''}
                  {p.sso ? ' · SSO' : ''}
                </option>
              ))}
              {profile && profiles && !profiles.some((p) => p.name === profile) ? <option value={profile}>{profile}</option> : null}
            </select>
          </Field>
          <Field label={t.s3Region} htmlFor={id('region')}>
            <TextInput id={id('region')} field="region" testId="s3-region" placeholder={profileRegion ?? t.s3RegionPlaceholder} />
          </Field>
          <Field label={t.s3Endpoint} htmlFor={id('endpoint')} hint={t.s3EndpointHint}>
            <TextInput id={id('endpoint')} field="endpointUrl" testId="s3-endpoint" placeholder="https://…" />
          </Field>
          <PlainHttpConsent />
        </div>
        <div className="s3-grid">
          <Field
            label={t.s3Bucket}
            htmlFor={id('bucket')}
            hint={bucketsError ? <span className="s3-field-error" data-testid="s3-buckets-error"><WithCode text={bucketsError} /></span> : buckets ? formatMessage(t.s3BucketsFound, { n: formatCount(buckets.length) }) : undefined}
          >
            <div className="s3-inline">
              <TextInput id={id('bucket')} field="bucket" testId="s3-bucket" list={id('buckets')} placeholder="my-cloudtrail-bucket" />
              <button type="button" className="button button--small" onClick={() => void listBuckets()} disabled={bucketsBusy} data-testid="s3-list-buckets">
                {bucketsBusy ? t.s3Listing : t.s3ListBuckets}
              </button>
            </div>
            <datalist id={id('buckets')}>
              {(buckets ?? []).map((b) => (
                <option key={b.name} value={b.name}>
                  {b.region ?? ''}
                </option>
              ))}
            </datalist>
          </Field>
          <Field label={t.s3Prefix} htmlFor={id('prefix')} hint={t.s3PrefixHint}>
            <div className="s3-inline">
              <TextInput id={id('prefix')} field="prefix" testId="s3-prefix" placeholder="AWSLogs/o-…/" />
              <button type="button" className="button button--small" onClick={() => void discover()} disabled={!hasBucket || discoverBusy} data-testid="s3-discover">
                {discoverBusy ? t.s3Discovering : t.s3Discover}
              </button>
            </div>
          </Field>
        </div>
        {discoverError ? (
          <p className="s3-error" role="alert" data-testid="s3-discover-error">
            <WithCode text={discoverError} />
          </p>
        ) : null}
        <LayoutView />
        <RangeView ids={{ from: id('from'), to: id('to'), concurrency: id('concurrency') }} />
        <RunView />
      </div>
      <footer className="s3-dialog__footer">
        <button type="button" className="button button--quiet" onClick={() => void clearS3Cache()} disabled={running} title={t.s3ClearCacheTitle} data-testid="s3-clear-cache">
          {t.s3ClearCache}
        </button>
        <span className="s3-dialog__cache muted" data-testid="s3-cache-result">
          {cacheResult ? formatMessage(t.s3CacheCleared, { objects: formatCount(cacheResult.objects), bytes: formatBytes(cacheResult.bytes) }) : null}
          {cacheError ? <span className="s3-field-error">{cacheError}</span> : null}
        </span>
        <span className="s3-dialog__spacer" />
        <button type="button" className="button" onClick={closeS3Dialog} data-testid="s3-close">
          {t.s3Close}
        </button>
        <button type="button" className="button button--primary" disabled={!canOpen} onClick={() => void startS3Open()} data-testid="s3-open">
          {t.s3OpenButton}
        </button>
      </footer>
    </form>
  )
}

export function S3Dialog() {
  const t = useT()
  const open = useS3((s) => s.open)
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    else if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    // Escape closes a modal <dialog> by itself; onClose keeps the store in step.
    <dialog ref={ref} className="s3-dialog" aria-label={t.s3DialogTitle} onClose={closeS3Dialog} data-testid="s3-dialog">
      {open ? <DialogBody /> : null}
    </dialog>
  )
}
