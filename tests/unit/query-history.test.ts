// Back / Forward over the views shown (renderer/state/history-logic.ts, query-history.ts), under
// Node: steps recorded from the find store whatever changed it, typing coalesced, a step after
// going back dropping the steps ahead, and the address fragment that restores a view.
import { beforeEach, describe, expect, it } from 'vitest'
import { addClause, editQuery, replaceQuery, setRange, toggleQuickView, useFind } from '../../renderer/state/find-store'
import { COALESCE_MS, go, MAX_STEPS, record, startHistory, stepFromHash, stepToHash, type Step } from '../../renderer/state/history-logic'
import { followQueryHistory, goHistory, pageAddressBar, useQueryHistory, type AddressBar } from '../../renderer/state/query-history'

const step = (query: string, extra: Partial<Step> = {}): Step => ({ query, range: { kind: 'all' }, quick: [], ...extra })

describe('history logic', () => {
  it('pushes steps, goes back and forward, and drops the steps ahead on a new one', () => {
    let h = startHistory(step(''))
    h = record(h, step('event:GetObject'), 10_000)
    h = record(h, step('user:bob'), 20_000)
    h = go(h, -1)
    expect(h.steps[h.index].query).toBe('event:GetObject')
    h = go(h, 1)
    expect(h.steps[h.index].query).toBe('user:bob')
    expect(go(h, 1)).toBe(h) // nothing ahead
    h = record(go(go(h, -1), -1), step('ip:3.238.0.0/16'), 30_000)
    expect(h.steps.map((s) => s.query)).toEqual(['', 'ip:3.238.0.0/16'])
  })

  it('coalesces typing, but not a pause, another range, or a step that is the same', () => {
    let h = record(startHistory(step('')), step('event:Get'), 10_000, true)
    h = record(h, step('event:GetObject'), 10_000 + COALESCE_MS - 1, true)
    expect(h.steps.map((s) => s.query)).toEqual(['', 'event:GetObject'])
    h = record(h, step('event:GetObject user:bob'), 10_000 + 3 * COALESCE_MS, true)
    expect(h.steps).toHaveLength(3)
    // A facet click right after typing is a step of its own.
    h = record(h, step('event:GetObject user:bob region:x'), 10_000 + 3 * COALESCE_MS + 1, false)
    expect(h.steps).toHaveLength(4)
    h = go(h, -1)
    h = record(h, step('event:GetObject user:bob', { range: { kind: 'preset', preset: '1h' } }), 10_000 + 3 * COALESCE_MS + 1)
    expect(h.steps).toHaveLength(4)
    expect(h.steps.map((s) => s.query)).toEqual(['', 'event:GetObject', 'event:GetObject user:bob', 'event:GetObject user:bob'])
    expect(record(h, step('event:GetObject user:bob', { range: { kind: 'preset', preset: '1h' } }), 99_999)).toBe(h)
  })

  it('keeps at most MAX_STEPS', () => {
    let h = startHistory(step(''))
    for (let i = 0; i < MAX_STEPS + 20; i++) h = record(h, step(`q${i}`), i * 10 * COALESCE_MS)
    expect(h.steps).toHaveLength(MAX_STEPS)
    expect(h.steps[h.index].query).toBe(`q${MAX_STEPS + 19}`)
  })

  it('writes a step to the address and reads it back; ignores what it does not know', () => {
    const custom = step('event:PutUserPolicy user:"a b"', { range: { kind: 'custom', from: Date.UTC(2024, 4, 1), to: null }, quick: ['errors', 'changes'] })
    const hash = stepToHash(custom)
    expect(hash).toBe('#q=event%3APutUserPolicy+user%3A%22a+b%22&from=2024-05-01T00%3A00%3A00.000Z&to=&quick=changes%2Cerrors')
    expect(stepFromHash(hash)).toEqual({ ...custom, quick: ['changes', 'errors'] })
    expect(stepFromHash(stepToHash(step('', { range: { kind: 'preset', preset: '7d' } })))).toEqual(step('', { range: { kind: 'preset', preset: '7d' } }))
    expect(stepToHash(step(''))).toBe('')
    expect(stepFromHash('')).toBeNull()
    expect(stepFromHash('#recovered=crashed')).toBeNull()
    expect(stepFromHash('#q=x&last=99y&quick=evil,errors&from=nope')).toEqual(step('x', { quick: ['errors'] }))
    expect(stepFromHash(`#q=${'a'.repeat(200_000)}`)!.query.length).toBe(100_000)
  })
})

describe('following the find store', () => {
  let hash = ''
  const bar: AddressBar = { readHash: () => hash, writeHash: (h) => void (hash = h) }
  let clock = 0
  let stop: () => void = () => undefined

  beforeEach(() => {
    stop()
    useFind.setState({ draft: '', query: '', parseError: null, quick: [], range: { kind: 'all' } })
    hash = ''
    clock = 0
  })

  it('records pivots, facet clicks, brushes and quick views, and goes back and forward through them', () => {
    // One after the other, at once: none of them is typing.
    stop = followQueryHistory(useFind, bar, () => clock)
    replaceQuery('user:mallory') // a pivot
    addClause('event:PutUserPolicy') // a facet click
    setRange({ kind: 'custom', from: 1000, to: 2000 }) // a brush
    toggleQuickView('errors')
    expect(hash).toBe('#q=user%3Amallory+event%3APutUserPolicy&from=1970-01-01T00%3A00%3A01.000Z&to=1970-01-01T00%3A00%3A02.000Z&quick=errors')
    expect(useQueryHistory.getState().history.steps).toHaveLength(5)

    expect(goHistory(-1)).toBe(true)
    expect(useFind.getState().quick).toEqual([])
    expect(goHistory(-1)).toBe(true)
    expect(useFind.getState().range).toEqual({ kind: 'all' })
    expect(useFind.getState()).toMatchObject({ query: 'user:mallory event:PutUserPolicy', draft: 'user:mallory event:PutUserPolicy' })
    expect(goHistory(-1) && goHistory(-1)).toBe(true)
    expect(useFind.getState().query).toBe('')
    expect(hash).toBe('')
    expect(goHistory(-1)).toBe(false)
    expect(goHistory(1)).toBe(true)
    expect(useFind.getState().query).toBe('user:mallory')
    // Going back did not record steps of its own.
    expect(useQueryHistory.getState().history.steps).toHaveLength(5)
  })

  it('opens at the view the address names', () => {
    hash = '#q=ip%3A3.238.0.0%2F16&last=1h'
    stop = followQueryHistory(useFind, bar, () => clock)
    expect(useFind.getState()).toMatchObject({ query: 'ip:3.238.0.0/16', draft: 'ip:3.238.0.0/16', range: { kind: 'preset', preset: '1h' } })
    expect(useQueryHistory.getState().history.steps).toHaveLength(1)
    editQuery('x', 0)
    expect(goHistory(-1)).toBe(true)
    expect(useFind.getState().query).toBe('ip:3.238.0.0/16')
  })

  it('makes one step of a query typed with pauses, and one of Enter after it', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 0))
    stop = followQueryHistory(useFind, bar, () => clock)
    for (const text of ['e', 'event:', 'event:Get', 'event:GetObject']) {
      editQuery(text, 1) // typing: the text waits in the filter bar
      await pause()
      useFind.setState({ query: useFind.getState().draft }) // the pause ran it (as the timer does)
      clock += 400
    }
    editQuery('event:GetObject', 0) // Enter
    expect(useQueryHistory.getState().history.steps.map((s) => s.query)).toEqual(['', 'event:GetObject'])
    clock += 10_000
    editQuery('event:GetObject x', 1)
    await pause()
    useFind.setState({ query: useFind.getState().draft })
    expect(useQueryHistory.getState().history.steps.map((s) => s.query)).toEqual(['', 'event:GetObject', 'event:GetObject x'])
  })
})

describe('the page address bar', () => {
  it('replaces the fragment only, keeping the path and the search, and leaves an unchanged one alone', () => {
    const urls: (string | null | undefined)[] = []
    const page = {
      location: { hash: '', pathname: '/', search: '?lang=ja' },
      history: { state: { kept: true }, replaceState: (_state: unknown, _unused: string, url?: string | null) => void urls.push(url) },
    }
    const bar = pageAddressBar(page)
    bar.writeHash('#q=event%3AGetObject')
    expect(urls).toEqual(['/?lang=ja#q=event%3AGetObject'])
    page.location.hash = '#q=event%3AGetObject'
    bar.writeHash('#q=event%3AGetObject')
    bar.writeHash('')
    expect(urls).toEqual(['/?lang=ja#q=event%3AGetObject', '/?lang=ja'])
  })
})
