// The UI language: navigator.language at first (ja* -> Japanese), then whatever the user picked,
// kept in localStorage (renderer/state/persisted.ts). <html lang> follows it (main.tsx wires
// followLanguage: screen readers and CJK font choice need it).
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { languageForLocale, MESSAGES, type Language, type Messages } from '../../common/i18n'
import { kept } from './persisted'

export const LANGUAGE_KEY = 'ashiato.language'

interface LanguageState {
  language: Language
  setLanguage(language: Language): void
}

const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'ja'

export const useLanguage = create<LanguageState>()(
  persist(
    (set) => ({
      language: languageForLocale((globalThis as { navigator?: { language?: string } }).navigator?.language),
      setLanguage: (language) => set({ language }),
    }),
    kept<LanguageState, { language: Language }>({
      name: LANGUAGE_KEY,
      keep: (s) => ({ language: s.language }),
      clean: (stored) => (isLanguage(stored.language) ? { language: stored.language } : {}),
      // Before persist: the bare code, "en" or "ja".
      fromLegacy: (raw) => ({ language: raw }),
    }),
  ),
)

/** Keeps <html lang> on the UI language; returns the unsubscribe. */
export function followLanguage(root: { lang: string }): () => void {
  root.lang = useLanguage.getState().language
  return useLanguage.subscribe((state) => {
    root.lang = state.language
  })
}

/** The strings of the current language. */
export function useT(): Messages {
  return MESSAGES[useLanguage((s) => s.language)]
}

/** The strings of the current language, outside React. */
export function currentMessages(): Messages {
  return MESSAGES[useLanguage.getState().language]
}
