// A CloudTrail digest file, parsed and checked against its documented structure ("CloudTrail
// digest file structure"). Digests are written by CloudTrail but read from a copy that anyone
// may have edited: every field is checked for type before use, and a digest that does not fit
// is reported (as a digest whose signature cannot hold), never trusted in part.
// valibot does the shape checking: a schema reads better than a page of typeof tests.
// In common/ because the parse workers (main/loader, which knows only the store and common/)
// parse each digest as they read it, off the main thread; main/integrity reads the result.

import * as v from 'valibot'

const nullableString = v.nullable(v.string())

const LogFileSchema = v.object({
  s3Bucket: v.string(),
  s3Object: v.string(),
  hashValue: v.string(),
  hashAlgorithm: v.string(),
  newestEventTime: v.optional(nullableString),
  oldestEventTime: v.optional(nullableString),
})

const DigestSchema = v.object({
  awsAccountId: v.optional(v.string()),
  digestStartTime: v.string(),
  digestEndTime: v.string(),
  digestS3Bucket: v.string(),
  digestS3Object: v.string(),
  digestPublicKeyFingerprint: v.optional(nullableString),
  digestSignatureAlgorithm: v.optional(nullableString),
  newestEventTime: v.optional(nullableString),
  oldestEventTime: v.optional(nullableString),
  previousDigestS3Bucket: v.optional(nullableString),
  previousDigestS3Object: v.optional(nullableString),
  previousDigestHashValue: v.optional(nullableString),
  previousDigestHashAlgorithm: v.optional(nullableString),
  previousDigestSignature: v.optional(nullableString),
  logFiles: v.array(LogFileSchema),
})

export type DigestLogFile = v.InferOutput<typeof LogFileSchema>
export type DigestFile = v.InferOutput<typeof DigestSchema>

export type DigestParse = { ok: true; digest: DigestFile } | { ok: false; reason: string }

/** A loaded digest file's parse, done by the parse worker that read it (off the main thread). */
export function parseDigestOf(file: { parsedDigest?: DigestParse }): DigestParse {
  return file.parsedDigest ?? { ok: false, reason: 'could not be read' }
}

/** A parsed digest, or why the text is not one. */
export function parseDigest(text: string): DigestParse {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const result = v.safeParse(DigestSchema, json)
  if (!result.success) {
    const issue = result.issues[0]
    const where = v.getDotPath(issue) ?? '(top level)'
    return { ok: false, reason: `not a CloudTrail digest: ${where}: ${issue.message}` }
  }
  if (!Number.isFinite(Date.parse(result.output.digestStartTime)) || !Number.isFinite(Date.parse(result.output.digestEndTime))) {
    return { ok: false, reason: 'not a CloudTrail digest: digestStartTime/digestEndTime are not times' }
  }
  return { ok: true, digest: result.output }
}
