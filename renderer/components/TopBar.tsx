// App name, Open, load progress with Cancel, counts, language switch.
import { formatMessage, LANGUAGES } from '../../common/i18n'
import { cancelLoad, opensByPath, pickAndLoad } from '../state/actions'
import { ClearButton } from './ClearButton'
import { useLanguage, useT } from '../state/language-store'
import { useLoad } from '../state/load-store'
import { useSessionState, useViewSession } from '../session/session-react'
import { formatBytes, formatCount, formatDuration } from '../format/format'
import { Logo } from './Logo'
import { LoadAnomalies } from './LoadAnomalies'
import { openS3Dialog } from '../state/s3-store'
import { IntegrityButton } from './IntegrityPanel'
import { DetectionsButton } from './DetectionsPanel'
import { QueryStatus, useQueryStale } from './QueryStatus'
import { SourcesButton } from './SourcesPanel'

const LANGUAGE_NAMES = { en: 'EN', ja: '日本語' } as const

function LanguageSwitch() {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const setLanguage = useLanguage((s) => s.setLanguage)
  return (
    <div className="segmented" role="group" aria-label={t.languageLabel} data-testid="language-switch">
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={lang === language ? 'is-active' : ''}
          aria-pressed={lang === language}
          data-testid={`lang-${lang}`}
          onClick={() => setLanguage(lang)}
        >
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </div>
  )
}

function Progress() {
  const t = useT()
  const loading = useLoad((s) => s.loading)
  const progress = useLoad((s) => s.progress)
  if (!loading && !progress?.cancelled) return null
  if (!loading && progress?.cancelled) {
    return (
      <div className="progress progress--done" data-testid="load-progress">
        {t.loadCancelled}
      </div>
    )
  }
  // Until the inputs are counted the bar has no total to run against: it says so instead.
  const fraction = progress && progress.totalKnown && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : null
  return (
    <div className="progress" data-testid="load-progress" role="status">
      <div className="progress__bar" aria-hidden="true">
        <div
          className={fraction === null ? 'progress__fill progress__fill--indeterminate' : 'progress__fill'}
          style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
        />
      </div>
      <span className="progress__text">
        {!progress ? t.loadingRows : progress.counting ? formatMessage(t.loadCounting, { n: progress.filesTotal }) : formatMessage(t.loadingFiles, { done: formatCount(progress.filesDone), total: formatCount(progress.filesTotal) })}
        {progress && !progress.counting && progress.bytesTotal > 0 ? (
          <span className="muted"> · {formatMessage(t.loadingBytes, { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}</span>
        ) : null}
        <RateText />
      </span>
      <button type="button" className="button button--small" title={t.cancelTitle} onClick={cancelLoad} data-testid="cancel-load">
        {t.cancel}
      </button>
    </div>
  )
}

/** "· 12.3 MB/s · 45,000 events/s · about 20 s left", once the rate is measured. */
function RateText() {
  const t = useT()
  const rate = useLoad((s) => s.rate)
  if (!rate) return null
  const speed = formatMessage(t.loadRate, { bytes: formatBytes(rate.bytesPerSecond), events: formatCount(Math.round(rate.eventsPerSecond)) })
  let left = ''
  if (rate.msLeft !== null) {
    left = ` · ${formatMessage(t.loadTimeLeft, { time: formatDuration(rate.msLeft, t) })}`
  }
  return (
    <span className="muted" data-testid="load-rate">
      {' '}
      · {speed}
      {left}
    </span>
  )
}

function Counts() {
  const t = useT()
  const matched = useSessionState((s) => s.info?.matched ?? 0)
  const total = useSessionState((s) => s.info?.total ?? 0)
  const duplicates = useLoad((s) => s.progress?.duplicates ?? 0)
  const shown = formatCount(matched)
  const loaded = formatCount(total)
  const stale = useQueryStale()
  const title = formatMessage(t.countsTitle, { shown, loaded }) + (duplicates > 0 ? ` · ${formatMessage(t.duplicatesDropped, { n: formatCount(duplicates) })}` : '')
  return (
    <div className={stale ? 'counts counts--stale' : 'counts'} title={title} data-testid="counts" data-stale={stale || undefined}>
      <span className="counts__value" data-testid="count-shown">{shown}</span>
      <span className="counts__label">{t.countsShown}</span>
      <span className="counts__sep">/</span>
      <span className="counts__value" data-testid="count-loaded">{loaded}</span>
      <span className="counts__label">{t.countsLoaded}</span>
    </div>
  )
}

export function TopBar() {
  const t = useT()
  const session = useViewSession()
  const total = useSessionState((s) => s.info?.total ?? 0)
  const loading = useLoad((s) => s.loading)
  const callError = useLoad((s) => s.callError)
  const setCallError = useLoad((s) => s.setCallError)
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand__name">{t.appName}</span>
        <span className="brand__kanji" lang="ja" aria-hidden="true">足跡</span>
        <span className="brand__tagline">{t.appTagline}</span>
      </div>
      <button type="button" className="button button--primary" title={t.openTitle} onClick={() => pickAndLoad(session)} data-testid="open-button">
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M1.5 3A1.5 1.5 0 0 1 3 1.5h3.1l1.6 1.6H13A1.5 1.5 0 0 1 14.5 4.6v1H4.3a1.5 1.5 0 0 0-1.4 1l-1.4 4.2V3Zm1.9 4.2a.5.5 0 0 1 .5-.4h11a.5.5 0 0 1 .5.7l-1.8 5.4a1.5 1.5 0 0 1-1.4 1H2.4a.5.5 0 0 1-.5-.7l1.5-6Z" />
        </svg>
        {t.open}
      </button>
      {opensByPath() ? null : (
        <button type="button" className="button" title={t.openFolderTitle} onClick={() => pickAndLoad(session, 'folders')} data-testid="open-folder-button">
          {t.openFolder}
        </button>
      )}
      <button type="button" className="button" title={t.s3OpenTopTitle} onClick={openS3Dialog} data-testid="open-s3-button">
        {t.s3OpenTop}
      </button>
      {total > 0 ? (
        <button type="button" className="button" title={t.exportButtonTitle} onClick={session.openExportDialog} data-testid="export-button">
          {t.exportButton}
        </button>
      ) : null}
      <SourcesButton />
      <IntegrityButton />
      <DetectionsButton />
      {total > 0 && !loading ? (
        <ClearButton total={total} />
      ) : null}
      <Progress />
      {callError ? (
        <div className="call-error" role="alert" data-testid="call-error">
          <span>{formatMessage(t.errorGeneric, { message: callError })}</span>
          <button type="button" className="icon-button" aria-label="×" onClick={() => setCallError(null)}>
            ×
          </button>
        </div>
      ) : null}
      <div className="topbar__spacer" />
      <QueryStatus />
      <Counts />
      <LoadAnomalies />
      <LanguageSwitch />
    </header>
  )
}
