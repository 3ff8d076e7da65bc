// Names what a file is when it is not JSON, for the "not CloudTrail JSON: ..." reason. People
// drop whole folders on the app, so the common neighbours of log files get a name; the rest is
// described by its first characters (shown as data, quoted and cut short).

const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (extract it first)', [0x50, 0x4b, 0x03, 0x04]],
  ['an empty ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['a bzip2 archive (decompress it first)', [0x42, 0x5a, 0x68]],
  ['an xz archive (decompress it first)', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['a zstd archive (decompress it first)', [0x28, 0xb5, 0x2f, 0xfd]],
  ['a 7-Zip archive (extract it first)', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['a Parquet file', [0x50, 0x41, 0x52, 0x31]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable', [0x4d, 0x5a]],
  ['UTF-16 text (save it as UTF-8)', [0xff, 0xfe]],
  ['UTF-16 text (save it as UTF-8)', [0xfe, 0xff]],
]

function startsWith(b: Uint8Array, at: number, signature: readonly number[]): boolean {
  if (b.length - at < signature.length) return false
  return signature.every((byte, k) => b[at + k] === byte)
}

/** Whether the first bytes look like binary data rather than text. */
function looksBinary(b: Uint8Array, at: number): boolean {
  const end = Math.min(b.length, at + 512)
  for (let i = at; i < end; i++) {
    const c = b[i]
    if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) return true
  }
  return false
}

/** What the data at `at` is, in a few words: "a PNG image", 'text starting with "2024-03-05 …"'. */
export function describeNonJson(b: Uint8Array, at: number): string {
  for (const [name, signature] of SIGNATURES) if (startsWith(b, 0, signature) || startsWith(b, at, signature)) return name
  if (b[at] === 0x3c) return 'an HTML or XML document'
  if (looksBinary(b, at)) return 'binary data'
  const head = Buffer.from(b.buffer, b.byteOffset + at, Math.min(40, b.length - at)).toString('utf8')
  const firstLine = head.split(/\r?\n/)[0].replace(/\uFFFD+$/, '')
  return `text starting with ${JSON.stringify(firstLine.length > 24 ? `${firstLine.slice(0, 24)}…` : firstLine)}`
}
