// The desktop menu's File ▸ Open, Open Folder and Open Recent reach the page as menuCommand
// pushes, and the page asks "add or new" before loading when events are loaded, as a drop and web
// mode's pickers do (renderer/state/load-choice.ts). Driven here as main drives it: the push's
// payload, then the shell's dialog answering with paths, then the calls the page makes. The
// desktop's calls are an in-memory stand-in for our own contract (the Electron app itself cannot
// run on this machine; tests/e2e/electron/desktop.spec.ts covers it where it can).
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LoadStarted } from '../../common/ipc-contract'
import { createViewSession, type ViewSession } from '../../renderer/session/create-session'
import { answerLoadChoice, useLoadChoice } from '../../renderer/state/load-choice'
import { onMenuCommand } from '../../renderer/state/pushes'
import { makeRows, memoryEnv, MemorySessionApi, settle } from './helpers/memory-session-api'

/** What the desktop's preload offers that these paths use, recording each call. */
const desktop = {
  calls: [] as string[],
  picked: null as string[] | null,
  pathForFile: () => '',
  async chooseLogPaths(kind: 'files' | 'folders'): Promise<string[] | null> {
    desktop.calls.push(`chooseLogPaths ${kind}`)
    return desktop.picked
  },
  async loadPaths(paths: string[]): Promise<LoadStarted> {
    desktop.calls.push(`loadPaths ${paths.join(',')}`)
    return { loadId: 1 } as LoadStarted
  },
  async clearAll(): Promise<void> {
    desktop.calls.push('clearAll')
  },
  async fileReports() {
    return []
  },
}

beforeAll(() => {
  // renderer/api/get-api.ts takes the preload's window.ashiato when there is one.
  ;(globalThis as { window?: unknown }).window = { ashiato: desktop }
})

let session: ViewSession | undefined
afterEach(() => {
  session?.dispose()
  desktop.calls = []
  desktop.picked = null
})

async function withEvents(n: number): Promise<ViewSession> {
  session = createViewSession(memoryEnv(new MemorySessionApi(makeRows(n))).env)
  await session.requery()
  return session
}

describe('File ▸ Open in the desktop app', () => {
  it('asks "add or new" when events are loaded, and adds on "add"', async () => {
    const s = await withEvents(700)
    desktop.picked = ['/logs/a.json.gz', 'C:\\logs\\b.json.gz']
    onMenuCommand(s, { command: 'openFiles' })
    await settle()
    expect(desktop.calls).toEqual(['chooseLogPaths files'])
    expect(useLoadChoice.getState().asking).toEqual({ names: ['a.json.gz', 'b.json.gz'], loaded: 700 })
    await answerLoadChoice('add')
    await settle()
    expect(desktop.calls).toEqual(['chooseLogPaths files', 'loadPaths /logs/a.json.gz,C:\\logs\\b.json.gz'])
    expect(useLoadChoice.getState().asking).toBeNull()
  })

  it('Open Folder clears the loaded events first on "new"', async () => {
    const s = await withEvents(10)
    desktop.picked = ['/logs/AWSLogs']
    onMenuCommand(s, { command: 'openFolder' })
    await settle()
    expect(useLoadChoice.getState().asking?.names).toEqual(['AWSLogs'])
    await answerLoadChoice('new')
    await settle()
    expect(desktop.calls).toEqual(['chooseLogPaths folders', 'clearAll', 'loadPaths /logs/AWSLogs'])
  })

  it('Open Recent asks too, and Cancel loads nothing', async () => {
    const s = await withEvents(10)
    onMenuCommand(s, { command: 'openPaths', paths: ['/home/ann/trail.json.gz'] })
    expect(useLoadChoice.getState().asking?.names).toEqual(['trail.json.gz'])
    await answerLoadChoice(null)
    await settle()
    expect(desktop.calls).toEqual([])
  })

  it('loads at once when nothing is loaded, and does nothing when the dialog is cancelled', async () => {
    const s = await withEvents(0)
    desktop.picked = ['/logs/a.json']
    onMenuCommand(s, { command: 'openFiles' })
    await settle()
    expect(useLoadChoice.getState().asking).toBeNull()
    expect(desktop.calls).toEqual(['chooseLogPaths files', 'loadPaths /logs/a.json'])
    desktop.calls = []
    desktop.picked = null
    onMenuCommand(s, { command: 'openFiles' })
    await settle()
    expect(desktop.calls).toEqual(['chooseLogPaths files'])
    expect(useLoadChoice.getState().asking).toBeNull()
  })
})
