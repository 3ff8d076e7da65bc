// The coverage heat map: account × region rows, one cell per hour (UTC). A cell's shade is the
// files delivered that hour; an hour with no file is marked; hours a loaded digest covers have
// a band under them; events that stop or hide logging are drawn as marks on their hour.
import type { CoverageInfo, CoverageRow } from '../../common/ipc-contract'
import { formatMessage } from '../../common/i18n'
import { useT } from '../state/language-store'

const HOUR = 3_600_000

function level(files: number, max: number): number {
  if (files === 0) return 0
  return Math.max(1, Math.ceil((files / max) * 4))
}

const hourLabel = (t: number): string => new Date(t).toISOString().slice(0, 13).replace('T', ' ') + ':00Z'

function Row({ row, coverage, max }: { row: CoverageRow; coverage: CoverageInfo; max: number }) {
  const t = useT()
  const marks = coverage.tampering.filter((m) => m.account === row.account && m.region === row.region)
  return (
    <div className="coverage__row" data-testid="coverage-row" data-account={row.account} data-region={row.region}>
      <span className="coverage__label" title={`${row.account} / ${row.region}`}>
        {row.account} <span className="muted">{row.region}</span>
      </span>
      <span className="coverage__cells" style={{ gridTemplateColumns: `repeat(${coverage.hours}, minmax(6px, 1fr))` }}>
        {row.files.map((files, h) => {
          const here = marks.filter((m) => m.hour === h)
          const title = [
            hourLabel(coverage.from + h * HOUR),
            formatMessage(t.coverageCellTitle, { files: files, events: row.events[h] }),
            row.digested[h] ? t.coverageDigested : t.coverageNotDigested,
            ...here.map((m) => `⚠ ${m.eventName}`),
          ].join('\n')
          return (
            <span
              key={h}
              className={`coverage__cell coverage__cell--l${level(files, max)}${row.digested[h] ? ' coverage__cell--digested' : ''}${files === 0 ? ' coverage__cell--gap' : ''}`}
              title={title}
              data-testid="coverage-cell"
              data-hour={h}
              data-files={files}
              data-digested={row.digested[h] ? 'true' : 'false'}
            >
              {here.length > 0 ? (
                <span className="coverage__tamper" data-testid="tampering-mark" data-event={here.map((m) => m.eventName).join(',')}>
                  ▲
                </span>
              ) : null}
            </span>
          )
        })}
      </span>
    </div>
  )
}

export function CoverageMap({ coverage }: { coverage: CoverageInfo }) {
  const t = useT()
  if (coverage.hours === 0) return <p className="muted">{t.coverageEmpty}</p>
  const max = Math.max(1, ...coverage.rows.flatMap((r) => r.files))
  const unplaced = coverage.tampering.filter((m) => !coverage.rows.some((r) => r.account === m.account && r.region === m.region))
  return (
    <div className="coverage" data-testid="coverage-map" role="group" aria-label={t.coverageTitle}>
      <div className="coverage__axis muted">
        <span>{hourLabel(coverage.from)}</span>
        <span>{hourLabel(coverage.from + (coverage.hours - 1) * HOUR)}</span>
      </div>
      {coverage.rows.map((row) => (
        <Row key={`${row.account}/${row.region}`} row={row} coverage={coverage} max={max} />
      ))}
      <div className="coverage__legend muted">
        <span className="coverage__cell coverage__cell--l3" /> {t.coverageLegendFiles}
        <span className="coverage__cell coverage__cell--l0 coverage__cell--gap" /> {t.coverageLegendGap}
        <span className="coverage__cell coverage__cell--l0 coverage__cell--digested" /> {t.coverageDigested}
        <span className="coverage__tamper">▲</span> {t.coverageLegendTamper}
      </div>
      {unplaced.length > 0 ? (
        <p className="muted" data-testid="tampering-elsewhere">
          {formatMessage(t.coverageTamperElsewhere, { events: unplaced.map((m) => `${m.eventName} (${m.account} ${m.region})`).join(', ') })}
        </p>
      ) : null}
      {coverage.truncated ? <p className="muted">{t.coverageTruncated}</p> : null}
    </div>
  )
}
