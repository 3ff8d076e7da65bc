import { describe, expect, it } from 'vitest'
import { PassThrough } from 'node:stream'
import { escapeControls } from '../../common/control-chars'
import { terminalSafe } from '../../main/cli/terminal-output'

describe('escapeControls', () => {
  it('writes ESC sequences, BEL, CR and LF as \\u escapes', () => {
    // Recolour, retitle (OSC 0 ... BEL), clear the screen.
    expect(escapeControls('\x1b[31mred\x1b[0m')).toBe('\\u001b[31mred\\u001b[0m')
    expect(escapeControls('\x1b]0;owned\x07')).toBe('\\u001b]0;owned\\u0007')
    expect(escapeControls('ok\rFAKE LINE\nnext')).toBe('ok\\u000dFAKE LINE\\u000anext')
    expect(escapeControls('\x00\x7f\x9b')).toBe('\\u0000\\u007f\\u009b')
  })

  it('writes the bidi controls and line separators as escapes', () => {
    expect(escapeControls('user\u202eexe.txt')).toBe('user\\u202eexe.txt')
    expect(escapeControls('\u2066a\u2067b\u2068c\u2069')).toBe('\\u2066a\\u2067b\\u2068c\\u2069')
    expect(escapeControls('\u200e\u200f\u061c\u202a\u202b\u202c\u202d')).toBe('\\u200e\\u200f\\u061c\\u202a\\u202b\\u202c\\u202d')
    expect(escapeControls('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c')
  })

  it('writes lone surrogates as escapes and keeps pairs', () => {
    expect(escapeControls('a\ud83db')).toBe('a\\ud83db')
    expect(escapeControls('a\ude00b')).toBe('a\\ude00b')
    expect(escapeControls('\ude00\ud83d')).toBe('\\ude00\\ud83d')
    expect(escapeControls('😀')).toBe('😀')
    expect(escapeControls('\ud83d\ud83d\ude00')).toBe('\\ud83d😀')
  })

  it('leaves everything else alone, and keeps the C0 characters asked for', () => {
    const text = 'Zoë — 日本語, "quotes", \\backslash, emoji 😀, tab\tin'
    expect(escapeControls(text, '\t')).toBe(text)
    expect(escapeControls('a\tb\nc\x1b', '\t\n')).toBe('a\tb\nc\\u001b')
  })

  it('keeps JSON valid and its values the same', () => {
    const value = { userName: 'bob\u202e\u2066\x7f\x85', note: 'x\u2028y' }
    const raw = JSON.stringify(value)
    expect(raw).toContain('\u202e') // JSON.stringify leaves these raw...
    const escaped = escapeControls(raw, '\t\n\r')
    expect(escaped).not.toMatch(/[\u202e\u2066\x7f\x85\u2028]/)
    expect(JSON.parse(escaped)).toEqual(value) // ...and the escaped text means the same
  })
})

describe('terminalSafe', () => {
  it('escapes what reaches a terminal, even across chunk boundaries mid-character', async () => {
    const terminal = new PassThrough()
    const received: Buffer[] = []
    terminal.on('data', (chunk: Buffer) => received.push(chunk))
    const stream = terminalSafe(terminal)
    const bytes = Buffer.from('{"u":"a\u202eb"}\n{"v":"\x85"}\n')
    // U+202E is three bytes in UTF-8: cut inside it.
    const cut = bytes.indexOf(0xe2) + 1
    stream.write(bytes.subarray(0, cut))
    stream.write(bytes.subarray(cut))
    await new Promise<void>((resolve) => stream.end(resolve))
    await new Promise((resolve) => setImmediate(resolve))
    expect(Buffer.concat(received).toString('utf8')).toBe('{"u":"a\\u202eb"}\n{"v":"\\u0085"}\n')
  })
})
