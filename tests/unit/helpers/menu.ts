// What the menu tests share (electron-shell.test.ts, electron-desktop.test.ts,
// menu-language.test.ts): a template in a given language, actions that record what they were
// asked, and lookups by label or role through the submenus.
import { vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { MESSAGES, type Language } from '../../../common/i18n'
import { menuTemplate, type MenuActions, type MenuOptions } from '../../../main/electron/menu-template'

export type RecordingActions = MenuActions & { sent: string[] }

/** Actions that keep the commands sent to the page in `sent`; the others are vi.fn(). */
export function recordingActions(): RecordingActions {
  const sent: string[] = []
  return { sent, send: (command) => void sent.push(command), openHelp: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() }
}

/** The template for a platform, in English unless a language is given. */
export function buildMenu(options: Omit<MenuOptions, 't' | 'actions'> & { actions?: MenuActions; language?: Language }): MenuItemConstructorOptions[] {
  const { language = 'en', actions = recordingActions(), ...rest } = options
  return menuTemplate({ ...rest, actions, t: MESSAGES[language] })
}

/** Every item's role and label (or its type, for separators), depth first. */
export function menuEntries(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => {
    const own = [item.role, item.label].filter((x): x is NonNullable<typeof x> => x !== undefined)
    return [...(own.length > 0 ? own : [item.type ?? '?']), ...(Array.isArray(item.submenu) ? menuEntries(item.submenu) : [])]
  })
}

/** The first item with this label, searching submenus. */
export function findItem(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item
    const inner = Array.isArray(item.submenu) ? findItem(item.submenu, label) : undefined
    if (inner) return inner
  }
  return undefined
}

/** Clicks the item with this label (fails the test if there is none). */
export function clickItem(items: MenuItemConstructorOptions[], label: string): void {
  const click = findItem(items, label)?.click as (() => void) | undefined
  if (!click) throw new Error(`no menu item "${label}" to click`)
  click()
}
