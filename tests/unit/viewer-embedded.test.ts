// The viewer's decoded strings and risk notes (renderer/viewer/embedded-children.ts): which line
// gets the decoded child and the note, and that the event's own text is untouched.
import { describe, expect, it } from 'vitest'
import { embeddedView, MAX_CHILD_LINES, withRiskNotes } from '../../renderer/viewer/embedded-children'
import { noteLines } from '../../renderer/viewer/annotate'
import { prettyJson } from '../../renderer/viewer/pretty-json'

const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })
const event = {
  eventName: 'PutUserPolicy',
  eventSource: 'iam.amazonaws.com',
  requestParameters: { userName: 'bob', policyName: 'x', policyDocument: encodeURIComponent(policy) },
  resources: [{ ARN: 'arn:aws:iam::1:user/bob' }],
}

describe('embeddedView', () => {
  it('decodes a URL-encoded policyDocument below its line and notes the risky grant there', () => {
    const text = JSON.stringify(event)
    const pretty = prettyJson(text)
    const view = embeddedView(pretty, 'en')
    const line = pretty.lines.get('requestParameters.policyDocument')!
    expect(view.children).toEqual([{ line, path: 'requestParameters.policyDocument', encoding: 'url', text: JSON.stringify(JSON.parse(policy), null, 2), hiddenLines: 0 }])
    expect(view.riskNotes).toHaveLength(1)
    expect(view.riskNotes[0]).toMatchObject({ line, kind: 'warn' })
    expect(view.riskNotes[0].inline).toContain('Allow "Action": "*" on "Resource": "*"')
    expect(view.riskNotes[0].inline).toContain('statement 1')
    // Display only: the text the editor holds (and Copy JSON copies) is the event's, re-indented.
    expect(pretty.text).toBe(JSON.stringify(event, null, 2))
  })

  it('notes a bucket policy written as an object on its key, in Japanese too', () => {
    const bucket = { requestParameters: { bucketName: 'b', bucketPolicy: { Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject' }] } } }
    const pretty = prettyJson(JSON.stringify(bucket))
    const en = embeddedView(pretty, 'en')
    expect(en.children).toEqual([])
    expect(en.riskNotes[0].line).toBe(pretty.lines.get('requestParameters.bucketPolicy'))
    expect(en.riskNotes[0].inline).toContain('the bucket is open to the world')
    expect(en.riskNotes[0].inline).toContain('Sid “Public”')
    expect(embeddedView(pretty, 'ja').riskNotes[0].inline).toContain('バケットが全世界に公開')
  })

  it('escapes a right-to-left override the decoding brings back, and clips a long Sid', () => {
    // %E2%80%AE is U+202E once decoded: the event's text shows it escaped, the block must too.
    const hostile = `{"Statement":[{"Sid":"${'\u202e'}exe.live${'S'.repeat(200)}","Effect":"Allow","Action":"*","Resource":"*"}]}`
    const rtl = { requestParameters: { policyDocument: encodeURIComponent(hostile) } }
    expect(rtl.requestParameters.policyDocument).toContain('%E2%80%AE')
    const view = embeddedView(prettyJson(JSON.stringify(rtl)), 'en')
    expect(view.children).toHaveLength(1)
    expect(view.children[0].text).not.toContain('\u202e')
    expect(view.children[0].text).toContain('\\u202eexe.live')
    const inline = view.riskNotes[0].inline
    expect(inline).not.toContain('\u202e')
    expect(inline).toContain(`Sid “\\u202eexe.live${'S'.repeat(80 - 14)}…”`)
    expect(inline!.length).toBeLessThan(200)
  })

  it('finds strings in arrays, caps what it shows, and ignores broken JSON', () => {
    const long = JSON.stringify({ list: Array.from({ length: 1000 }, (_, i) => i) })
    const pretty = prettyJson(JSON.stringify({ items: ['{"a":', long, '%7Bbroken', 'plain'] }))
    const view = embeddedView(pretty, 'en')
    expect(view.children).toHaveLength(1)
    expect(view.children[0].path).toBe('items[1]')
    expect(view.children[0].line).toBe(4)
    expect(view.children[0].text.split('\n')).toHaveLength(MAX_CHILD_LINES)
    expect(view.children[0].hiddenLines).toBe(1004 - MAX_CHILD_LINES) // {, "list": [, 1000 numbers, ], }
    expect(view.riskNotes).toEqual([])
  })

  it('merges a risk into the field note of the same line', () => {
    const pretty = prettyJson(JSON.stringify(event))
    const notes = noteLines(pretty, 'en', 0)
    const merged = withRiskNotes(notes, embeddedView(pretty, 'en').riskNotes)
    const line = pretty.lines.get('requestParameters.policyDocument')!
    expect(merged.filter((note) => note.line === line)).toHaveLength(1)
    expect(merged.find((note) => note.line === line)!.kind).toBe('warn')
    expect(merged.map((note) => note.line)).toEqual([...merged.map((note) => note.line)].sort((a, b) => a - b))
  })
})
