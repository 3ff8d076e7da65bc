// Naming an AWS account: a small dialog opened from the viewer's "Name this AWS account…"
// action. The name shows beside the account's ID wherever the viewer decodes it. A Modal:
// Escape or a press on the backdrop cancels, and focus goes back to the viewer.
import { useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { Modal } from '../components/Modal'
import { closeAliasEditor, MAX_ALIAS_LENGTH, setAccountAlias, useAccountAliases } from '../state/account-aliases'
import { focusViewer } from '../state/focus'
import { useT } from '../state/language-store'

function AliasDialog({ account }: { account: string }) {
  const t = useT()
  const current = useAccountAliases((s) => s.aliases[account] ?? '')
  const [name, setName] = useState(current)
  const save = (value: string): void => {
    setAccountAlias(account, value)
    closeAliasEditor()
  }

  return (
    // Mounted only while editing (AccountAliasHost), so it is always open; closing unmounts it.
    <Modal open onClose={closeAliasEditor} title={formatMessage(t.aliasTitle, { account })} className="alias-dialog" testId="alias-dialog" closeOnBackdrop restoreFocus={focusViewer}>
      <form
        className="alias-dialog__form"
        onSubmit={(e) => {
          e.preventDefault()
          save(name)
        }}
      >
        <label className="alias-dialog__field">
          <span>{t.aliasLabel}</span>
          <input value={name} maxLength={MAX_ALIAS_LENGTH} onChange={(e) => setName(e.target.value)} data-testid="alias-input" spellCheck={false} data-autofocus />
        </label>
        <div className="alias-dialog__hint">{t.aliasHint}</div>
        <div className="alias-dialog__buttons">
          {current ? (
            <button type="button" className="button button--small button--quiet" onClick={() => save('')}>
              {t.aliasRemove}
            </button>
          ) : null}
          <button type="button" className="button button--small" onClick={closeAliasEditor} data-testid="alias-cancel">
            {t.aliasCancel}
          </button>
          <button type="submit" className="button button--small button--primary" data-testid="alias-save">
            {t.aliasSave}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** Renders the account name dialog when it is open (once, in App). */
export function AccountAliasHost() {
  const account = useAccountAliases((s) => s.editing)
  return account ? <AliasDialog key={account} account={account} /> : null
}
