// stdout when it is a terminal. The events are printed as their original JSON text, and valid
// JSON may hold raw C1 controls (U+0080–U+009F), DEL, bidi overrides (U+202E) and line
// separators inside its strings: on a terminal those would act (or reorder the line) instead of
// being read. There they are written as \u escapes, which leaves the same JSON values (such
// characters only occur inside strings); the whitespace between tokens (\t \n \r) is kept.
// Piped or redirected, stdout stays byte-exact, as --out does.

import { StringDecoder } from 'node:string_decoder'
import { Transform, type Writable } from 'node:stream'
import { escapeControls } from '../../common/control-chars'

/** JSON's whitespace: the only C0 characters valid JSON holds raw. */
const JSON_WHITESPACE = '\t\n\r'

/** A stream that escapes what it is given and passes it on to `terminal` (which it never ends). */
export function terminalSafe(terminal: Writable): Transform {
  // UTF-8 may be cut mid-character between chunks: the decoder keeps the partial bytes.
  const decoder = new StringDecoder('utf8')
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk)
      done(null, escapeControls(text, JSON_WHITESPACE))
    },
    flush(done) {
      done(null, escapeControls(decoder.end(), JSON_WHITESPACE))
    },
  })
  stream.pipe(terminal, { end: false })
  return stream
}
