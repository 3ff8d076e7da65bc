import { describe, expect, it } from 'vitest'
import { CALL_NAMES, type AshiatoCalls } from '../../common/ipc-contract'
import { dispatchCall, isCallName, type ShellCalls } from '../../main/services/dispatch-call'
import type { ServiceCalls } from '../../main/services/service-types'
import { LIMITS, validateArgs } from '../../main/services/validate-args'

describe('validateArgs', () => {
  it('accepts the calls without arguments only when given none', () => {
    for (const name of ['openFilesDialog', 'cancelLoad', 'clearAll', 'fileReports'] as const) {
      expect(validateArgs(name, [])).toEqual([])
      expect(() => validateArgs(name, [1])).toThrow(`${name}: expected 0 arguments, got 1`)
    }
  })

  it('checks the detection calls: event ids only', () => {
    expect(validateArgs('detectionsSummary', [])).toEqual([])
    expect(validateArgs('eventDetectionLevels', [[0, 5]])).toEqual([[0, 5]])
    expect(() => validateArgs('eventDetectionLevels', [[-1]])).toThrow('eventDetectionLevels: id must be a whole number')
    expect(() => validateArgs('eventDetectionLevels', [new Array(LIMITS.memberIds + 1).fill(0)])).toThrow('expected at most')
    expect(validateArgs('eventDetections', [3])).toEqual([3])
    expect(() => validateArgs('eventDetections', ['3'])).toThrow('eventDetections')
  })

  it('refuses arguments that are not a list', () => {
    expect(() => validateArgs('getEvent', { 0: 1 })).toThrow('getEvent: arguments must be a list')
    expect(() => validateArgs('clearAll', undefined)).toThrow('arguments must be a list')
  })

  it('checks loadPaths: a list of non-empty strings without NUL', () => {
    expect(validateArgs('loadPaths', [['/logs/a.json.gz', 'C:\\logs']])).toEqual([['/logs/a.json.gz', 'C:\\logs']])
    expect(validateArgs('loadPaths', [[]])).toEqual([[]])
    expect(() => validateArgs('loadPaths', ['/logs'])).toThrow('loadPaths: expected a list of paths')
    expect(() => validateArgs('loadPaths', [['/a', 3]])).toThrow('path 2 is not a non-empty string')
    expect(() => validateArgs('loadPaths', [['']])).toThrow('path 1 is not a non-empty string')
    expect(() => validateArgs('loadPaths', [['/etc/passwd\0.json']])).toThrow('path 1 contains a NUL character')
    expect(() => validateArgs('loadPaths', [['x'.repeat(LIMITS.pathLength + 1)]])).toThrow('path 1 is too long')
    expect(() => validateArgs('loadPaths', [['/a'], ['/b']])).toThrow('expected 1 argument, got 2')
  })

  it('rebuilds a view spec with only its known fields', () => {
    const spec = JSON.parse('{"query":"eventName:Get*","from":1,"to":null,"sort":{"column":"time","direction":"desc","x":1},"__proto__":{"polluted":true},"extra":1}')
    const [checked] = validateArgs('setView', [spec])
    expect(checked).toEqual({ query: 'eventName:Get*', from: 1, to: null, sort: { column: 'time', direction: 'desc' } })
    expect(Object.keys(checked)).not.toContain('extra')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(validateArgs('setView', [{ query: '' }])).toEqual([{ query: '', from: undefined, to: undefined }])
  })

  it('refuses bad view specs with a readable reason', () => {
    expect(() => validateArgs('setView', ['eventName:x'])).toThrow('setView: expected a view')
    expect(() => validateArgs('setView', [{ query: 3 }])).toThrow('query must be a string')
    expect(() => validateArgs('setView', [{ query: '', from: '2024' }])).toThrow('from must be a time in ms, or null')
    expect(() => validateArgs('setView', [{ query: '', to: Number.NaN }])).toThrow('to must be a time in ms')
    expect(() => validateArgs('setView', [{ query: '', sort: { column: 'id', direction: 'asc' } }])).toThrow('unknown sort column "id"')
    expect(() => validateArgs('setView', [{ query: '', sort: { column: 'time', direction: 'up' } }])).toThrow("sort direction must be 'asc' or 'desc'")
    expect(() => validateArgs('setView', [{ query: 'x'.repeat(LIMITS.queryLength + 1) }])).toThrow('query is too long')
    expect(() => validateArgs('setView', [[]])).toThrow('expected a view')
    expect(() => validateArgs('setView', [new Date()])).toThrow('expected a view')
  })

  it('checks row requests and event ids', () => {
    expect(validateArgs('getRows', [{ viewId: 2, start: 0, count: 100, more: 1 }])).toEqual([{ viewId: 2, start: 0, count: 100 }])
    expect(() => validateArgs('getRows', [{ viewId: 2, start: -1, count: 1 }])).toThrow('start must be a whole number')
    expect(() => validateArgs('getRows', [{ viewId: 2, start: 0, count: LIMITS.rowsPerRequest + 1 }])).toThrow('count must be a whole number from 0 to 10000')
    expect(() => validateArgs('getRows', [{ viewId: '2', start: 0, count: 1 }])).toThrow('viewId must be a whole number')
    expect(validateArgs('getEvent', [0])).toEqual([0])
    expect(() => validateArgs('getEvent', [1.5])).toThrow('getEvent: id must be a whole number')
    expect(() => validateArgs('getEvent', ['1'])).toThrow('id must be a whole number')
  })

  it('checks facet and histogram requests', () => {
    expect(validateArgs('getFacets', [{ viewId: 3, x: 1 }])).toEqual([{ viewId: 3 }])
    expect(validateArgs('getFacets', [{ viewId: 3, fields: ['eventName', 'readOnly'], limit: 5 }])).toEqual([{ viewId: 3, fields: ['eventName', 'readOnly'], limit: 5 }])
    expect(() => validateArgs('getFacets', [{ viewId: 3, fields: ['__proto__'] }])).toThrow('getFacets: unknown facet "__proto__"')
    expect(() => validateArgs('getFacets', [{ viewId: 3, fields: 'eventName' }])).toThrow('fields must be a list')
    expect(() => validateArgs('getFacets', [{ viewId: 3, limit: LIMITS.facetValues + 1 }])).toThrow('limit must be a whole number')
    expect(() => validateArgs('getFacets', [3])).toThrow('getFacets: expected { viewId')
    expect(validateArgs('getHistogram', [{ viewId: 1, buckets: 50 }])).toEqual([{ viewId: 1, buckets: 50 }])
    expect(validateArgs('getHistogram', [{ viewId: 1 }])).toEqual([{ viewId: 1 }])
    expect(() => validateArgs('getHistogram', [{ viewId: 1, buckets: 0 }])).toThrow('buckets must be at least 1')
    expect(() => validateArgs('getHistogram', [{ viewId: 1, buckets: 1e9 }])).toThrow('buckets must be a whole number')
    expect(() => validateArgs('getHistogram', [{ viewId: 1 }, 2])).toThrow('expected 1 argument, got 2')
  })

  it('checks openExternal is given one URL string (the shell decides which URLs open)', () => {
    expect(validateArgs('openExternal', ['https://docs.aws.amazon.com/'])).toEqual(['https://docs.aws.amazon.com/'])
    expect(() => validateArgs('openExternal', [{ href: 'x' }])).toThrow('openExternal: expected a URL string')
    expect(() => validateArgs('openExternal', ['https://a/' + 'x'.repeat(LIMITS.urlLength)])).toThrow('URL is too long')
  })
})

describe('dispatchCall', () => {
  const calls: string[] = []
  const service: ServiceCalls = {
    loadPaths: async (paths) => (calls.push(`loadPaths ${paths.join(',')}`), { loadId: 7 }),
    cancelLoad: async () => void calls.push('cancelLoad'),
    clearAll: async () => void calls.push('clearAll'),
    fileReports: async () => [],
    setView: async () => ({ viewId: 1, matched: 0, total: 0, newest: null, oldest: null, queryMs: 0 }),
    getRows: async (request) => ({ viewId: request.viewId, start: request.start, rows: [] }),
    getEvent: async (id) => ({ id, json: '{}', file: 'a.json' }),
    getFacets: async () => [],
    getHistogram: async () => ({ start: 0, bucketMs: 60_000, errors: [], successes: [], untimed: 0 }),
    s3Profiles: async () => [],
    s3Buckets: async () => [],
    s3Discover: async () => ({ orgIds: [], accounts: [], regions: [], hasInsight: false, hasDigest: false }),
    openS3Trail: async () => ({ loadId: 8 }),
    clearS3Cache: async () => ({ objects: 0, bytes: 0 }),
    selectView: async () => ({ count: 0 }),
    countHidden: async () => ({ selected: 0, hidden: 0 }),
    selectionMembers: async () => [],
    cancelExport: async () => undefined,
    integrityReport: async () => {
      throw new Error('not used here')
    },
    addPublicKeys: async () => ({ keys: 0 }),
    eventIntegrity: async () => [],
    fetchPublicKeys: async () => ({ keys: 0 }),
    credentialChain: async (id) => ({ eventId: id, hops: [], truncated: false }),
    principalDossier: async () => {
      throw new Error('not in this test')
    },
    credentialGraph: async () => ({ nodes: [], edges: [], omittedNodes: 0 }),
    fieldValues: async () => [],
    fieldCatalogue: async () => ({ fields: [], sampled: 0, total: 0 }),
    getFacetValues: async (request) => ({ field: request.field, values: [], distinct: 0, matching: 0, missing: 0, scanned: 0, total: 0 }),
    detectionsSummary: async () => ({ rules: [], rulesRun: 0, unsupported: [], eventsChecked: 0, detectMs: 0 }),
    eventDetectionLevels: async () => [],
    eventDetections: async () => [],
  }
  const shell: ShellCalls = {
    openFilesDialog: async () => null,
    openExternal: async () => {
      throw new Error('refused')
    },
    exportEvents: async () => null,
    showExportedFile: async () => undefined,
    copyEvents: async () => ({ events: 0, text: '' }),
  }

  it('routes service calls to the service and shell calls to the shell', async () => {
    await expect(dispatchCall(service, shell, 'loadPaths', [['/a', '/b']])).resolves.toEqual({ loadId: 7 })
    expect(calls).toContain('loadPaths /a,/b')
    await expect(dispatchCall(service, shell, 'openFilesDialog', [])).resolves.toBeNull()
    await expect(dispatchCall(service, shell, 'getEvent', [3])).resolves.toEqual({ id: 3, json: '{}', file: 'a.json' })
    await expect(dispatchCall(service, shell, 'openExternal', ['https://x'])).rejects.toThrow('refused')
  })

  it('rejects names outside the contract, including inherited ones', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'store', 'dispose', 42, null]) {
      await expect(dispatchCall(service, shell, name, [])).rejects.toThrow(/unknown call/)
    }
  })

  it('rejects bad arguments before the service sees them', async () => {
    const before = calls.length
    await expect(dispatchCall(service, shell, 'loadPaths', ['/a'])).rejects.toThrow('loadPaths: expected a list of paths')
    expect(calls.length).toBe(before)
  })

  it('knows every call of the contract', () => {
    for (const name of CALL_NAMES) expect(isCallName(name)).toBe(true)
    const everyName: Record<keyof AshiatoCalls, true> = Object.fromEntries(CALL_NAMES.map((n) => [n, true])) as Record<keyof AshiatoCalls, true>
    expect(Object.keys(everyName).length).toBe(CALL_NAMES.length)
  })
})
