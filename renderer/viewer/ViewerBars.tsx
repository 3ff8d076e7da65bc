// The bars around the viewer's JSON: the multi-selection's Compare button, the related-events
// chips, the documentation link, and the field bar (the value at the cursor and its actions).
import { formatMessage, type Messages } from '../../common/i18n'
import { fieldClause } from '../../common/query/facet-query'
import { MAX_COMPARE } from '../session/selection-logic'
import { useSessionState, useViewSession } from '../session/session-react'
import { addColumnForPath, columnForPath } from '../state/column-actions'
import { clearQuickViews, replaceQuery, setRange } from '../state/find-store'
import { ALL_TIME } from '../state/view-spec'
import { openCompare } from './compare-store'
import type { ValueActions } from './JsonEditor'
import { linksOpenInShell, openDocLink } from './open-link'
import { scalarText, type PrettyJson } from './pretty-json'
import { accountIn, clauseFor, queryField, type ValueAt } from './value-actions'

/** Replaces the filter with a clause over all time (as the list's pivots do). */
function showRelated(clause: string): void {
  clearQuickViews()
  setRange(ALL_TIME)
  replaceQuery(clause)
}

/** A documentation link: a normal link in web mode, the system browser through the shell in Electron. */
export function DocLinkButton({ url, label, title }: { url: string; label: string; title: string }) {
  return (
    <a
      className="button button--small button--quiet"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      title={title}
      data-testid="api-docs"
      onClick={(e) => {
        if (!linksOpenInShell()) return // the browser opens it in a new tab
        e.preventDefault()
        openDocLink(url)
      }}
    >
      {label} <span aria-hidden="true">↗</span>
    </a>
  )
}

export function RelatedBar({ pretty, t }: { pretty: PrettyJson; t: Messages }) {
  const value = (path: string): string | null => scalarText(pretty.values.get(path)) || null
  const related: { key: string; label: string; clause: string }[] = []
  const add = (key: string, label: string, field: string, path: string) => {
    const v = value(path)
    if (v) related.push({ key, label, clause: fieldClause(field, v) })
  }
  add('request', t.relatedRequest, 'requestID', 'requestID')
  add('shared', t.relatedShared, 'sharedEventID', 'sharedEventID')
  add('session', t.relatedSession, 'userIdentity.principalId', 'userIdentity.principalId')
  add('accessKey', t.relatedAccessKey, 'accessKey', 'userIdentity.accessKeyId')
  if (related.length === 0) return null
  return (
    <div className="viewer__related" role="group" aria-label={t.relatedLabel} data-testid="related">
      <span className="viewer__related-label">{t.relatedLabel}</span>
      {related.map((r) => (
        <button
          key={r.key}
          type="button"
          className="viewer__chip"
          title={formatMessage(t.relatedTitle, { clause: r.clause })}
          data-testid={`related-${r.key}`}
          onClick={() => showRelated(r.clause)}
        >
          {r.label}
        </button>
      ))}
    </div>
  )
}

export function SelectionBar({ t }: { t: Messages }) {
  const { collapseSelection } = useViewSession()
  const ids = useSessionState((s) => s.ids)
  if (ids.length < 2) return null
  const canCompare = ids.length <= MAX_COMPARE
  return (
    <div className="viewer__selection" data-testid="selection-bar">
      <span className="viewer__selection-count">{formatMessage(t.selectionCount, { n: ids.length })}</span>
      {canCompare ? (
        <button type="button" className="button button--small button--primary" title={t.compareButtonTitle} data-testid="compare-button" onClick={() => openCompare(ids)}>
          {formatMessage(t.compareButton, { n: ids.length })}
        </button>
      ) : (
        <span className="muted">{t.compareLimit}</span>
      )}
      <button type="button" className="button button--small button--quiet" onClick={collapseSelection} data-testid="selection-clear">
        {t.selectionClear}
      </button>
    </div>
  )
}

export function FieldBar({ value, pretty, t, actions }: { value: ValueAt | null; pretty: PrettyJson | null; t: Messages; actions: ValueActions }) {
  if (!value || !pretty) {
    return (
      <div className="viewer__field viewer__field--empty" data-testid="field-bar">
        {t.viewerFieldNone}
      </div>
    )
  }
  const include = clauseFor(value, false)
  const exclude = clauseFor(value, true)
  const account = accountIn(value)
  const shown = actions.valueText(value)
  return (
    <div className="viewer__field" role="group" aria-label={t.viewerFieldLabel} data-testid="field-bar">
      <code className="viewer__field-path" title={value.path} data-testid="field-path">
        {queryField(value.path) ?? value.path}
      </code>
      <span className="viewer__field-value" title={shown}>
        {shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}
      </span>
      <span className="viewer__field-actions">
        {include ? (
          <button type="button" className="button button--small" title={formatMessage(t.viewerFilterValueTitle, { clause: include })} data-testid="field-filter" onClick={() => actions.filter(include)}>
            {t.viewerFilterValue}
          </button>
        ) : null}
        {exclude ? (
          <button type="button" className="button button--small button--quiet" title={formatMessage(t.viewerExcludeValueTitle, { clause: exclude })} data-testid="field-exclude" onClick={() => actions.filter(exclude)}>
            {t.viewerExcludeValue}
          </button>
        ) : null}
        <button type="button" className="button button--small button--quiet" data-testid="field-copy-value" onClick={() => actions.copy(shown, 'value')}>
          {t.viewerCopyValue}
        </button>
        <button type="button" className="button button--small button--quiet" data-testid="field-copy-path" onClick={() => actions.copy(value.path, 'path')}>
          {t.viewerCopyPath}
        </button>
        {columnForPath(value.path) ? (
          <button type="button" className="button button--small button--quiet" data-testid="field-add-column" onClick={() => addColumnForPath(value.path)}>
            {t.addAsColumn}
          </button>
        ) : null}
        {account ? (
          <button type="button" className="button button--small button--quiet" data-testid="field-name-account" onClick={() => actions.nameAccount(account)}>
            {t.viewerNameAccount}
          </button>
        ) : null}
      </span>
    </div>
  )
}
