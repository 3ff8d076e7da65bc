// The renderer's one view session: created once in renderer/main.tsx with the API passed in (and
// by the unit tests with an in-memory one). It owns the store of everything about the view shown
// (session-state.ts) and the logic that changes it; the reactions between its parts, and to the
// find controls, are wired here, in one place, and undone by dispose().
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createExportLogic, type ExportLogic } from './export-logic'
import { createSelectionLogic, type SelectionLogic } from './selection-logic'
import type { SessionEnv } from './session-env'
import { INITIAL_STATE, type SessionState } from './session-state'
import { createViewLogic, type ViewLogic } from './view-logic'

export type ViewSession = Omit<ViewLogic, 'fetchCurrentEvent' | 'dispose'> &
  Omit<SelectionLogic, 'currentChanged'> &
  Omit<ExportLogic, 'scheduleCounts' | 'dispose'> & {
    store: StoreApi<SessionState>
    /** Stops the session's reactions and timers (tests; a page never ends its session). */
    dispose(): void
  }

export function createViewSession(env: SessionEnv): ViewSession {
  const store = createStore<SessionState>()(() => ({ ...INITIAL_STATE }))
  const context = { env, get: store.getState, set: (patch: Partial<SessionState>) => store.setState(patch) }
  const view = createViewLogic(context)
  const selection = createSelectionLogic(context, view)
  const exporting = createExportLogic(context)

  const unsubscribe = [
    // The find controls changed (the filter text once it parses and typing paused, a quick view,
    // the time range, the sort): ask for the view now; the newest request wins.
    env.find.subscribe((state, previous) => {
      if (state.query !== previous.query || state.quick !== previous.quick || state.range !== previous.range || state.sort !== previous.sort) void view.requery()
    }),
    store.subscribe((state, previous) => {
      // A new current event: the viewer shows its detail, and a plain move (a click, the arrows,
      // a new view emptying it) makes the selection that event alone.
      if (state.selectedId !== previous.selectedId) {
        view.fetchCurrentEvent()
        selection.currentChanged()
      }
    }),
    store.subscribe((state, previous) => {
      // The selection or the view changed: the hidden count may have too.
      if (state.ids !== previous.ids || state.anchor !== previous.anchor || state.all !== previous.all || state.info?.viewId !== previous.info?.viewId) {
        exporting.scheduleCounts()
      }
    }),
  ]

  const { fetchCurrentEvent: _fetch, dispose: disposeView, ...viewApi } = view
  const { currentChanged: _changed, ...selectionApi } = selection
  const { scheduleCounts: _schedule, dispose: disposeExport, ...exportApi } = exporting
  return {
    store,
    ...viewApi,
    ...selectionApi,
    ...exportApi,
    dispose() {
      for (const stop of unsubscribe) stop()
      disposeView()
      disposeExport()
    },
  }
}
