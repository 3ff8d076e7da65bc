// Opening AWS documentation links, only when the user asks: in Electron through the shell
// (api.openExternal, which itself only allows https on docs.aws.amazon.com / aws.amazon.com),
// in web mode as a new tab without opener or referrer (the page URL holds the session token).
import { isDocsUrl } from '../../common/aws-names'
import { errorText } from '../api/error-text'
import { getApi } from '../api/get-api'
import { useLoad } from '../state/load-store'

/** True in Electron, where links go to the system browser through the shell. */
export function linksOpenInShell(): boolean {
  return typeof window.ashiato !== 'undefined'
}

export function openDocLink(url: string): void {
  if (!isDocsUrl(url)) return
  if (linksOpenInShell()) {
    getApi()
      .openExternal(url)
      .catch((error: unknown) => useLoad.getState().setCallError(errorText(error)))
  } else {
    window.open(url, '_blank', 'noopener,noreferrer')
  }
}
