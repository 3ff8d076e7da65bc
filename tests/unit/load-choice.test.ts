// The desktop menu's File ▸ Open, Open Folder and Open Recent reach the page as menuCommand
// pushes, and the page asks "add or new" before loading when events are loaded, as a drop and web
// mode's pickers do (renderer/state/load-choice.ts). Driven here as main drives it: the push's
// payload, then the shell's dialog answering with paths, then what the page calls. Those calls
// are recorded instead of made (renderer/state/actions.ts gives the real ones; the Electron app
// itself cannot run on this machine: tests/e2e/electron/desktop.spec.ts covers it where it can).
import { afterEach, describe, expect, it } from 'vitest'
import { createViewSession, type ViewSession } from '../../renderer/session/create-session'
import { answerLoadChoice, menuOpen, useLoadChoice, type LoadDoors } from '../../renderer/state/load-choice'
import { makeRows, memoryEnv, MemorySessionApi, settle } from './helpers/memory-session-api'

/** The desktop's doors, recording each call; `picked` is what its Open dialog answers. */
function desktopDoors(picked: string[] | null): LoadDoors & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    chooseLogPaths: async (kind) => {
      calls.push(`chooseLogPaths ${kind}`)
      return picked
    },
    clickFileInput: (kind) => void calls.push(`clickFileInput ${kind}`),
    loadPaths: (paths) => void calls.push(`loadPaths ${paths.join(',')}`),
    clearAll: async () => void calls.push('clearAll'),
  }
}

let session: ViewSession | undefined
afterEach(() => session?.dispose())

async function withEvents(n: number): Promise<ViewSession> {
  session = createViewSession(memoryEnv(new MemorySessionApi(makeRows(n))).env)
  await session.requery()
  return session
}

describe('File ▸ Open in the desktop app', () => {
  it('asks "add or new" when events are loaded, and adds on "add"', async () => {
    const s = await withEvents(700)
    const doors = desktopDoors(['/logs/a.json.gz', 'C:\\logs\\b.json.gz'])
    expect(menuOpen(s, { command: 'openFiles' }, doors)).toBe(true)
    await settle()
    expect(doors.calls).toEqual(['chooseLogPaths files'])
    expect(useLoadChoice.getState().asking).toEqual({ names: ['a.json.gz', 'b.json.gz'], loaded: 700 })
    await answerLoadChoice('add')
    expect(doors.calls).toEqual(['chooseLogPaths files', 'loadPaths /logs/a.json.gz,C:\\logs\\b.json.gz'])
    expect(useLoadChoice.getState().asking).toBeNull()
  })

  it('Open Folder clears the loaded events first on "new"', async () => {
    const s = await withEvents(10)
    const doors = desktopDoors(['/logs/AWSLogs'])
    menuOpen(s, { command: 'openFolder' }, doors)
    await settle()
    expect(useLoadChoice.getState().asking?.names).toEqual(['AWSLogs'])
    await answerLoadChoice('new')
    expect(doors.calls).toEqual(['chooseLogPaths folders', 'clearAll', 'loadPaths /logs/AWSLogs'])
  })

  it('Open Recent asks too, and Cancel loads nothing', async () => {
    const s = await withEvents(10)
    const doors = desktopDoors(null)
    menuOpen(s, { command: 'openPaths', paths: ['/home/ann/trail.json.gz'] }, doors)
    expect(useLoadChoice.getState().asking?.names).toEqual(['trail.json.gz'])
    await answerLoadChoice(null)
    expect(doors.calls).toEqual([])
  })

  it('loads at once when nothing is loaded, and does nothing when the dialog is cancelled', async () => {
    const s = await withEvents(0)
    const doors = desktopDoors(['/logs/a.json'])
    menuOpen(s, { command: 'openFiles' }, doors)
    await settle()
    expect(useLoadChoice.getState().asking).toBeNull()
    expect(doors.calls).toEqual(['chooseLogPaths files', 'loadPaths /logs/a.json'])
    const cancelled = desktopDoors(null)
    menuOpen(s, { command: 'openFiles' }, cancelled)
    await settle()
    expect(cancelled.calls).toEqual(['chooseLogPaths files'])
    expect(useLoadChoice.getState().asking).toBeNull()
  })

  it("leaves the menu's other commands to the page, and web mode to its own file inputs", async () => {
    const s = await withEvents(10)
    const web = { ...desktopDoors(null), chooseLogPaths: null }
    expect(menuOpen(s, { command: 'exportEvents' }, web)).toBe(false)
    menuOpen(s, { command: 'openFolder' }, web)
    expect(web.calls).toEqual(['clickFileInput folders'])
  })
})
