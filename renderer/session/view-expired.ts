// Views are forgotten in main after a while (main/services/view-cache.ts); a call naming one
// then fails with the 'view-expired' code and the renderer asks for the view again. The one place
// that recognises that error.
import { isCallError } from '../../common/call-errors'

export function isViewExpired(error: unknown): boolean {
  return isCallError(error, 'view-expired')
}
