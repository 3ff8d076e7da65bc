// The language the user chose in the window, for what the desktop shell itself shows (the menu,
// the crash-loop message box). The choice lives in the renderer (its language store, kept in
// the page's storage); the page tells main through the setShellLanguage call when it starts and
// each time the choice changes. Until then, the OS language decides, as it does for the page.

import { languageForLocale, type Language } from '../../common/i18n'

/** The language store of the desktop shell: the chosen language, and who wants to know. */
export class ShellLanguage {
  private chosen: Language | null = null
  private readonly listeners = new Set<(language: Language) => void>()

  /** `osLocale` is read lazily: app.getLocale() is only known once the app is ready. */
  constructor(private readonly osLocale: () => string) {}

  current(): Language {
    return this.chosen ?? languageForLocale(this.osLocale())
  }

  /** The page's choice; listeners hear of real changes only (a reload sends the same one again). */
  set(language: Language): void {
    const before = this.current()
    this.chosen = language
    if (language !== before) for (const listener of this.listeners) listener(language)
  }

  /** Returns the unsubscribe function. */
  onChange(listener: (language: Language) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
