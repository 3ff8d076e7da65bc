// The timeline's kept choice (renderer/state/persisted.ts): a linear or a logarithmic count scale.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { kept, legacyJson } from './persisted'

export const TIMELINE_PREFS_KEY = 'ashiato.timeline'

interface TimelinePrefs {
  logScale: boolean
  setLogScale(log: boolean): void
}

export const useTimelinePrefs = create<TimelinePrefs>()(
  persist(
    (set) => ({
      logScale: false,
      setLogScale: (logScale) => set({ logScale }),
    }),
    kept<TimelinePrefs, { logScale: boolean }>({
      name: TIMELINE_PREFS_KEY,
      keep: (s) => ({ logScale: s.logScale }),
      clean: (stored) => (typeof stored.logScale === 'boolean' ? { logScale: stored.logScale } : {}),
      fromLegacy: legacyJson, // never written before persist; read as the same object if it were
    }),
  ),
)
