// Where the trail is: the connection (AWS profile, region, endpoint, and the opt-in for a plain
// http endpoint) and the bucket and prefix, with List buckets and Discover.
import { useMemo } from 'react'
import { isPlainHttpToNetwork } from '../../common/aws-names'
import { formatMessage } from '../../common/i18n'
import { formatCount } from '../format/format'
import { useT } from '../state/language-store'
import { discover, listBuckets, setAllowPlainHttp, setS3Field, useS3 } from '../state/s3-store'
import { Field, TextInput, WithCode } from './S3Fields'

/**
 * The explicit opt-in for a plain http:// endpoint on another host: the signed requests (access
 * key ID, session token) would cross the network in clear, so main refuses them unless the user
 * ticks this (main/s3/endpoint-policy.ts). Shown only when it applies; unticked each session.
 */
function PlainHttpConsent() {
  const t = useT()
  const endpoint = useS3((s) => s.form.endpointUrl)
  const allowed = useS3((s) => s.allowPlainHttp)
  if (!isPlainHttpToNetwork(endpoint)) return null
  return (
    <div className="s3-field">
      <label className="s3-check" title={t.s3AllowPlainHttpHint}>
        <input type="checkbox" checked={allowed} onChange={(e) => setAllowPlainHttp(e.currentTarget.checked)} data-testid="s3-allow-plain-http" />
        <span>{t.s3AllowPlainHttp}</span>
      </label>
      <div className="s3-field__hint">{t.s3AllowPlainHttpHint}</div>
    </div>
  )
}

/** `id(name)`: the dialog's unique ids, so labels point at their inputs. */
type Ids = (name: string) => string

export function ConnectionFields({ id }: { id: Ids }) {
  const t = useT()
  const profiles = useS3((s) => s.profiles)
  const profilesError = useS3((s) => s.profilesError)
  const profile = useS3((s) => s.form.profile)
  const profileRegion = useMemo(() => profiles?.find((p) => p.name === profile)?.region, [profiles, profile])
  return (
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
      {/* The explanation is a hint: as a placeholder it was cut at 1280 px. */}
      <Field label={t.s3Region} htmlFor={id('region')} hint={t.s3RegionHint}>
        <TextInput id={id('region')} field="region" testId="s3-region" placeholder={profileRegion ?? 'us-east-1'} />
      </Field>
      <Field label={t.s3Endpoint} htmlFor={id('endpoint')} hint={t.s3EndpointHint}>
        <TextInput id={id('endpoint')} field="endpointUrl" testId="s3-endpoint" placeholder="https://…" />
      </Field>
      <PlainHttpConsent />
    </div>
  )
}

export function BucketFields({ id }: { id: Ids }) {
  const t = useT()
  const buckets = useS3((s) => s.buckets)
  const bucketsBusy = useS3((s) => s.bucketsBusy)
  const bucketsError = useS3((s) => s.bucketsError)
  const discoverBusy = useS3((s) => s.discoverBusy)
  const hasBucket = useS3((s) => s.form.bucket.trim() !== '')
  return (
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
  )
}
