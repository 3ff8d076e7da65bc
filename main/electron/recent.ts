// File > Open Recent, kept on disk (userData/recent-files.json) and given to the OS as well
// (app.addRecentDocument: the Dock menu on macOS, the Jump List on Windows). The list itself is
// recent-files.ts, which is pure.

import { app } from 'electron'
import path from 'node:path'
import { readJsonFile, writeJsonFile } from './json-file'
import { MAX_RECENT, addRecent, parseRecent, removeRecent } from './recent-files'

const FILE_NAME = 'recent-files.json'

let list: string[] | null = null
let changed: () => void = () => undefined

function file(): string {
  return path.join(app.getPath('userData'), FILE_NAME)
}

function loaded(): string[] {
  list ??= parseRecent(readJsonFile(file()))
  return list
}

function store(next: string[]): void {
  list = next
  try {
    writeJsonFile(file(), { files: next })
  } catch (error) {
    console.error(`[recent] saving ${file()}: ${(error as Error).message}`)
  }
  changed()
}

/** `onChange` runs whenever the list changes (the menu is rebuilt). */
export function setupRecentFiles(onChange: () => void): void {
  changed = onChange
}

export function recentFiles(): readonly string[] {
  return loaded()
}

/** Files or folders were opened (dialog, drop, command line, Finder, the menu itself). */
export function noteOpened(paths: readonly string[]): void {
  const absolute = paths.filter((p) => path.isAbsolute(p))
  if (absolute.length === 0) return
  for (const p of absolute.slice(0, MAX_RECENT)) app.addRecentDocument(p)
  store(addRecent(loaded(), absolute))
}

/** An entry that could not be opened any more. */
export function forgetRecent(entry: string): void {
  store(removeRecent(loaded(), entry))
}

export function clearRecent(): void {
  app.clearRecentDocuments()
  store([])
}
