// Names the user gave AWS account IDs ("prod", "audit"...), shown beside the 12 digits wherever
// the viewer decodes an account. Kept in localStorage (renderer/state/persisted.ts); edited from
// the viewer's context action.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { isAccountId } from '../../common/decode/ids'
import { kept, legacyJson } from './persisted'

export const ALIASES_KEY = 'ashiato.accountAliases'
/** Longest name kept (a label, not a note). */
export const MAX_ALIAS_LENGTH = 64

type Aliases = Readonly<Record<string, string>>

function cleanAliases(value: unknown): Aliases {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const aliases: Record<string, string> = {}
  for (const [account, alias] of Object.entries(value as Record<string, unknown>)) {
    if (isAccountId(account) && typeof alias === 'string' && alias.trim()) aliases[account] = alias.trim().slice(0, MAX_ALIAS_LENGTH)
  }
  return aliases
}

interface AliasState {
  aliases: Aliases
  /** The account the name editor is open for (null: closed). */
  editing: string | null
}

export const useAccountAliases = create<AliasState>()(
  persist(
    () => ({ aliases: {}, editing: null }),
    kept<AliasState, { aliases: Aliases }>({
      name: ALIASES_KEY,
      keep: (s) => ({ aliases: s.aliases }),
      clean: (stored) => ({ aliases: cleanAliases(stored.aliases) }),
      // Before persist: the object of names by account ID itself.
      fromLegacy: (raw) => ({ aliases: legacyJson(raw) }),
    }),
  ),
)

/** Names an account; an empty name forgets it. */
export function setAccountAlias(account: string, alias: string): void {
  if (!isAccountId(account)) return
  const name = alias.trim().slice(0, MAX_ALIAS_LENGTH)
  const aliases = { ...useAccountAliases.getState().aliases }
  if (name) aliases[account] = name
  else delete aliases[account]
  useAccountAliases.setState({ aliases })
}

export function openAliasEditor(account: string): void {
  if (isAccountId(account)) useAccountAliases.setState({ editing: account })
}

export function closeAliasEditor(): void {
  useAccountAliases.setState({ editing: null })
}
