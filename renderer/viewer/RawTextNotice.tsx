// The line above an event the viewer could not lay out (pretty-json.ts gave up): it is shown as
// written, and this says why, so that a missing layout or missing notes is never a mystery.
import { MAX_JSON_DEPTH } from '../../common/json-depth'
import { formatMessage, type Messages } from '../../common/i18n'
import type { PrettyJson } from './pretty-json'

export function RawTextNotice({ pretty, t }: { pretty: PrettyJson; t: Messages }) {
  if (pretty.ok) return null
  const text = pretty.problem === 'tooDeep' ? formatMessage(t.viewerRawTooDeep, { max: String(MAX_JSON_DEPTH) }) : t.viewerRawNotJson
  return (
    <div className="viewer__raw-notice" role="status" data-testid="viewer-raw-notice" data-problem={pretty.problem ?? ''}>
      {text}
    </div>
  )
}
