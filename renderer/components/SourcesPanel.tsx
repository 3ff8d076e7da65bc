// The Sources panel: what is loaded, one row per drop, folder, command-line path or S3 range, with
// its files, events, duplicates dropped, eventID collisions and problems. A source can be hidden
// from every view, or left out of a new investigation that reads the others again (main refuses
// when another source was uploaded: its files are not kept).
import { formatMessage } from '../../common/i18n'
import type { SourceInfo } from '../../common/ipc-contract'
import { formatCount } from '../format/format'
import { useViewSession } from '../session/session-react'
import { useT } from '../state/language-store'
import { closeSources, openSources, setSourceHidden, startWithout, useSources } from '../state/sources-store'
import { Modal } from './Modal'

type Messages = ReturnType<typeof useT>

function kindLabel(t: Messages, kind: SourceInfo['kind']): string {
  return kind === 's3' ? t.sourceKindS3 : kind === 'upload' ? t.sourceKindUpload : t.sourceKindPaths
}

/** "12 files · 3,400 events · 5 duplicates dropped · ...": the zero counts of anomalies left out. */
function facts(t: Messages, source: SourceInfo): string[] {
  const count = (template: string, n: number): string => formatMessage(template, { n: formatCount(n) })
  const out = [count(t.sourceFiles, source.files), count(t.sourceEvents, source.events)]
  if (source.duplicates > 0) out.push(count(t.sourceDuplicates, source.duplicates))
  if (source.idCollisions > 0) out.push(count(t.sourceCollisions, source.idCollisions))
  if (source.problems > 0) out.push(count(t.sourceProblems, source.problems))
  if (source.loading) out.push(t.sourceLoading)
  if (source.hidden) out.push(t.sourceHidden)
  return out
}

function SourceRow({ source, others }: { source: SourceInfo; others: SourceInfo[] }) {
  const t = useT()
  const session = useViewSession()
  const name = source.inputs > 1 ? formatMessage(t.sourceMore, { first: source.label, n: formatCount(source.inputs - 1) }) : source.label
  const othersReloadable = others.every((s) => s.reloadable)
  return (
    <li className={source.hidden ? 'source source--hidden' : 'source'} data-testid="source-row" data-hidden={source.hidden || undefined}>
      <div className="source__head">
        <span className="source__kind">{kindLabel(t, source.kind)}</span>
        <span className="source__name" title={source.label} data-testid="source-name">
          {name}
        </span>
      </div>
      <div className="source__facts" data-testid="source-facts">
        {facts(t, source).map((fact) => (
          <span key={fact}>{fact}</span>
        ))}
      </div>
      <div className="source__actions">
        <button type="button" className="button button--small" title={t.sourceHideTitle} disabled={source.loading} onClick={() => setSourceHidden(source.sourceId, !source.hidden)} data-testid="source-hide">
          {source.hidden ? t.sourceShow : t.sourceHide}
        </button>
        {others.length > 0 ? (
          <button
            type="button"
            className="button button--small"
            title={othersReloadable ? t.sourceStartWithoutTitle : t.sourceNotReloadable}
            disabled={!othersReloadable || others.some((s) => s.loading) || source.loading}
            onClick={() => {
              closeSources()
              void startWithout(session, source.sourceId)
            }}
            data-testid="source-start-without"
          >
            {t.sourceStartWithout}
          </button>
        ) : null}
      </div>
    </li>
  )
}

export function SourcesPanel() {
  const t = useT()
  const open = useSources((s) => s.open)
  const sources = useSources((s) => s.sources)
  return (
    <Modal open={open} onClose={closeSources} title={t.sourcesTitle} closeLabel={t.sourcesClose} closeTestId="sources-close" className="sources" testId="sources-panel" closeOnBackdrop>
      <div className="modal__content">
        {sources.length === 0 ? <p className="muted">{t.sourcesEmpty}</p> : null}
        <ul className="sources__list">
          {sources.map((source) => (
            <SourceRow key={source.sourceId} source={source} others={sources.filter((s) => s.sourceId !== source.sourceId)} />
          ))}
        </ul>
      </div>
    </Modal>
  )
}

/** The top bar's button, with the number of sources once there are any. */
export function SourcesButton() {
  const t = useT()
  const count = useSources((s) => s.sources.length)
  const hidden = useSources((s) => s.sources.some((source) => source.hidden))
  if (count === 0) return null
  return (
    <button type="button" className={hidden ? 'button button--attention' : 'button'} title={t.sourcesButtonTitle} onClick={openSources} data-testid="sources-button">
      {t.sourcesButton} <span className="muted">{formatCount(count)}</span>
    </button>
  )
}
