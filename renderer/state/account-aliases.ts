// Names the user gave AWS account IDs ("prod", "audit"...), shown beside the 12 digits wherever
// the viewer decodes an account. Kept in localStorage; edited from the viewer's context action.
import { create } from 'zustand'
import { isAccountId } from '../../common/decode/ids'

const STORAGE_KEY = 'ashiato.accountAliases'
/** Longest name kept (a label, not a note). */
export const MAX_ALIAS_LENGTH = 64

type Aliases = Readonly<Record<string, string>>

function storedAliases(): Aliases {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
    const aliases: Record<string, string> = {}
    for (const [account, alias] of Object.entries(value as Record<string, unknown>)) {
      if (isAccountId(account) && typeof alias === 'string' && alias.trim()) aliases[account] = alias.trim().slice(0, MAX_ALIAS_LENGTH)
    }
    return aliases
  } catch {
    return {}
  }
}

interface AliasState {
  aliases: Aliases
  /** The account the name editor is open for (null: closed). */
  editing: string | null
}

export const useAccountAliases = create<AliasState>()(() => ({ aliases: storedAliases(), editing: null }))

/** Names an account; an empty name forgets it. */
export function setAccountAlias(account: string, alias: string): void {
  if (!isAccountId(account)) return
  const name = alias.trim().slice(0, MAX_ALIAS_LENGTH)
  const aliases = { ...useAccountAliases.getState().aliases }
  if (name) aliases[account] = name
  else delete aliases[account]
  useAccountAliases.setState({ aliases })
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(aliases))
  } catch {
    // not persisted; the name still holds for this session
  }
}

export function openAliasEditor(account: string): void {
  if (isAccountId(account)) useAccountAliases.setState({ editing: account })
}

export function closeAliasEditor(): void {
  useAccountAliases.setState({ editing: null })
}
