// The text to show for a failed call: a coded error (common/call-errors.ts) in the user's
// language, anything else as the services worded it.
import { useLanguage } from '../state/language-store'
import { callErrorText } from './call-error-text'

/** The text to show for a failed call, in the UI's current language. */
export function errorText(error: unknown): string {
  return callErrorText(error, useLanguage.getState().language)
}
