// Which identity panel is open (a principal's dossier, the credential graph), and the one way
// they all filter the list: the clause replaces the filter, over all time (as the list's pivots do).
import { create } from 'zustand'
import type { ChainHop, PrincipalRef } from '../../common/identity'
import { fieldClause } from '../../common/query/facet-query'
import { clearQuickViews, replaceQuery, setRange } from '../state/find-store'
import { ALL_TIME } from '../state/view-spec'

interface IdentityState {
  dossier: PrincipalRef | null
  graph: boolean
}

export const useIdentity = create<IdentityState>()(() => ({ dossier: null, graph: false }))

export const openDossier = (principal: PrincipalRef): void => useIdentity.setState({ dossier: principal })
export const closeDossier = (): void => useIdentity.setState({ dossier: null })
export const openGraph = (): void => useIdentity.setState({ graph: true })
export const closeGraph = (): void => useIdentity.setState({ graph: false })

/** Replaces the filter with `clause`, over all time. */
export function showEvents(clause: string): void {
  clearQuickViews()
  setRange(ALL_TIME)
  replaceQuery(clause)
}

const lastSegment = (text: string): string => text.slice(text.lastIndexOf('/') + 1)

/**
 * The filter clause that selects what a principal's dossier counts (main/identity/
 * principal-events.ts): the same events, written in the query language.
 */
export function principalClause(principal: PrincipalRef): string {
  const id = principal.id
  switch (principal.kind) {
    case 'accessKey':
      return fieldClause('accessKey', id)
    case 'sourceIp':
      return fieldClause('ip', id)
    case 'iamUser':
      return `${fieldClause('identityType', 'IAMUser')} ${id.startsWith('arn:') ? fieldClause('userIdentity.arn', id) : fieldClause('user', id)}`
    case 'role':
      return `${fieldClause('identityType', 'AssumedRole')} ${fieldClause('userIdentity.sessionContext.sessionIssuer.userName', lastSegment(id))}`
    case 'roleSession':
      return fieldClause('userIdentity.arn', id)
    case 'identityCenterUser':
    case 'name':
      return fieldClause('user', id)
  }
}

/** The principal a chain hop stands for, for its dossier. */
export function hopPrincipal(hop: ChainHop): PrincipalRef {
  switch (hop.kind) {
    case 'iamUser':
    case 'sessionToken':
      return { kind: 'iamUser', id: hop.arn || hop.name }
    case 'roleSession':
      return hop.arn ? { kind: 'roleSession', id: hop.arn } : { kind: 'name', id: hop.name }
    case 'identityCenterUser':
      return { kind: 'identityCenterUser', id: hop.name }
    default:
      return hop.accessKey ? { kind: 'accessKey', id: hop.accessKey } : { kind: 'name', id: hop.name }
  }
}
