// The identity dialogs (a principal's dossier over the credential graph), mounted once in App.
import { DossierHost } from './DossierPanel'
import { GraphHost } from './CredentialGraphView'

export function IdentityHost() {
  return (
    <>
      <GraphHost />
      <DossierHost />
    </>
  )
}
