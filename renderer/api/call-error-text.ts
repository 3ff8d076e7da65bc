// A failed call's text in a given language: a coded error (common/call-errors.ts) from its code's
// message and the values it carries, anything else as the services worded it. Pure (no store),
// so it is tested without a browser; error-text.ts applies the UI's current language.
import { callErrorCode, splitCodePrefix, type CallErrorCode } from '../../common/call-errors'
import { formatMessage, MESSAGES, type Language, type MessageKey, type Messages } from '../../common/i18n'

const KEYS: Record<CallErrorCode, MessageKey> = {
  'web-server-path': 'errorWebServerPath',
  'web-s3-endpoint': 'errorWebS3Endpoint',
  'plain-http-endpoint': 'errorPlainHttpEndpoint',
  'upload-too-large': 'errorUploadTooLarge',
  'bad-argument': 'errorBadArgument',
  'over-limit': 'errorOverLimit',
  'view-expired': 'errorViewExpired',
  'query-cancelled': 'queryCancelled',
  'source-not-reloadable': 'errorSourceNotReloadable',
  'no-event': 'errorNoEvent',
  'copy-too-many': 'copyTooMany',
  'copy-too-large': 'errorCopyTooLarge',
  's3-auth': 'errorS3Auth',
  's3-denied': 'errorS3Denied',
  's3-not-found': 'errorS3NotFound',
  'rule-folder-not-allowed': 'errorRuleFolderNotAllowed',
  'rules-update-unavailable': 'errorRulesUpdateUnavailable',
  'rules-download-failed': 'errorRulesDownloadFailed',
  'rules-https-only': 'errorRulesHttpsOnly',
  'rules-over-limit': 'errorRulesOverLimit',
  'rules-archive-refused': 'errorRulesArchiveRefused',
  'link-not-allowed': 'errorLinkNotAllowed',
  'file-not-exported': 'errorFileNotExported',
  'desktop-only': 'errorDesktopOnly',
}

/** s3-auth says what is missing: its `problem` value picks the sentence (else the general one). */
const S3_AUTH_KEYS: Readonly<Record<string, MessageKey>> = { missing: 'errorS3NoCredentials', expired: 'errorS3Expired' }

function keyOf(code: CallErrorCode, values: Record<string, string | number>): MessageKey {
  const variant = code === 's3-auth' && typeof values.problem === 'string' ? S3_AUTH_KEYS[values.problem] : undefined
  return variant ?? KEYS[code]
}

/** The text for a failed call in `language`. */
export function callErrorText(error: unknown, language: Language): string {
  return callErrorWords(error, MESSAGES[language])
}

/** The same, from the strings of a language (the view session holds those, not the language). */
export function callErrorWords(error: unknown, t: Messages): string {
  const raw = error instanceof Error ? error.message : String(error)
  // Electron IPC carries the code as a "[code] " prefix; web mode as the error's `code`.
  const split = splitCodePrefix(raw)
  const message = split.message
  const code = callErrorCode(error) ?? split.code
  if (!code) return message
  const values = (error as { values?: Record<string, string | number> }).values ?? split.values ?? {}
  const template = t[keyOf(code, values)]
  // A value the message needs but the transport did not carry: the services' own words.
  return /\{\w+\}/.test(formatMessage(template, values)) ? message : formatMessage(template, values)
}
