// File > Open Recent: the files and folders opened last, newest first, kept in
// userData/recent-files.json. Pure, so it is tested directly; recent.ts keeps it on disk and in
// the menu.

import path from 'node:path'

export const MAX_RECENT = 10

/** Paths compare without case where the file system usually ignores it (Windows, macOS). */
function sameKey(file: string, platform: NodeJS.Platform): string {
  return platform === 'win32' || platform === 'darwin' ? file.toLowerCase() : file
}

/** The list after opening `opened` (in the order given): those come first, each once, at most `max` in all. */
export function addRecent(list: readonly string[], opened: readonly string[], platform: NodeJS.Platform = process.platform, max = MAX_RECENT): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const file of [...opened, ...list]) {
    const key = sameKey(file, platform)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(file)
    if (out.length >= max) break
  }
  return out
}

/** The list without `file` (it could not be opened any more). */
export function removeRecent(list: readonly string[], file: string, platform: NodeJS.Platform = process.platform): string[] {
  const key = sameKey(file, platform)
  return list.filter((entry) => sameKey(entry, platform) !== key)
}

/** A stored list read back (anything may be in the file): absolute paths only, each once, at most `max`. */
export function parseRecent(value: unknown, platform: NodeJS.Platform = process.platform, max = MAX_RECENT): string[] {
  const list = Array.isArray(value) ? value : (value as { files?: unknown } | null)?.files
  if (!Array.isArray(list)) return []
  const files = list.filter((file): file is string => typeof file === 'string' && file.length > 0 && file.length < 32_768 && !file.includes('\0') && path.isAbsolute(file))
  return addRecent([], files, platform, max)
}

/**
 * A menu label: the file's name, then its folder with the home folder shown as ~. Ampersands are
 * doubled, since Windows and Linux menus read '&x' as an access key.
 */
export function recentLabel(file: string, home: string): string {
  const name = path.basename(file) || file
  let folder = path.dirname(file)
  if (home && (folder === home || folder.startsWith(home + path.sep))) folder = `~${folder.slice(home.length)}`
  return `${name}  —  ${folder}`.replace(/&/g, '&&')
}
