// File ▸ Open from S3…: connection (profile, region, endpoint), bucket and prefix, Discover (the
// trail's organizations, accounts, regions, Insight and digest folders), a UTC date range, then
// Open with progress, Cancel and every problem named with its s3:// key. A Modal: focus stays
// inside, Escape closes it, Enter discovers and then opens. The parts: S3Location.tsx (where),
// S3Selection.tsx (what), S3RunView.tsx (the run), S3Fields.tsx (the inputs they share).
import { useId } from 'react'
import { formatMessage } from '../../common/i18n'
import { formatBytes, formatCount } from '../format/format'
import { useT } from '../state/language-store'
import { clearS3Cache, closeS3Dialog, discover, openRequest, runFinished, startS3Open, useS3 } from '../state/s3-store'
import { Modal } from './Modal'
import { WithCode } from './S3Fields'
import { BucketFields, ConnectionFields } from './S3Location'
import { RunView } from './S3RunView'
import { LayoutView, RangeView } from './S3Selection'

function Footer({ canOpen, running }: { canOpen: boolean; running: boolean }) {
  const t = useT()
  const cacheResult = useS3((s) => s.cacheResult)
  const cacheError = useS3((s) => s.cacheError)
  return (
    <footer className="modal__footer">
      <button type="button" className="button button--quiet" onClick={() => void clearS3Cache()} disabled={running} title={t.s3ClearCacheTitle} data-testid="s3-clear-cache">
        {t.s3ClearCache}
      </button>
      <span className="s3-dialog__cache muted" data-testid="s3-cache-result">
        {cacheResult ? formatMessage(t.s3CacheCleared, { objects: formatCount(cacheResult.objects), bytes: formatBytes(cacheResult.bytes) }) : null}
        {cacheError ? <span className="s3-field-error">{cacheError}</span> : null}
      </span>
      <span className="modal__spacer" />
      <button type="button" className="button" onClick={closeS3Dialog} data-testid="s3-close">
        {t.s3Close}
      </button>
      <button type="button" className="button button--primary" disabled={!canOpen} onClick={() => void startS3Open()} data-testid="s3-open">
        {t.s3OpenButton}
      </button>
    </footer>
  )
}

function DialogBody() {
  const base = useId()
  const id = (name: string) => `${base}-${name}`
  const discoverBusy = useS3((s) => s.discoverBusy)
  const discoverError = useS3((s) => s.discoverError)
  const hasBucket = useS3((s) => s.form.bucket.trim() !== '')
  const layout = useS3((s) => s.layout)
  const run = useS3((s) => s.run)
  const complete = useS3((s) => openRequest(s) !== null)
  const running = !runFinished(run)
  const picked = useS3((s) => !s.layout || (s.accounts.length > 0 && s.regions.length > 0))
  const canOpen = complete && !running && picked

  return (
    <form
      className="modal__form"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        // Enter in a text field: discover first, then open.
        if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLInputElement) || e.target.type === 'checkbox') return
        e.preventDefault()
        if (!layout && hasBucket && !discoverBusy) void discover()
        else if (layout && canOpen) void startS3Open()
      }}
    >
      <div className="modal__content">
        <ConnectionFields id={id} />
        <BucketFields id={id} />
        {discoverError ? (
          <p className="s3-error" role="alert" data-testid="s3-discover-error">
            <WithCode text={discoverError} />
          </p>
        ) : null}
        <LayoutView />
        <RangeView ids={{ from: id('from'), to: id('to'), concurrency: id('concurrency') }} />
        <RunView />
      </div>
      <Footer canOpen={canOpen} running={running} />
    </form>
  )
}

export function S3Dialog() {
  const t = useT()
  const open = useS3((s) => s.open)
  return (
    <Modal open={open} onClose={closeS3Dialog} title={t.s3DialogTitle} closeLabel={t.s3Close} closeTestId="s3-close-x" className="s3-dialog" testId="s3-dialog">
      <DialogBody />
    </Modal>
  )
}
