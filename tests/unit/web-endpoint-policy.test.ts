// The pure halves of issue #10's web-mode and S3 rules: which endpoints are plain http across the
// network, the flags that opt in (serve, CLI), how errors carry their codes across Electron IPC,
// and how log lines lose the token.
import { describe, expect, it, vi } from 'vitest'
import { CallError, splitCodePrefix, withCodePrefix } from '../../common/call-errors'
import { isLoopbackHostname, isPlainHttpToNetwork } from '../../common/aws-names'
import { checkEndpoint } from '../../main/s3/endpoint-policy'
import { S3_OPTIONS, s3OptionsFromValues } from '../../main/s3/cli-options'
import { parseOptions } from '../../main/cli/option-table'
import { parseCliArgs } from '../../main/cli/cli-args'
import { parseServeArgs, parseSize } from '../../main/web/serve-args'
import { registerSecret, scrubSecrets, webLog } from '../../main/web/log-scrub'
import { formatBytes } from '../../main/web/uploads'
import { addressWithoutToken } from '../../renderer/api/web-api'

describe('plain http endpoints', () => {
  it('knows loopback by the normalised URL host, never by a name DNS could answer', () => {
    for (const url of ['http://127.0.0.1:9000', 'http://127.1.2.3/', 'http://localhost:4566', 'http://[::1]:9000', 'http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/']) {
      expect(isPlainHttpToNetwork(url), url).toBe(false)
    }
    for (const url of ['http://minio.internal:9000', 'http://10.0.0.5/', 'http://127.evil.example/', 'http://a.localhost/', 'http://[::2]/', 'http://0.0.0.0:9000']) {
      expect(isPlainHttpToNetwork(url), url).toBe(true)
    }
    expect(isPlainHttpToNetwork('https://minio.internal')).toBe(false)
    expect(isPlainHttpToNetwork('not a url')).toBe(false)
    expect(isLoopbackHostname('localhost.')).toBe(true)
  })

  it('refuses plain http to the network without the opt-in, with a code naming the host', () => {
    expect(() => checkEndpoint({ endpointUrl: 'http://minio.internal:9000' })).toThrow(CallError)
    try {
      checkEndpoint({ endpointUrl: 'http://minio.internal:9000' })
    } catch (error) {
      expect(error).toMatchObject({ code: 'plain-http-endpoint', values: { host: 'minio.internal:9000' } })
    }
    expect(() => checkEndpoint({ endpointUrl: 'http://minio.internal:9000', allowPlainHttp: true })).not.toThrow()
    expect(() => checkEndpoint({ endpointUrl: 'https://minio.internal:9000' })).not.toThrow()
    expect(() => checkEndpoint({ endpointUrl: 'http://127.0.0.1:9000' })).not.toThrow()
    expect(() => checkEndpoint({})).not.toThrow()
  })

  it('asks for --allow-plain-http on the CLI and in serve', () => {
    const s3Options = (args: string[]) => s3OptionsFromValues(parseOptions(S3_OPTIONS, args).values)
    const refused = s3Options(['--endpoint-url=http://minio.internal:9000'])
    expect(refused.ok).toBe(false)
    expect(refused.ok ? '' : refused.error).toContain('--allow-plain-http')
    expect(s3Options(['--endpoint-url', 'http://minio.internal:9000', '--allow-plain-http'])).toMatchObject({ ok: true, value: { endpointUrl: 'http://minio.internal:9000', allowPlainHttp: true } })
    const cli = parseCliArgs(['--endpoint-url', 'http://minio.internal:9000', '--allow-plain-http', 's3://trail/AWSLogs/', '--from', '2024-03-10'])
    expect(JSON.stringify(cli)).toContain('"allowPlainHttp":true')

    expect(() => parseServeArgs(['--endpoint-url', 'http://minio.internal:9000'])).toThrow('--allow-plain-http')
    expect(parseServeArgs(['--endpoint-url', 'http://minio.internal:9000', '--allow-plain-http'])).toMatchObject({ endpointUrl: 'http://minio.internal:9000', allowPlainHttp: true })
    expect(() => parseServeArgs(['--endpoint-url', 'ftp://x'])).toThrow('--endpoint-url needs an http:// or https:// URL')
  })
})

describe('serve --max-upload', () => {
  it('reads sizes with units and refuses anything else', () => {
    expect(parseSize('8GiB')).toBe(8 * 1024 ** 3)
    expect(parseSize('500 MB')).toBe(500e6)
    expect(parseSize('1024')).toBe(1024)
    for (const bad of ['', '0', '-1', '1 parsec', 'GiB', '1e3']) expect(parseSize(bad), bad).toBeNull()
    expect(parseServeArgs(['--max-upload=2GiB']).maxUploadBytes).toBe(2 * 1024 ** 3)
    expect(() => parseServeArgs(['--max-upload', 'lots'])).toThrow('--max-upload needs a size')
    expect(formatBytes(8 * 1024 ** 3)).toBe('8 GiB')
    expect(formatBytes(50e9)).toBe('47 GiB')
    expect(formatBytes(1536)).toBe('1.5 KiB')
  })
})

describe('error codes across Electron IPC', () => {
  it('travel as a prefix with their values, and only known codes are read back', () => {
    const error = new CallError('plain-http-endpoint', 'Refused.', { host: 'a:1' })
    const wire = `Error invoking remote method 'ashiato:s3Buckets': Error: ${withCodePrefix(error)}`.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '')
    expect(splitCodePrefix(wire)).toEqual({ code: 'plain-http-endpoint', values: { host: 'a:1' }, message: 'Refused.' })
    expect(splitCodePrefix('[made-up] text')).toEqual({ message: '[made-up] text' })
    expect(splitCodePrefix('plain')).toEqual({ message: 'plain' })
  })
})

describe('the token', () => {
  it('is scrubbed from every log line', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde'
    expect(scrubSecrets(`GET /x?token=${token}&a=1: boom`)).toBe('GET /x?token=[redacted]&a=1: boom')
    expect(scrubSecrets(`cookie ashiato-4780=${token}; other=1`)).toBe('cookie ashiato-4780=[redacted]; other=1')
    expect(scrubSecrets(`Host "${token}"`, [token])).toBe('Host "[redacted]"')
  })

  it('is scrubbed, and a client-chosen file name cannot drive the terminal, in what webLog prints', () => {
    const token = 'ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210-_zyxwv'
    const forget = registerSecret(token)
    const printed: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line))
    try {
      webLog(`[web] upload "\u001b]0;pwned\u0007evil\u202e.gz" from ${token}`)
    } finally {
      spy.mockRestore()
      forget()
    }
    expect(printed).toEqual(['[web] upload "\\u001b]0;pwned\\u0007evil\\u202e.gz" from [redacted]'])
  })

  it('leaves the address bar, keeping the rest of the address', () => {
    expect(addressWithoutToken('http://127.0.0.1:4780/?token=abc')).toBe('/')
    expect(addressWithoutToken('http://127.0.0.1:4780/index.html?x=1&token=abc#f')).toBe('/index.html?x=1#f')
    expect(addressWithoutToken('http://127.0.0.1:4780/')).toBeNull()
  })
})

describe('the preload', () => {
  it('turns a coded IPC error back into its code, values and message', async () => {
    const { cleanIpcError } = await import('../../preload/ipc-error')
    const error = new CallError('plain-http-endpoint', 'Refused.', { host: 'a:1' })
    const cleaned = cleanIpcError(new Error(`Error invoking remote method 'ashiato:s3Buckets': Error: ${withCodePrefix(error)}`))
    expect(cleaned).toMatchObject({ message: 'Refused.', code: 'plain-http-endpoint', values: { host: 'a:1' } })
    expect(cleanIpcError(new Error("Error invoking remote method 'ashiato:getRows': Error: No view 3"))).not.toHaveProperty('code')
  })
})

describe('the contract', () => {
  it('takes the plain-http opt-in only as a boolean', async () => {
    const { validateArgs } = await import('../../main/services/validate-args')
    expect(validateArgs('s3Buckets', [{ endpointUrl: 'http://minio.internal:9000', allowPlainHttp: true }])).toEqual([{ endpointUrl: 'http://minio.internal:9000', allowPlainHttp: true }])
    expect(() => validateArgs('s3Buckets', [{ allowPlainHttp: 'yes' }])).toThrow('s3Buckets: connection.allowPlainHttp must be true or false, not "yes"')
  })
})
