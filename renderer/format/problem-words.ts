// A file's or an S3 object's problem in the UI's language. The loader (main/loader) and main/s3
// word each problem in English as they find it, from a fixed set of phrases: "truncated gzip:
// recovered 26 events", "line 7: invalid JSON (unexpected ',')", "not CloudTrail JSON: a PNG
// image", "Access denied: s3:GetObject on s3://…". Each phrase has a key in common/i18n whose
// English text is the phrase itself, so the table below names the loader's words exactly:
// tests/unit/problem-words.test.ts runs the real loader and main/s3 and checks that every reason
// they give comes back unchanged in English (a phrase reworded there fails it) and translated in
// Japanese. What is not one of those phrases (zlib's, V8's or AWS's own messages, a path) is
// kept as given: it is data, and the English of the tools that wrote it.
import { formatMessage, MESSAGES, type MessageKey, type Messages } from '../../common/i18n'

interface Rule {
  pattern: RegExp
  key: MessageKey
  /** Values that are phrases themselves, translated in turn. */
  nested?: readonly string[]
  /** A phrase with "; " in its own words: tried on the whole reason before it is split. */
  whole?: true
}

/** Phrases without values: their English is the phrase. */
const FIXED: readonly MessageKey[] = [
  'problemNoSuchFile', 'problemPermissionDenied', 'problemSymlinkLoop', 'problemNotFileOrFolder', 'problemFileGone',
  'problemIsFolder', 'problemOver2GiB', 'problemInternalError', 'problemEmptyFile', 'problemEmptyGzip',
  'problemTruncatedGzip', 'problemCorruptGzip', 'problemNothingInflated', 'problemOnlyWhitespace', 'problemNoCompleteEvent',
  'problemNotCloudTrail', 'problemNoEvents', 'problemTooLargeString', 'problemUnexpectedEnd', 'problemPng', 'problemJpeg',
  'problemGif', 'problemPdf', 'problemZip', 'problemEmptyZip', 'problemBzip2', 'problemXz', 'problemZstd', 'problem7z',
  'problemParquet', 'problemSqlite', 'problemExecutable', 'problemUtf16', 'problemMarkup', 'problemBinary',
  'problemS3DefaultCredentials',
]
const FIXED_KEYS = new Map(FIXED.map((key) => [MESSAGES.en[key], key]))

const TRIES = String.raw`(?<tries>(?: after \d+ attempts)?)`
const RULES: readonly Rule[] = [
  { pattern: /^is larger than the per-file limit of (?<limit>\S+ \S+) of JSON \(a guard against decompression bombs and memory exhaustion; set with --max-file-size\); nothing was loaded from this file$/, key: 'problemOverLimitFile', whole: true },
  { pattern: /^inflates to more than the per-file limit of (?<limit>\S+ \S+) of JSON \(a guard against decompression bombs and memory exhaustion; set with --max-file-size\); nothing was loaded from this file$/, key: 'problemOverLimitInflated', whole: true },
  { pattern: /^corrupt gzip \((?<detail>.*) near byte (?<at>\d+) of (?<size>\d+)\)$/, key: 'problemCorruptGzipAt' },
  { pattern: /^recovered (?<n>\d+) events?$/, key: 'problemRecovered' },
  { pattern: /^(?<n>\d+) events? read$/, key: 'problemEventsRead' },
  { pattern: /^(?<n>\d+) more problems?$/, key: 'problemMore' },
  { pattern: /^line (?<line>\d+)$/, key: 'problemLine' },
  { pattern: /^event at byte (?<at>\d+)$/, key: 'problemAtByte' },
  { pattern: /^invalid JSON at byte (?<at>\d+)$/, key: 'problemInvalidJsonAt' },
  { pattern: /^invalid JSON \((?<what>.*)\)$/, key: 'problemInvalidJson', nested: ['what'] },
  { pattern: /^unexpected (?<what>'.'|byte 0x[0-9a-f]{2})$/, key: 'problemUnexpected' },
  { pattern: /^parse worker stopped \(exit code (?<code>.+)\)$/, key: 'problemWorkerStopped' },
  { pattern: /^text starting with (?<text>".*")$/s, key: 'problemTextStarting' },
  { pattern: /^Access denied: (?<action>\S+) on (?<where>s3:\/\/.*?) — (?<who>.+) lacks \k<action> there \(check its IAM policy and the bucket policy\)$/, key: 'problemS3Denied', nested: ['who'] },
  { pattern: /^(?<where>s3:\/\/.*) no longer exists \(deleted after it was listed\)$/, key: 'problemS3Gone' },
  { pattern: /^(?<where>s3:\/\/.*?) is encrypted with an AWS KMS key and (?<who>.+?) lacks kms:Decrypt on that key \((?<detail>.*)\)$/, key: 'problemS3Kms', nested: ['who'] },
  { pattern: new RegExp(String.raw`^S3 throttled (?<action>\S+) on (?<where>s3://.*?) \((?<code>[^()]*)\)${TRIES}$`), key: 'problemS3Throttled', nested: ['tries'] },
  { pattern: new RegExp(String.raw`^Network error on (?<action>\S+) (?<where>s3://.*?)${TRIES}: (?<detail>.*)$`), key: 'problemS3Network', nested: ['tries'] },
  { pattern: new RegExp(String.raw`^S3 failed (?<action>\S+) on (?<where>s3://.*?) \((?<detail>[^()]*)\)${TRIES}: (?<message>.*)$`), key: 'problemS3Server', nested: ['tries'] },
  { pattern: /^(?<action>s3:\S+) on (?<where>s3:\/\/.*?) failed \((?<detail>[^()]*)\): (?<message>.*)$/, key: 'problemS3Other' },
  { pattern: /^ after (?<n>\d+) attempts$/, key: 'problemS3Tries' },
  { pattern: /^using the (?<n>\d+) cached objects of this folder$/, key: 'problemS3UsingCache' },
  { pattern: /^the profile "(?<profile>.*)"$/, key: 'problemS3Profile' },
]

/** One phrase by a rule, or null when it is none of them. */
function byRule(phrase: string, t: Messages, rules: readonly Rule[]): string | null {
  const fixed = FIXED_KEYS.get(phrase)
  if (fixed) return t[fixed]
  for (const rule of rules) {
    const match = rule.pattern.exec(phrase)
    if (!match) continue
    const values: Record<string, string> = { ...match.groups }
    for (const name of rule.nested ?? []) values[name] = part(values[name] ?? '', t)
    return formatMessage(t[rule.key], values)
  }
  return null
}

/** A part without "; ": a phrase, or "head: rest" with a known head ("line 7: …"), else as given. */
function part(text: string, t: Messages): string {
  const known = byRule(text, t, RULES)
  if (known !== null) return known
  for (let cut = text.indexOf(': '); cut > 0; cut = text.indexOf(': ', cut + 1)) {
    const head = byRule(text.slice(0, cut), t, RULES)
    if (head !== null) return `${head}: ${part(text.slice(cut + 2), t)}`
  }
  return text
}

/** A problem's reason in the language of `t`; what is not the loader's or main/s3's phrasing stays as given. */
export function problemWords(reason: string, t: Messages): string {
  const whole = byRule(reason, t, RULES.filter((rule) => rule.whole))
  if (whole !== null) return whole
  return reason
    .split('; ')
    .map((text) => part(text, t))
    .join('; ')
}
