// The S3 dialog's explicit opt-in for a plain http:// endpoint on another host: the signed
// requests (access key ID, session token) would cross the network in clear, so main refuses them
// unless the user ticks this (main/s3/endpoint-policy.ts). Shown only when it applies; unticked
// each session.
import { isPlainHttpToNetwork } from '../../common/aws-names'
import { useT } from '../state/language-store'
import { setAllowPlainHttp, useS3 } from '../state/s3-store'

export function PlainHttpConsent() {
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
