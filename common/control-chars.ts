// Text from a log or a file name on its way to a terminal, a CSV cell or any other place where a
// control character would act instead of being read. Whoever made an API call chose the strings
// in its event: a userName holding ESC sequences could recolour or retitle the analyst's
// terminal, a CR or LF could forge a line of output, a right-to-left override (U+202E) could make
// `evil.exe` read as `exe.live`. So such characters are written as JSON-style escapes
// (`\u001b`), visibly, and nothing else changes.
//
// Escaped: C0 controls (U+0000–U+001F, unless kept), DEL and C1 controls (U+007F–U+009F), the
// bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
// the line and paragraph separators (U+2028, U+2029, which some terminals and viewers break
// lines on) and lone surrogates (half of a character, which terminals show unpredictably).
//
// A backslash is not escaped: `\u001b` typed as six characters in a log and a real ESC both read
// `\u001b` after this. The byte-exact JSON exports remain the evidence; this is for display.

// A constant pattern (no input in it), one character class per kind, so no backtracking.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** `\uXXXX` for one UTF-16 code unit, as JSON writes it. */
export function codeUnitEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/**
 * `text` with its control, bidi and lone-surrogate characters written as `\uXXXX`. `keep` lists
 * C0 characters to leave as they are (for JSON text, whose only raw C0 characters are the
 * whitespace between its tokens: '\t\n\r').
 */
export function escapeControls(text: string, keep = ''): string {
  UNSAFE.lastIndex = 0
  if (!UNSAFE.test(text)) return text
  return text.replace(UNSAFE, (char) => (keep.includes(char) ? char : codeUnitEscape(char)))
}
