// "Files with problems" and the S3 dialog's problems say each reason in the UI's language
// (renderer/format/problem-words.ts). The reasons here are the real loader's and main/s3's, made
// from real damaged files and from errors shaped as the SDK throws them (as s3-errors.test.ts
// does): English comes back unchanged (so every phrase the producers use is in the table, and
// a rewording there fails here), Japanese leaves no English phrase of ours behind.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../common/i18n'
import type { FileReport } from '../../common/ipc-contract'
import { loadInto } from '../../main/loader/load-files'
import { describeS3Error } from '../../main/s3/s3-errors'
import { EventStore } from '../../main/store/event-store'
import { problemWords } from '../../renderer/format/problem-words'

const { en, ja } = MESSAGES

function records(n: number): string {
  const events = Array.from({ length: n }, (_, i) => ({ eventVersion: '1.08', eventTime: `2024-03-05T10:${String(i % 60).padStart(2, '0')}:00Z`, eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventID: `id-${i}`, awsRegion: 'us-east-1' }))
  return JSON.stringify({ Records: events })
}

/** The real loader's report for each file, by name. */
async function reasons(files: Record<string, Buffer | string>, options = {}): Promise<Map<string, FileReport>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-problem-words-'))
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body)
  const reports = new Map<string, FileReport>()
  await loadInto(new EventStore(), [{ path: dir }, { path: path.join(dir, 'missing.json') }], options, { onFileReport: (r) => reports.set(path.basename(r.file), r) })
  return reports
}

describe("a problem's reason in the UI's language", () => {
  it("says every reason the loader gives, unchanged in English and in Japanese", async () => {
    const whole = gzipSync(records(400))
    const bad = gzipSync(records(50))
    bad[Math.floor(bad.length / 2)] ^= 0xff
    const lines = `${JSON.stringify({ eventVersion: '1.08', eventName: 'A', eventID: 'a', eventTime: '2024-03-05T10:00:00Z' })}\n{"eventName": tru}\n{"x": ]\n{"y": ,}\n{"z": 1,,}\n`
    const found = await reasons({
      'cut.json.gz': whole.subarray(0, Math.floor(whole.length * 0.6)),
      'flipped.json.gz': bad,
      'image.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'archive.json': Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      'notes.json': '2024-03-05 10:00:00 INFO started the service\n',
      'page.json': '<html><body>Sign in</body></html>',
      'empty.json': '',
      'empty.json.gz': gzipSync(''),
      'blank.json.gz': gzipSync('   \n'),
      'other.json': '{"hello": "world"}',
      'lines.json': lines,
      'binary.json': Buffer.from([1, 2, 3, 0, 5, 6]),
      'huge.json': records(300),
    }, { maxUncompressedBytes: 40_000 })
    const said = [...found.values()].filter((r) => r.reason !== '')
    expect(said.length).toBeGreaterThanOrEqual(13)
    for (const report of said) {
      expect(problemWords(report.reason, en), report.reason).toBe(report.reason)
      const inJapanese = problemWords(report.reason, ja)
      expect(inJapanese, report.reason).not.toBe(report.reason)
      // None of our phrases is left in English (a name, a number, a quoted byte or an option may be).
      expect(inJapanese.replace(/--[a-z-]+/g, ''), report.reason).not.toMatch(/\b(file|gzip:|JSON \(|line \d|events?\b|image|archive|text starting|limit)\b/)
    }
    expect(problemWords(found.get('missing.json')!.reason, ja)).toBe('ファイルまたはフォルダーがありません')
    expect(problemWords(found.get('image.json')!.reason, ja)).toBe('CloudTrail の JSON ではありません: PNG 画像')
    expect(problemWords(found.get('notes.json')!.reason, ja)).toBe('CloudTrail の JSON ではありません: "2024-03-05 10:00:00 INFO…" で始まるテキスト')
    expect(problemWords(found.get('huge.json')!.reason, ja)).toMatch(/^JSON のファイルごとの上限 39\.1 KiB を超えています/)
    expect(problemWords(found.get('lines.json')!.reason, ja)).toMatch(/^(\d 行目: 不正な JSON \(予期しない '.'\); ){3}ほかに 1 件の問題; 1 件を読み込み$/)
    expect(problemWords(found.get('flipped.json.gz')!.reason, ja)).toMatch(/^壊れた gzip \(.+、\d+ バイト中 \d+ バイト目付近\); /)
    expect(problemWords(found.get('cut.json.gz')!.reason, ja)).toMatch(/^途中で切れた gzip: \d+ 件を復元$/)
  })

  it("says main/s3's per-object failures in Japanese, keeping AWS's own words", () => {
    const ctx = { action: 's3:GetObject' as const, bucket: 'trail', key: 'AWSLogs/1/x y.json.gz', profile: 'audit' }
    const service = (name: string, status: number, message = '', extra: object = {}) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, ...extra })
    const failures = [
      describeS3Error(service('AccessDenied', 403, 'Access Denied'), ctx),
      describeS3Error(service('AccessDenied', 403, 'Access Denied'), { ...ctx, profile: undefined }),
      describeS3Error(service('NoSuchKey', 404), ctx),
      describeS3Error(service('KMS.DisabledException', 400, 'key disabled'), ctx),
      describeS3Error(service('SlowDown', 503, '', { $metadata: { httpStatusCode: 503, attempts: 3 } }), ctx),
      describeS3Error(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), ctx),
      describeS3Error(service('InternalError', 500, 'We encountered an internal error'), ctx),
      describeS3Error(service('WeirdError', 400, 'something odd'), ctx),
    ]
    for (const { reason } of failures) {
      expect(problemWords(reason, en), reason).toBe(reason)
      expect(problemWords(reason, ja), reason).not.toBe(reason)
      expect(problemWords(reason, ja), reason).toContain('s3://trail/AWSLogs/1/x y.json.gz')
    }
    expect(problemWords(failures[0].reason, ja)).toBe('アクセス拒否: s3://trail/AWSLogs/1/x y.json.gz での s3:GetObject — プロファイル "audit" には s3:GetObject の権限がありません (IAM ポリシーとバケットポリシーを確認してください)')
    expect(problemWords(`${failures[0].reason}; using the 12 cached objects of this folder`, ja)).toMatch(/; このフォルダーのキャッシュ済みオブジェクト 12 件を使います$/)
  })

  it('keeps what is not one of our phrases as it was given', () => {
    expect(problemWords('EIO: i/o error, read', ja)).toBe('EIO: i/o error, read')
    expect(problemWords('internal error: Cannot read properties of undefined', ja)).toBe('内部エラー: Cannot read properties of undefined')
  })
})
