// Files that failed, or were only partly read: each named once (the name, then its folder), with
// the reason (in the UI's language, problem-words.ts) and how many events were kept, each said
// once (problem-text.ts).
import { useEffect, useMemo, useRef } from 'react'
import { formatMessage } from '../../common/i18n'
import { formatCount, fileBaseName } from '../format/format'
import { problemWords } from '../format/problem-words'
import { useT } from '../state/language-store'
import { problemReports, useLoad } from '../state/load-store'
import { useUi } from '../state/ui-store'
import { folderOf, reasonWithoutCount } from './problem-text'

/** At most this many problems are listed (a folder of thousands of bad files stays usable). */
const LISTED = 500

export function FileProblems() {
  const t = useT()
  const reports = useLoad((s) => s.reports)
  const problems = useMemo(() => problemReports(reports), [reports])
  const open = useUi((s) => s.problemsOpen)
  const setOpen = useUi((s) => s.setProblemsOpen)
  const seen = useRef(0)
  // A new problem opens the panel.
  useEffect(() => {
    if (problems.length > seen.current) setOpen(true)
    seen.current = problems.length
  }, [problems.length, setOpen])
  if (problems.length === 0) return null
  return (
    <section className={open ? 'problems' : 'problems problems--closed'} data-testid="file-errors" aria-label={t.fileErrorsTitle}>
      <button type="button" className="problems__header" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="problems__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="problems__icon" aria-hidden="true" />
        <span className="problems__title">{t.fileErrorsTitle}</span>
        <span className="problems__count">{formatMessage(t.fileErrorsCount, { n: formatCount(problems.length) })}</span>
      </button>
      {open ? (
        <ul className="problems__list">
          {problems.slice(0, LISTED).map((report, i) => (
            <li key={`${report.file}\u0000${i}`} className={report.kind === 'error' ? 'problem problem--error' : 'problem'} data-testid="file-error">
              <span className="problem__name" title={report.file}>
                {fileBaseName(report.file)}
              </span>
              <span className="problem__path" title={report.file} data-testid="file-error-folder">
                {folderOf(report.file)}
              </span>
              <span className="problem__reason" data-testid="file-error-reason">
                {report.kind === 'error' ? `${t.fileError}: ` : report.events > 0 ? `${formatMessage(t.fileRecovered, { n: formatCount(report.events) })}: ` : ''}
                {problemWords(report.kind === 'error' ? report.reason : reasonWithoutCount(report.reason, report.events), t)}
              </span>
            </li>
          ))}
          {problems.length > LISTED ? <li className="problem problem--more">+{formatCount(problems.length - LISTED)}</li> : null}
        </ul>
      ) : null}
    </section>
  )
}

