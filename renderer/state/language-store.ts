// The UI language: navigator.language at first (ja* -> Japanese), then whatever the user picked,
// kept in localStorage. <html lang> follows it (screen readers and CJK font choice need it).
import { create } from 'zustand'
import { languageForLocale, MESSAGES, type Language, type Messages } from '../../common/i18n'

const STORAGE_KEY = 'ashiato.language'

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'en' || value === 'ja' ? value : null
  } catch {
    return null // storage can be unavailable (privacy settings); then the default applies
  }
}

interface LanguageState {
  language: Language
  setLanguage(language: Language): void
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: storedLanguage() ?? languageForLocale(navigator.language),
  setLanguage(language) {
    try {
      localStorage.setItem(STORAGE_KEY, language)
    } catch {
      // not persisted; the choice still holds for this session
    }
    set({ language })
  },
}))

function applyLang(language: Language): void {
  document.documentElement.lang = language
}
applyLang(useLanguage.getState().language)
useLanguage.subscribe((state) => applyLang(state.language))

/** The strings of the current language. */
export function useT(): Messages {
  return MESSAGES[useLanguage((s) => s.language)]
}
