// The viewer's context menu holds Ashiato's actions only (filter by / hide a value, copy value,
// path or event, add as column, name an account). Monaco's own entries there are for a code
// editor: "Go to Symbol…" (the JSON language offers symbols), "Command Palette" (every editor
// command, most of them meaningless on a read-only event), "Copy" (Ctrl+C still copies a
// selection). Monaco has no option to leave them out, so the registry its context menu reads
// (it asks again each time the menu opens) answers the editor's context menu with our entries
// only. The ids are ours (see the addAction calls in JsonEditor.tsx); Monaco registers an action
// added to an editor as "<editor id>:<action id>" (vs.editor.ICodeEditor:1:ashiato.copyPath).
import { MenuId, MenuRegistry } from 'monaco-editor/platform/actions/common/actions'

/** Actions whose id starts with this are Ashiato's. */
export const ASHIATO_ACTION_PREFIX = 'ashiato.'

function isOurs(item: unknown): boolean {
  const command = (item as { command?: { id?: unknown } } | null)?.command
  if (typeof command?.id !== 'string') return false
  return command.id.slice(command.id.lastIndexOf(':') + 1).startsWith(ASHIATO_ACTION_PREFIX)
}

const allItems = MenuRegistry.getMenuItems.bind(MenuRegistry)
MenuRegistry.getMenuItems = (id: object): unknown[] => {
  const items = allItems(id)
  return id === MenuId.EditorContext ? items.filter(isOurs) : items
}
