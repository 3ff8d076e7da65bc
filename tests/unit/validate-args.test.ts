// The contract's schemas as main applies them (main/services/validate-args.ts): arguments are
// rebuilt from the schemas (unknown keys stripped), a wrong one is refused with a code and a
// message naming the call, the argument and the limit, and every call of the contract is checked.
import { describe, expect, it } from 'vitest'
import { callErrorCode, CallError } from '../../common/call-errors'
import {
  CALL_NAMES,
  CALLS,
  DETECTION_CALLS,
  SHELL_CALLS,
  EXPORT_CALLS,
  FIELD_CALLS,
  FIELD_LIMITS,
  IDENTITY_CALLS,
  INTEGRITY_CALLS,
  isShellCall,
  LOADING_CALLS,
  LOADING_LIMITS,
  S3_CALLS,
  SELECTION_LIMITS,
  VIEW_CALLS,
  VIEW_LIMITS,
  type AshiatoCalls,
  type ShellCalls,
} from '../../common/ipc-contract'
import { dispatchCall, isCallName } from '../../main/services/dispatch-call'
import type { ServiceCalls } from '../../main/services/service-types'
import { AshiatoService } from '../../main/services/ashiato-service'
import { validateArgs } from '../../main/services/validate-args'

/** The CallError a check throws (fails the test when it throws nothing, or something else). */
function refusal(check: () => unknown): CallError {
  try {
    check()
  } catch (error) {
    expect(error).toBeInstanceOf(CallError)
    return error as CallError
  }
  throw new Error('expected the arguments to be refused')
}

describe('validateArgs', () => {
  it('accepts the calls without arguments only when given none', () => {
    for (const name of ['cancelLoad', 'clearAll', 'fileReports', 'fieldCatalogue', 'detectionsSummary'] as const) {
      expect(validateArgs(name, [])).toEqual([])
      const error = refusal(() => validateArgs(name, [1]))
      expect(error.code).toBe('bad-argument')
      expect(error.message).toBe(`${name}: expected 0 arguments, got 1`)
    }
  })

  it('lets the Open dialog pick only files or folders', () => {
    expect(validateArgs('chooseLogPaths', ['folders'])).toEqual(['folders'])
    expect(refusal(() => validateArgs('chooseLogPaths', ['anything'])).code).toBe('bad-argument')
  })

  it('refuses arguments that are not a list', () => {
    expect(() => validateArgs('getEvent', { 0: 1 })).toThrow('getEvent: arguments must be a list')
    expect(() => validateArgs('clearAll', undefined)).toThrow('arguments must be a list')
  })

  it('strips unknown keys at every level, and rebuilds objects so a __proto__ key reaches nothing', () => {
    const spec = JSON.parse('{"query":"eventName:Get*","from":1,"to":null,"sort":{"column":"time","direction":"desc","x":1},"__proto__":{"polluted":true},"extra":1}')
    const [checked] = validateArgs('setView', [spec])
    expect(checked).toEqual({ query: 'eventName:Get*', from: 1, to: null, sort: { column: 'time', direction: 'desc' } })
    expect(Object.keys(checked)).toEqual(['query', 'from', 'to', 'sort'])
    expect(Object.getPrototypeOf(checked)).toBe(Object.prototype)
    expect(Object.keys(checked.sort ?? {})).toEqual(['column', 'direction'])
    expect(validateArgs('getRows', [{ viewId: 2, start: 0, count: 100, more: 1 }])).toEqual([{ viewId: 2, start: 0, count: 100 }])
    const [selection] = validateArgs('copyEvents', [{ selection: { viewId: 1, except: [2], secret: 'x' }, extra: true }])
    expect(selection).toEqual({ selection: { viewId: 1, except: [2] } })
  })

  it('refuses a value of the wrong kind with bad-argument, naming the call and the argument', () => {
    const cases: [Parameters<typeof validateArgs>, string][] = [
      [['getRows', [{ viewId: '2', start: 0, count: 1 }]], 'getRows: request.viewId must be a number, not "2"'],
      [['setView', [{ query: 3 }]], 'setView: spec.query must be a string, not 3'],
      [['setView', [{ query: '', from: '2024' }]], 'setView: spec.from '],
      [['setView', [{ query: '', to: Number.POSITIVE_INFINITY }]], 'setView: spec.to must be a finite number'],
      [['setView', [{ query: '', to: Number.NaN }]], 'setView: spec.to must be a number, not NaN'],
      [['setView', [{ query: '', sort: { column: 'id', direction: 'asc' } }]], 'setView: spec.sort.column must be one of "time", '],
      [['getEvent', [1.5]], 'getEvent: id must be a whole number, not 1.5'],
      [['getEvent', [-1]], 'getEvent: id must be at least 0, not -1'],
      [['loadPaths', ['/logs']], 'loadPaths: paths must be a list'],
      [['loadPaths', [['/a', 3]]], 'loadPaths: paths[1] must be a string, not 3'],
      [['loadPaths', [['']]], 'loadPaths: paths[0] must not be empty'],
      [['loadPaths', [['/etc/passwd\0.json']]], 'loadPaths: paths[0] contains a NUL character'],
      [['getFacets', [{ viewId: 3, fields: ['__proto__'] }]], 'getFacets: request.fields[0] must be one of "eventName", '],
      [['getHistogram', [{ viewId: 1, buckets: 0 }]], 'getHistogram: request.buckets must be at least 1'],
      [['exportEvents', [{ selection: { ids: [1] }, format: 'xml', gzip: false }]], 'exportEvents: request.format must be one of "records", "jsonl", "csv", not "xml"'],
      [['countHidden', [{ viewId: 1, selection: { ids: [1], viewId: 2 } }]], 'countHidden: request.selection has both ids and viewId'],
      [['countHidden', [{ viewId: 1, selection: 'all' }]], 'countHidden: request.selection must be an object'],
      [['principalDossier', [{ kind: 'alien', id: 'x' }]], 'principalDossier: principal.kind must be one of "iamUser", '],
    ]
    for (const [[name, args], message] of cases) {
      const error = refusal(() => validateArgs(name, args))
      expect(error.code, message).toBe('bad-argument')
      expect(error.message.startsWith(message), `${error.message} / ${message}`).toBe(true)
      expect(error.values.call).toBe(name)
      expect(message).toContain(String(error.values.argument))
    }
  })

  it("enforces each limit at the schema's own number, refusing one more with over-limit and the limit", () => {
    const id = (n: number) => Array.from({ length: n }, (_, i) => i)
    const cases: [string, number, (n: number) => Parameters<typeof validateArgs>][] = [
      ['request.count', VIEW_LIMITS.rowsPerRequest, (n) => ['getRows', [{ viewId: 1, start: 0, count: n }]]],
      ['spec.query', VIEW_LIMITS.queryLength, (n) => ['setView', [{ query: 'x'.repeat(n) }]]],
      ['request.limit', VIEW_LIMITS.facetValues, (n) => ['getFacets', [{ viewId: 1, limit: n }]]],
      ['request.buckets', VIEW_LIMITS.histogramBuckets, (n) => ['getHistogram', [{ viewId: 1, buckets: n }]]],
      ['request.limit', VIEW_LIMITS.facetAllValues, (n) => ['getFacetValues', [{ viewId: 1, field: 'a', limit: n }]]],
      ['request.ids', FIELD_LIMITS.ids, (n) => ['fieldValues', [{ ids: id(n), paths: ['a'] }]]],
      ['request.paths', FIELD_LIMITS.paths, (n) => ['fieldValues', [{ ids: [1], paths: Array.from({ length: n }, () => 'a') }]]],
      ['paths[0]', LOADING_LIMITS.pathLength, (n) => ['loadPaths', [['x'.repeat(n)]]]],
      ['request.ids', SELECTION_LIMITS.memberIds, (n) => ['selectionMembers', [{ selection: { ids: [] }, ids: id(n) }]]],
      ['url', FIELD_LIMITS.urlLength, (n) => ['openExternal', ['x'.repeat(n)]]],
    ]
    for (const [argument, limit, args] of cases) {
      expect(() => validateArgs(...args(limit))).not.toThrow()
      const error = refusal(() => validateArgs(...args(limit + 1)))
      expect(error.code, argument).toBe('over-limit')
      expect(error.values).toMatchObject({ argument, limit })
      expect(error.message).toContain(limit.toLocaleString('en-US'))
    }
  })

  it('checks a big id list in bounded time, and an oversized one by its length alone', () => {
    const ids = Array.from({ length: SELECTION_LIMITS.ids }, (_, i) => i)
    expect(validateArgs('copyEvents', [{ selection: { ids } }])[0].selection).toEqual({ ids })
    const error = refusal(() => validateArgs('copyEvents', [{ selection: { ids: [...ids, 'x'] } }]))
    expect(error.code).toBe('over-limit')
  })
})

describe('the contract', () => {
  it('declares each call once, across the concern files', () => {
    const lists = [LOADING_CALLS, VIEW_CALLS, FIELD_CALLS, S3_CALLS, EXPORT_CALLS, INTEGRITY_CALLS, IDENTITY_CALLS, DETECTION_CALLS, SHELL_CALLS]
    // A name in two concerns would be silently overridden by the spread in calls.ts.
    expect(lists.reduce((sum, list) => sum + Object.keys(list).length, 0)).toBe(CALL_NAMES.length)
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length)
  })

  it('gives every call a schema for each argument, and the service a method for each service call', () => {
    for (const name of CALL_NAMES) {
      for (const { name: argument, schema } of CALLS[name].args) {
        expect(argument, name).toMatch(/^[a-z][A-Za-z]*$/)
        expect(schema.kind, `${name}(${argument})`).toBe('schema')
      }
      if (!isShellCall(name)) expect(typeof (AshiatoService.prototype as unknown as Record<string, unknown>)[name], name).toBe('function')
    }
    expect(CALL_NAMES.filter(isShellCall).sort()).toEqual(['chooseLogPaths', 'chooseRuleFolder', 'copyEvents', 'exportEvents', 'openExternal', 'setShellLanguage', 'showExportedFile'])
  })

  it('knows only its own names', () => {
    for (const name of ['getRows', 'openS3Trail', 'eventDetections']) expect(isCallName(name), name).toBe(true)
    for (const name of ['appInfo', 'nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'store', 'dispose', 'loadInputs', 42, null]) {
      expect(isCallName(name), String(name)).toBe(false)
    }
  })

  it('makes a shell that leaves out one of its calls a type error', () => {
    const shell = {
      chooseLogPaths: async () => null,
      exportEvents: async () => null,
      showExportedFile: async () => undefined,
      copyEvents: async () => ({ events: 0 }),
    }
    // @ts-expect-error openExternal is missing: the contract says the shell answers it
    const incomplete: ShellCalls = shell
    // @ts-expect-error not a call of the contract
    const unknown: AshiatoCalls['appInfo'] = async () => undefined
    expect([incomplete, unknown]).toHaveLength(2)
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
    cancelView: async () => ({ cancelled: false }),
    listSources: async () => [],
    setSourceHidden: async () => undefined,
    startWithout: async () => undefined,
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
    ruleFolders: async () => ({ folders: [], choices: null, problems: [], downloaded: [], canUpdateRules: false }),
    setRuleFolders: async (folders) => ({ folders, choices: null, problems: [], downloaded: [], canUpdateRules: false }),
    updateRules: async () => ({ folders: [], choices: null, problems: [], downloaded: [], canUpdateRules: true }),
  }
  const shell: ShellCalls = {
    chooseLogPaths: async () => null,
    openExternal: async () => {
      throw new Error('refused')
    },
    exportEvents: async () => null,
    showExportedFile: async () => undefined,
    copyEvents: async () => ({ events: 0, text: '' }),
    setShellLanguage: async () => undefined,
    chooseRuleFolder: async () => null,
  }

  it('routes service calls to the service and shell calls to the shell', async () => {
    await expect(dispatchCall(service, shell, 'loadPaths', [['/a', '/b']])).resolves.toEqual({ loadId: 7 })
    expect(calls).toContain('loadPaths /a,/b')
    await expect(dispatchCall(service, shell, 'chooseLogPaths', ['files'])).resolves.toBeNull()
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
    await expect(dispatchCall(service, shell, 'loadPaths', ['/a'])).rejects.toThrow('loadPaths: paths must be a list')
    expect(calls.length).toBe(before)
  })

  it('checks the arguments of every call it routes', async () => {
    // An argument list one too long is refused for every call, naming it: dispatch consults each call's schema.
    for (const name of CALL_NAMES) {
      const error = await dispatchCall(service, shell, name, new Array(CALLS[name].args.length + 1).fill(0)).catch((e: unknown) => e)
      expect(callErrorCode(error), name).toBe('bad-argument')
      expect((error as Error).message).toMatch(new RegExp(`^${name}: expected`))
    }
  })
})
