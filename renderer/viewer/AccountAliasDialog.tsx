// Naming an AWS account: a small dialog opened from the viewer's "Name this AWS account…"
// action. The name shows beside the account's ID wherever the viewer decodes it.
import { useEffect, useRef, useState } from 'react'
import { formatMessage } from '../../common/i18n'
import { closeAliasEditor, MAX_ALIAS_LENGTH, setAccountAlias, useAccountAliases } from '../state/account-aliases'
import { focusViewer } from '../state/focus'
import { useT } from '../state/language-store'

function AliasDialog({ account }: { account: string }) {
  const t = useT()
  const current = useAccountAliases((s) => s.aliases[account] ?? '')
  const [name, setName] = useState(current)
  const input = useRef<HTMLInputElement | null>(null)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  const close = (): void => {
    closeAliasEditor()
    focusViewer()
  }
  const save = (value: string): void => {
    setAccountAlias(account, value)
    close()
  }

  return (
    <div className="compare-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        className="alias-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={formatMessage(t.aliasTitle, { account })}
        data-testid="alias-dialog"
        onSubmit={(e) => {
          e.preventDefault()
          save(name)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            close()
          }
        }}
      >
        <div className="alias-dialog__title">{formatMessage(t.aliasTitle, { account })}</div>
        <label className="alias-dialog__field">
          <span>{t.aliasLabel}</span>
          <input ref={input} value={name} maxLength={MAX_ALIAS_LENGTH} onChange={(e) => setName(e.target.value)} data-testid="alias-input" spellCheck={false} />
        </label>
        <div className="alias-dialog__hint">{t.aliasHint}</div>
        <div className="alias-dialog__buttons">
          {current ? (
            <button type="button" className="button button--small button--quiet" onClick={() => save('')}>
              {t.aliasRemove}
            </button>
          ) : null}
          <button type="button" className="button button--small" onClick={close}>
            {t.aliasCancel}
          </button>
          <button type="submit" className="button button--small button--primary" data-testid="alias-save">
            {t.aliasSave}
          </button>
        </div>
      </form>
    </div>
  )
}

/** Renders the account name dialog when it is open (once, in App). */
export function AccountAliasHost() {
  const account = useAccountAliases((s) => s.editing)
  return account ? <AliasDialog key={account} account={account} /> : null
}
