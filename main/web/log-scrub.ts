// Web mode's log lines never carry the access token: it is in the page URL's query, in the
// cookie, and in whatever a client sends back (a request target, a header echoed in a reason).
// Every [web] line goes through webLog, which blanks the token wherever it appears, and escapes
// control and bidi characters: upload file names and request headers are the client's words.

import { escapeControls } from '../../common/control-chars'

const REDACTED = '[redacted]'

/** The text with ?token=/&token= values, ashiato-PORT= cookie values and the given secrets blanked. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/([?&;]token=)[^&\s#"']*/gi, `$1${REDACTED}`).replace(/(ashiato-\d+=)[^;\s"']*/g, `$1${REDACTED}`)
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED)
  return out
}

/** Tokens of the servers running in this process (tests run several). */
const known = new Set<string>()

export function registerSecret(token: string): () => void {
  known.add(token)
  return () => known.delete(token)
}

/** console.error for web mode, scrubbed and with control characters escaped. */
export function webLog(message: string): void {
  console.error(escapeControls(scrubSecrets(message, [...known])))
}
