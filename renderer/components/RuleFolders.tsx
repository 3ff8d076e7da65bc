// The Detections panel's rule folders: the user's Sigma rule folders (clones of SigmaHQ's or
// Suzaku's rules) run with the built-in pack, each removable; "Add a folder…" opens the system's
// dialog in the desktop app, and in web mode offers the folders the server's command line named
// (the only ones a browser may use). What could not be read is said with why; the rules that
// cannot be evaluated are listed below the table, with theirs.
import { useEffect, useState } from 'react'
import { useT } from '../state/language-store'
import { addRuleFolder, chooseAndAddRuleFolder, loadRuleFolders, removeRuleFolder, useRuleFolders } from '../state/rule-folders'
import { PublishedRuleSets } from './PublishedRuleSets'

function AddFolder({ choices, used }: { choices: string[] | null; used: string[] }) {
  const t = useT()
  const busy = useRuleFolders((s) => s.busy)
  const [picked, setPicked] = useState('')
  if (choices === null) {
    return (
      <button type="button" className="button" disabled={busy} onClick={() => void chooseAndAddRuleFolder()} data-testid="rule-folder-add">
        {t.ruleFoldersAdd}
      </button>
    )
  }
  const left = choices.filter((c) => !used.includes(c))
  if (left.length === 0) return <p className="muted">{choices.length === 0 ? t.ruleFoldersNoChoices : t.ruleFoldersAllUsed}</p>
  const value = left.includes(picked) ? picked : left[0]
  return (
    <span className="rule-folders__add">
      <select value={value} onChange={(e) => setPicked(e.target.value)} aria-label={t.ruleFoldersChoice} data-testid="rule-folder-choice">
        {left.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={busy} onClick={() => void addRuleFolder(value)} data-testid="rule-folder-add">
        {t.ruleFoldersAddChosen}
      </button>
    </span>
  )
}

export function RuleFolders() {
  const t = useT()
  const info = useRuleFolders((s) => s.info)
  const error = useRuleFolders((s) => s.error)
  const busy = useRuleFolders((s) => s.busy)
  useEffect(() => {
    void loadRuleFolders()
  }, [])
  const folders = info?.folders ?? []
  return (
    <section className="rule-folders" data-testid="rule-folders" aria-label={t.ruleFoldersTitle}>
      <h3>{t.ruleFoldersTitle}</h3>
      <p className="muted">{t.ruleFoldersHint}</p>
      {folders.length === 0 ? <p className="muted">{t.ruleFoldersNone}</p> : null}
      <ul>
        {folders.map((folder) => (
          <li key={folder} data-testid="rule-folder" data-folder={folder}>
            <code>{folder}</code>{' '}
            <button type="button" className="button" disabled={busy} onClick={() => void removeRuleFolder(folder)} data-testid="rule-folder-remove">
              {t.ruleFoldersRemove}
            </button>
          </li>
        ))}
      </ul>
      <AddFolder choices={info?.choices ?? null} used={folders} />
      {busy ? <p className="muted">{t.ruleFoldersReloading}</p> : null}
      {error ? (
        <p className="integrity__error" role="alert" data-testid="rule-folders-error">
          {error}
        </p>
      ) : null}
      {(info?.problems ?? []).map((p) => (
        <p key={p.file} className="integrity__error" data-testid="rule-folder-problem">
          {p.file}: {p.reason}
        </p>
      ))}
      <PublishedRuleSets />
    </section>
  )
}
