// How components reach the view session: main.tsx puts it in a context; components subscribe to
// its store through narrow selectors (re-rendering only when what they select changed) and call
// its functions. `useSessionState((s) => s.rows)` is how the list re-renders as rows arrive.
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { ViewSession } from './create-session'
import type { SessionState } from './session-state'

const SessionContext = createContext<ViewSession | null>(null)

export function SessionProvider({ session, children }: { session: ViewSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

/** The view session (its functions, and `store` for reads outside rendering). */
export function useViewSession(): ViewSession {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useViewSession outside SessionProvider (renderer/main.tsx provides it)')
  return session
}

/** A slice of the session's state; the component re-renders when it changes. */
export function useSessionState<T>(selector: (state: SessionState) => T): T {
  return useStore(useViewSession().store, selector)
}
