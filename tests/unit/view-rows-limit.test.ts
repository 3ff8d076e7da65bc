// getRows answers as many rows as the contract allows, never silently fewer. The view cache used
// to cut every request to 1,000 rows while the contract allowed 10,000, so a Shift-range over
// rows not loaded yet (one getRows for the whole span) selected its first 1,000 and lost the rest.
import { describe, expect, it } from 'vitest'
import { VIEW_LIMITS, type ShellCalls } from '../../common/ipc-contract'
import { useLoadedService } from './helpers/loaded-service'
import { dispatchCall } from '../../main/services/dispatch-call'

/** More events than one request may ask for, so the limit itself can be asked for and passed. */
const EVENTS = VIEW_LIMITS.rowsPerRequest + 500
const BASE = Date.UTC(2024, 4, 1)

function event(i: number): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', userName: 'alice' },
    eventTime: new Date(BASE + i * 1000).toISOString().replace('.000Z', 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    eventID: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  }
}

const service = useLoadedService('rows-limit', () => ({ 'many.json': Array.from({ length: EVENTS }, (_, i) => event(i)) }))
const shell = {} as ShellCalls

describe('getRows and the contract limit', () => {
  it('answers every row asked for, up to the limit, through the dispatcher', async () => {
    const view = await service().setView({ query: '' })
    expect(view.matched).toBe(EVENTS)
    for (const count of [5_000, VIEW_LIMITS.rowsPerRequest]) {
      const result = (await dispatchCall(service(), shell, 'getRows', [{ viewId: view.viewId, start: 100, count }])) as { rows: { id: number }[] }
      expect(result.rows).toHaveLength(count)
      expect(new Set(result.rows.map((r) => r.id)).size).toBe(count)
    }
  })

  it('refuses one row more with over-limit, at the dispatcher and in the service itself', async () => {
    const view = await service().setView({ query: '' })
    const request = { viewId: view.viewId, start: 0, count: VIEW_LIMITS.rowsPerRequest + 1 }
    const expected = { code: 'over-limit', values: { call: 'getRows', argument: 'request.count', limit: VIEW_LIMITS.rowsPerRequest } }
    await expect(dispatchCall(service(), shell, 'getRows', [request])).rejects.toMatchObject(expected)
    await expect(service().getRows(request)).rejects.toMatchObject(expected)
  })
})
