// Issue #12 §3: a query that is still running says so (state.querying), and Cancel stops it in
// main and keeps the view before it, saying so (state.cancelled); never the old count beside the
// new query's text as if it were its answer.
import { afterEach, describe, expect, it } from 'vitest'
import { createViewSession, type ViewSession } from '../../renderer/session/create-session'
import { QUERY_SLOW_MS } from '../../renderer/session/session-state'
import { makeRows, memoryEnv, MemorySessionApi, settle } from './helpers/memory-session-api'

let session: ViewSession | undefined
afterEach(() => session?.dispose())

async function start() {
  const api = new MemorySessionApi(makeRows(700))
  const world = memoryEnv(api)
  session = createViewSession(world.env)
  await session.requery()
  return { api, session, ...world }
}

describe('a running query', () => {
  it('is said while it runs, and its answer clears it', async () => {
    const { api, session, find } = await start()
    expect(session.store.getState().querying).toBeNull()
    api.holdViews = true
    find.setState({ query: 'PutObject' })
    await settle()
    const running = session.store.getState().querying
    expect(running?.query).toBe('PutObject')
    expect(session.store.getState().info?.matched).toBe(700) // the old result, marked as not current
    api.releaseViews()
    await settle()
    expect(session.store.getState().querying).toBeNull()
    expect(session.store.getState().info?.matched).toBe(100)
  })

  it('Cancel stops it in main, keeps the previous view and says the query was cancelled', async () => {
    const { api, session, find, errors } = await start()
    api.holdViews = true
    find.setState({ query: 'PutObject' })
    await settle()
    await session.cancelQuery()
    await settle()
    const state = session.store.getState()
    expect(api.callsOf('cancelView')).toHaveLength(1)
    expect(state.querying).toBeNull()
    expect(state.cancelled).toBe('PutObject')
    expect(state.info?.matched).toBe(700)
    expect(errors).toEqual([]) // a cancel is not an error
    // The next query clears the note.
    api.holdViews = false
    find.setState({ query: 'GetObject' })
    await settle()
    expect(session.store.getState().cancelled).toBeNull()
    expect(session.store.getState().info?.matched).toBe(600)
  })

  it('is marked slow once, by one timer, past QUERY_SLOW_MS; a fast query never is', async () => {
    const { api, session, find } = await start()
    const slowMarks: string[] = []
    const stop = session.store.subscribe((state, before) => {
      if (state.querying?.slow && !before.querying?.slow) slowMarks.push(state.querying.query)
    })
    api.holdViews = true
    find.setState({ query: 'PutObject' })
    await settle()
    expect(session.store.getState().querying).toMatchObject({ query: 'PutObject', slow: false })
    await new Promise((resolve) => setTimeout(resolve, QUERY_SLOW_MS + 100))
    expect(session.store.getState().querying).toMatchObject({ query: 'PutObject', slow: true })
    api.releaseViews()
    await settle()
    expect(session.store.getState().querying).toBeNull()
    // A query answered at once: its timer finds it gone and marks nothing.
    api.holdViews = false
    find.setState({ query: 'GetObject' })
    await settle()
    await new Promise((resolve) => setTimeout(resolve, QUERY_SLOW_MS + 100))
    stop()
    expect(slowMarks).toEqual(['PutObject'])
    expect(session.store.getState().querying).toBeNull()
  })
})
