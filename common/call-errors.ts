// Errors a call can end with that the UI names in the user's language: the services throw a
// CallError with a code, the transports carry the code (web mode: the result message's `code`;
// Electron IPC: a "[code] " prefix, since ipcRenderer.invoke keeps only the message), and the
// renderer translates known codes (renderer/api/error-text.ts). The English message stays the
// fallback and what the CLI prints.

export const CALL_ERROR_CODES = [
  /** Web mode: a call that names a file or folder on the server (loadPaths...). */
  'web-server-path',
  /** Web mode: an S3 endpoint other than the one the server's command line named. */
  'web-s3-endpoint',
  /** Any mode: plain http to a host other than loopback, without the explicit opt-in. */
  'plain-http-endpoint',
  /** Web mode: an upload larger than the server's --max-upload. */
  'upload-too-large',
  /** An argument does not fit its call's schema: { call, argument, problem } (problem in English). */
  'bad-argument',
  /** An argument is over the limit its schema declares: { call, argument, limit }. */
  'over-limit',
  /** The view was forgotten (views are kept for a while): ask for it again. */
  'view-expired',
  /** setView: the user cancelled this query (cancelView) before it finished; the last view stays. */
  'query-cancelled',
  /** startWithout: another source cannot be read again (a web page's uploads are not kept). */
  'source-not-reloadable',
  /** No event has this id in the loaded set: { id }. */
  'no-event',
  /** copyEvents: more events than COPY_LIMIT, { n, max }, or more bytes than its byte limit, { limit } (MB). */
  'copy-too-many',
  'copy-too-large',
  /**
   * S3: credentials missing, rejected or expired (an SSO session to renew): { profile, login,
   * problem: 'missing' | 'expired' | 'rejected', tried: where the SDK's chain looked }.
   */
  's3-auth',
  /** S3: the credentials may not do this: { action, where, profile }. */
  's3-denied',
  /** S3: no such bucket, { bucket }. */
  's3-not-found',
  /** Web mode: a rule folder other than the server's --rules folders, { folder }. */
  'rule-folder-not-allowed',
  /** "Update rules" where there is no user data folder to keep them: web mode (the server's rules come from its --rules). */
  'rules-update-unavailable',
  /** A rule download failed (network, HTTP status): { url, problem }. */
  'rules-download-failed',
  /** A rule download named a URL (or was redirected to one) other than https: { url }. */
  'rules-https-only',
  /** A rule download went over a named limit (main/rules/rule-sources.ts): { limit, max }. */
  'rules-over-limit',
  /** A rule archive was refused because of one entry (absolute path, `..`, link, device, no LICENSE): { entry, reason }. */
  'rules-archive-refused',
  /** openExternal: the desktop shell opens only https links to the AWS documentation, { url }. */
  'link-not-allowed',
  /** showExportedFile: only a file exported in this session is shown in its folder, { file }. */
  'file-not-exported',
  /** A desktop shell call asked of the web server (opening a link, showing a file): { call }. */
  'desktop-only',
] as const

export type CallErrorCode = (typeof CALL_ERROR_CODES)[number]

export function isCallErrorCode(value: unknown): value is CallErrorCode {
  return typeof value === 'string' && (CALL_ERROR_CODES as readonly string[]).includes(value)
}

export class CallError extends Error {
  override name = 'CallError'
  constructor(
    readonly code: CallErrorCode,
    message: string,
    /** Values the translated message fills in ({limit}...). */
    readonly values: Record<string, string | number> = {},
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** Whether `error` carries this code (from main directly, or rebuilt by either transport). */
export function isCallError(error: unknown, code: CallErrorCode): boolean {
  return callErrorCode(error) === code
}

/** The code of an error that carries one (a CallError, or an Error a transport rebuilt with `code`). */
export function callErrorCode(error: unknown): CallErrorCode | undefined {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  return isCallErrorCode(code) ? code : undefined
}

const PREFIX = /^\[([a-z0-9-]+)(?::([^\]\s]*))?\] /

/** Electron IPC: the code (and its values, URI-encoded JSON) travel at the start of the message. */
export function withCodePrefix(error: CallError): string {
  const values = Object.keys(error.values).length > 0 ? `:${encodeURIComponent(JSON.stringify(error.values))}` : ''
  return `[${error.code}${values}] ${error.message}`
}

function parseValues(text: string | undefined): Record<string, string | number> {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(text))
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const out: Record<string, string | number> = {}
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string' || typeof value === 'number') out[key] = value
    return out
  } catch {
    return {}
  }
}

/** Undoes withCodePrefix: the message, and the code (with its values) when there was a known one. */
export function splitCodePrefix(message: string): { code?: CallErrorCode; values?: Record<string, string | number>; message: string } {
  const match = PREFIX.exec(message)
  return match && isCallErrorCode(match[1]) ? { code: match[1], values: parseValues(match[2]), message: message.slice(match[0].length) } : { message }
}
